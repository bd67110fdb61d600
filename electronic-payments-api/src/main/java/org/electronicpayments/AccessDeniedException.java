package org.electronicpayments;

import org.electronicpayments.security.Actor;
import org.electronicpayments.security.Permission;
import org.jspecify.annotations.Nullable;

/** The access policy denied an operation. The denial is in the audit trail too. */
public final class AccessDeniedException extends PaymentException {

  private static final long serialVersionUID = 1L;

  private final String actor;
  private final Permission permission;

  /**
   * Creates the exception.
   *
   * @param actor who was denied
   * @param permission what they tried
   * @param client whose payments or cards, if any
   * @param reason the policy's reason
   */
  public AccessDeniedException(
      Actor actor, Permission permission, @Nullable ClientId client, String reason) {
    super(
        "Access denied: "
            + actor.auditName()
            + " may not "
            + permission
            + (client == null ? "" : " for client " + client)
            + " ("
            + reason
            + ")");
    this.actor = actor.auditName();
    this.permission = permission;
  }

  /**
   * Returns the audit name of the actor who was denied.
   *
   * @return the actor's audit name
   */
  public String actor() {
    return actor;
  }

  /**
   * Returns the permission that was denied.
   *
   * @return what was denied
   */
  public Permission permission() {
    return permission;
  }
}
