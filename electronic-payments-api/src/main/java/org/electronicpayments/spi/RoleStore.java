package org.electronicpayments.spi;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.electronicpayments.AgencyId;
import org.electronicpayments.StaffId;
import org.electronicpayments.security.Permission;
import org.electronicpayments.security.Role;

/**
 * Where an {@link org.electronicpayments.roles.RoleDirectory} keeps an agency's roles and who holds
 * them: {@link org.electronicpayments.roles.InMemoryRoleStore}, or the JDBC module's {@code
 * JdbcRoleStore}. The directory checks the Champion, validates and audits; a store only stores, and
 * makes each edit atomic.
 *
 * <p>Every edit reads what it changes and changes it as one step: two edits of the same role (or of
 * the same staff member's roles) at once are applied one after the other, neither lost, and the
 * {@link Edit} each returns is what that step really saw before and left after. Reads see every
 * completed edit (no cache that outlives an edit). Implementations are thread-safe and, when shared
 * by several host nodes, safe across them. Role names are compared exactly.
 *
 * <p>{@code RoleDirectoryCompatibilityKit} in the testkit is the contract.
 */
public interface RoleStore {

  /**
   * Stores a new role.
   *
   * @param agency the agency
   * @param role the role and its permissions
   * @return false, storing nothing, when the agency already has a role of that name
   */
  boolean define(AgencyId agency, Role role);

  /**
   * Adds a permission to a role, if it is not there.
   *
   * @param agency the agency
   * @param role the role's name
   * @param permission the permission
   * @return the role's permission names before and after; empty when there is no such role
   */
  Optional<Edit> grant(AgencyId agency, String role, Permission permission);

  /**
   * Removes a permission from a role, if it is there.
   *
   * @param agency the agency
   * @param role the role's name
   * @param permission the permission
   * @return the role's permission names before and after; empty when there is no such role
   */
  Optional<Edit> revoke(AgencyId agency, String role, Permission permission);

  /**
   * Assigns a role to a staff member, if not assigned.
   *
   * @param agency the agency
   * @param staff the staff member
   * @param role the role's name
   * @return the staff member's role names before and after; empty when there is no such role
   */
  Optional<Edit> assign(AgencyId agency, StaffId staff, String role);

  /**
   * Takes a role from a staff member, if assigned.
   *
   * @param agency the agency
   * @param staff the staff member
   * @param role the role's name
   * @return the staff member's role names before and after; empty when there is no such role
   */
  Optional<Edit> unassign(AgencyId agency, StaffId staff, String role);

  /**
   * A role.
   *
   * @param agency the agency
   * @param name the role's name
   * @return the role, if the agency has one of that name
   */
  Optional<Role> role(AgencyId agency, String name);

  /**
   * The agency's roles.
   *
   * @param agency the agency
   * @return the roles, by name
   */
  List<Role> roles(AgencyId agency);

  /**
   * The roles assigned to a staff member.
   *
   * @param agency the agency
   * @param staff the staff member
   * @return the roles, by name; empty for staff without roles
   */
  List<Role> rolesOf(AgencyId agency, StaffId staff);

  /**
   * Every permission a staff member's roles grant, now.
   *
   * @param agency the agency
   * @param staff the staff member
   * @return the permissions; empty for staff without roles
   */
  Set<Permission> permissionsOf(AgencyId agency, StaffId staff);

  /**
   * Whether some staff member holds a permission through a role.
   *
   * @param agency the agency
   * @param permission the permission
   * @return true when at least one does
   */
  boolean anyStaffHolds(AgencyId agency, Permission permission);

  /**
   * What one edit saw and left: permission names for a role, role names for a staff member.
   *
   * @param before the names before, sorted
   * @param after the names after, sorted
   */
  record Edit(List<String> before, List<String> after) {
    /** Sorts and copies the names. */
    public Edit {
      before = before.stream().map(n -> Objects.requireNonNull(n, "name")).sorted().toList();
      after = after.stream().map(n -> Objects.requireNonNull(n, "name")).sorted().toList();
    }

    /**
     * Whether the edit changed anything.
     *
     * @return true when before and after differ
     */
    public boolean changed() {
      return !before.equals(after);
    }
  }
}
