package org.electronicpayments.roles;

import org.electronicpayments.PaymentException;

/**
 * A Champion defined a role under a name the agency already uses. Nothing was changed; grant or
 * revoke the existing role's permissions instead.
 */
public final class RoleExistsException extends PaymentException {

  private static final long serialVersionUID = 1L;

  private final String role;

  /**
   * Creates the exception.
   *
   * @param role the role's name
   */
  public RoleExistsException(String role) {
    super("The agency already has a role named '" + role + "'");
    this.role = role;
  }

  /**
   * The name of the role that already exists.
   *
   * @return the role's name
   */
  public String role() {
    return role;
  }
}
