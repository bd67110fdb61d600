package org.electronicpayments.security;

import java.util.EnumSet;
import java.util.Set;
import org.electronicpayments.ClientId;
import org.jspecify.annotations.Nullable;

/** The policy of {@link AccessPolicy#standard()}. */
final class StandardAccessPolicy implements AccessPolicy {

  static final StandardAccessPolicy INSTANCE = new StandardAccessPolicy();

  /** What a client may do for themself, and a representative for the clients they represent. */
  static final Set<Permission> SELF_SERVICE =
      EnumSet.of(
          Permission.PROCESS_ELECTRONIC_PAYMENTS,
          Permission.SAVE_CARD,
          Permission.CHARGE_SAVED_CARD,
          Permission.VIEW_SAVED_CARDS,
          Permission.MANAGE_SAVED_CARDS,
          Permission.SEND_RECEIPTS,
          Permission.VIEW_PAYMENTS);

  /** What the host's background job may do. */
  static final Set<Permission> SYSTEM =
      EnumSet.of(Permission.RECONCILE_PAYMENTS, Permission.VIEW_PAYMENTS);

  private StandardAccessPolicy() {}

  @Override
  public AccessDecision decide(Actor actor, Permission permission, @Nullable ClientId client) {
    if (actor instanceof Actor.Staff staff) {
      return staff.has(permission)
          ? AccessDecision.allow("a role grants " + permission)
          : AccessDecision.deny("no role grants " + permission);
    }
    if (actor instanceof Actor.Client self) {
      if (!SELF_SERVICE.contains(permission)) {
        return AccessDecision.deny("clients may not " + permission);
      }
      return self.id().equals(client)
          ? AccessDecision.allow("clients act on their own payments and cards")
          : AccessDecision.deny("clients act only on their own payments and cards");
    }
    if (actor instanceof Actor.Representative rep) {
      if (!SELF_SERVICE.contains(permission)) {
        return AccessDecision.deny("representatives may not " + permission);
      }
      return client != null && rep.clients().contains(client)
          ? AccessDecision.allow("the representative acts for this client")
          : AccessDecision.deny("the representative does not act for this client");
    }
    if (actor instanceof Actor.SystemJob) {
      return SYSTEM.contains(permission)
          ? AccessDecision.allow("background jobs may " + permission)
          : AccessDecision.deny("background jobs may not " + permission);
    }
    return AccessDecision.deny("unknown kind of actor");
  }
}
