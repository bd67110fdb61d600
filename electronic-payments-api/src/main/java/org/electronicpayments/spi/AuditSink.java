package org.electronicpayments.spi;

import java.time.Instant;
import java.util.Objects;
import org.electronicpayments.ClientId;
import org.electronicpayments.PaymentId;
import org.electronicpayments.security.Permission;
import org.jspecify.annotations.Nullable;

/** Receives every access decision, allowed or denied, for the agency's audit trail. */
@FunctionalInterface
public interface AuditSink {

  /**
   * Records one decision. Must not throw for ordinary failures of its own; a sink that cannot
   * record should say so through its own monitoring.
   *
   * @param event the decision
   */
  void record(Event event);

  /**
   * One access decision.
   *
   * @param at when
   * @param actor who (an actor's audit name)
   * @param permission what they tried
   * @param clientId whose payments or cards, if any
   * @param paymentId which payment, if any
   * @param allowed the answer
   * @param reason the policy's reason
   */
  record Event(Instant at, String actor, Permission permission, @Nullable ClientId clientId,
      @Nullable PaymentId paymentId, boolean allowed, String reason) {
    /** Requires the parts. */
    public Event {
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(actor, "actor");
      Objects.requireNonNull(permission, "permission");
      Objects.requireNonNull(reason, "reason");
    }
  }
}
