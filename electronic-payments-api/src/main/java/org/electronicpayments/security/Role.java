package org.electronicpayments.security;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A named set of permissions that the agency's Champion grants to staff. {@link StandardRoles}
 * holds the two every agency starts with; the {@code org.electronicpayments.roles} directory stores
 * an agency's roles and who holds them.
 *
 * <pre>{@code
 * Role frontDesk = Role.of("Front desk", Permission.PROCESS_ELECTRONIC_PAYMENTS,
 *     Permission.CHARGE_SAVED_CARD, Permission.SEND_RECEIPTS, Permission.VIEW_PAYMENTS);
 * }</pre>
 *
 * @param name the role's name
 * @param permissions what it allows
 */
public record Role(String name, Set<Permission> permissions) {

  /** Checks the name and copies the permissions. */
  public Role {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("A role needs a name");
    }
    permissions = Set.copyOf(permissions);
  }

  /**
   * Makes a role.
   *
   * @param name the role's name
   * @param permissions what it allows
   * @return the role
   */
  public static Role of(String name, Permission... permissions) {
    return new Role(
        name, permissions.length == 0 ? Set.of() : EnumSet.of(permissions[0], permissions));
  }

  /**
   * A role with every permission, for an agency's administrator.
   *
   * @param name the role's name
   * @return the role
   */
  public static Role allPermissions(String name) {
    return new Role(name, EnumSet.allOf(Permission.class));
  }

  /**
   * Whether the role allows something: one of its permissions {@link Permission#includes includes}
   * it.
   *
   * @param permission the permission
   * @return true when granted
   */
  public boolean allows(Permission permission) {
    for (Permission granted : permissions) {
      if (granted.includes(permission)) {
        return true;
      }
    }
    return false;
  }
}
