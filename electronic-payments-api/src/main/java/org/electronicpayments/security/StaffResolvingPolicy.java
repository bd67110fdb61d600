package org.electronicpayments.security;

import java.util.Objects;
import java.util.Set;
import org.electronicpayments.ClientId;
import org.electronicpayments.spi.StaffPermissions;
import org.jspecify.annotations.Nullable;

/**
 * The policy of {@link AccessPolicy#resolvingStaffThrough}: asks the source for a staff member's
 * permissions on every decision and hands the policy a staff actor holding exactly those.
 */
final class StaffResolvingPolicy implements AccessPolicy {

  /** The name of the role that carries the permissions the source answered with. */
  static final String RESOLVED_ROLE = "permissions from the staff permission source";

  private final AccessPolicy policy;
  private final StaffPermissions source;

  StaffResolvingPolicy(AccessPolicy policy, StaffPermissions source) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.source = Objects.requireNonNull(source, "source");
  }

  @Override
  public AccessDecision decide(Actor actor, Permission permission, @Nullable ClientId client) {
    if (actor instanceof Actor.Staff staff) {
      Set<Permission> held = source.permissionsOf(staff.id());
      Actor resolved =
          Actor.staff(staff.id(), Set.of(new Role(RESOLVED_ROLE, held == null ? Set.of() : held)));
      return policy.decide(resolved, permission, client);
    }
    return policy.decide(actor, permission, client);
  }
}
