package org.electronicpayments.roles;

import org.electronicpayments.PaymentException;

/** A Champion named a role the agency does not have. Nothing was changed. */
public final class RoleNotFoundException extends PaymentException {

  private static final long serialVersionUID = 1L;

  private final String role;

  /**
   * Creates the exception.
   *
   * @param role the role's name
   */
  public RoleNotFoundException(String role) {
    super("The agency has no role named '" + role + "'");
    this.role = role;
  }

  /**
   * The name of the role that was not found.
   *
   * @return the role's name
   */
  public String role() {
    return role;
  }
}
