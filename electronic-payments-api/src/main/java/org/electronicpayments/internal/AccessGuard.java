package org.electronicpayments.internal;

import java.time.Clock;
import org.electronicpayments.AccessDeniedException;
import org.electronicpayments.ClientId;
import org.electronicpayments.PaymentId;
import org.electronicpayments.security.AccessDecision;
import org.electronicpayments.security.AccessPolicy;
import org.electronicpayments.security.Actor;
import org.electronicpayments.security.Permission;
import org.electronicpayments.spi.AuditSink;
import org.jspecify.annotations.Nullable;

/** Asks the access policy, records the decision in the audit trail, and throws on denial. */
public final class AccessGuard {

  private final AccessPolicy policy;
  private final AuditSink audit;
  private final Clock clock;

  public AccessGuard(AccessPolicy policy, AuditSink audit, Clock clock) {
    this.policy = policy;
    this.audit = audit;
    this.clock = clock;
  }

  public void check(
      Actor actor, Permission permission, @Nullable ClientId client, @Nullable PaymentId payment) {
    AccessDecision decision;
    try {
      decision = policy.decide(actor, permission, client);
    } catch (RuntimeException e) {
      decision = AccessDecision.deny("the access policy failed: " + e.getClass().getSimpleName());
    }
    if (decision == null) {
      decision = AccessDecision.deny("the access policy gave no decision");
    }
    audit.record(
        new AuditSink.Event(
            clock.instant(),
            actor.auditName(),
            permission,
            client,
            payment,
            decision.allowed(),
            decision.reason()));
    if (!decision.allowed()) {
      throw new AccessDeniedException(actor, permission, client, decision.reason());
    }
  }

  /**
   * Records in the audit trail an action the agency's own setting allows without asking the policy
   * (a portal payment posted automatically).
   */
  public void recordAgencyRule(
      Actor actor,
      Permission permission,
      @Nullable ClientId client,
      @Nullable PaymentId payment,
      String reason) {
    audit.record(
        new AuditSink.Event(
            clock.instant(), actor.auditName(), permission, client, payment, true, reason));
  }
}
