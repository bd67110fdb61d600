package org.electronicpayments.jdbc;

import org.jspecify.annotations.Nullable;

/** The role store's table names, qualified with the configured schema like {@link Tables}. */
record RoleTables(String roles, String rolePermissions, String staff, String staffRoles) {

  static RoleTables in(@Nullable String schema) {
    String prefix = schema == null ? "" : "\"" + schema + "\".";
    return new RoleTables(
        prefix + "agency_roles",
        prefix + "agency_role_permissions",
        prefix + "agency_staff",
        prefix + "agency_staff_roles");
  }

  String[] all() {
    return new String[] {roles, rolePermissions, staff, staffRoles};
  }
}
