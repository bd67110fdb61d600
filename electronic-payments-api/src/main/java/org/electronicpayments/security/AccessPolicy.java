package org.electronicpayments.security;

import org.electronicpayments.ClientId;
import org.electronicpayments.spi.StaffPermissions;
import org.jspecify.annotations.Nullable;

/**
 * Decides whether an actor may do something to a client's payments or cards. The facade asks before
 * every operation and records every answer in the audit trail. Implementations must deny whatever
 * they do not explicitly allow.
 */
@FunctionalInterface
public interface AccessPolicy {

  /**
   * Decides.
   *
   * @param actor who is acting
   * @param permission what they want to do
   * @param client whose payments or cards it touches; {@code null} for agency-wide operations such
   *     as reconciliation or the list of unsaved payments
   * @return the decision
   */
  AccessDecision decide(Actor actor, Permission permission, @Nullable ClientId client);

  /**
   * The standard policy: staff need the permission through a role; a client acts only on their own
   * payments and cards; a representative only for the clients they represent; the host's background
   * job only reconciles and reads.
   *
   * @return the standard policy
   */
  static AccessPolicy standard() {
    return StandardAccessPolicy.INSTANCE;
  }

  /**
   * This policy, judging staff by the permissions {@code source} holds for them now rather than by
   * the roles the {@link Actor.Staff} carries. The source is asked on every decision, so a revoked
   * permission is refused from the very next one. Other kinds of actor are passed through
   * unchanged. {@code ElectronicPaymentsBuilder.staffPermissions(source)} applies this to the
   * facade's policy.
   *
   * @param source the staff member's permissions, such as a role directory
   * @return the policy
   */
  default AccessPolicy resolvingStaffThrough(StaffPermissions source) {
    return new StaffResolvingPolicy(this, source);
  }
}
