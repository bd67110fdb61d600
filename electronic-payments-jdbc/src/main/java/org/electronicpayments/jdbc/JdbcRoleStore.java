package org.electronicpayments.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.electronicpayments.AgencyId;
import org.electronicpayments.PaymentException;
import org.electronicpayments.StaffId;
import org.electronicpayments.security.Permission;
import org.electronicpayments.security.Role;
import org.electronicpayments.spi.RoleStore;
import org.jspecify.annotations.Nullable;

/**
 * A durable {@link RoleStore} over JDBC, for PostgreSQL and H2: the agency's roles, their
 * permissions and the staff who hold them, in the tables of migration {@code V2__roles.sql}. Give
 * it to a {@link org.electronicpayments.roles.RoleDirectory}; several host nodes may share one
 * database.
 *
 * <pre>{@code
 * JdbcRoleStore roleStore = JdbcRoleStore.builder().dataSource(dataSource).migrate(true).build();
 * RoleDirectory roles = RoleDirectory.builder().agency(agencyId).store(roleStore).auditSink(audit).build();
 * }</pre>
 *
 * <p>An edit runs in one transaction that first increments the version of the role (or of the staff
 * member) it edits: that row lock makes two Champions' edits of the same role run one after the
 * other, each reading what the other committed, so neither is lost and each returns what it really
 * changed. A transaction that loses a lock race is retried. Reads are not cached: a revoked
 * permission is gone from the next {@link #permissionsOf}. Database failures surface as {@link
 * PaymentException}s whose cause is the {@link SQLException}.
 */
public final class JdbcRoleStore implements RoleStore {

  /** How many times an edit that lost a lock race is tried in all. */
  static final int TRIES = 5;

  private final Database db;
  private final RoleTables t;

  JdbcRoleStore(Database db, RoleTables tables) {
    this.db = db;
    this.t = tables;
  }

  /**
   * Starts configuring a store.
   *
   * @return a builder
   */
  public static JdbcRoleStoreBuilder builder() {
    return new JdbcRoleStoreBuilder();
  }

  @Override
  public boolean define(AgencyId agency, Role role) {
    try {
      return db.transaction(
          c -> {
            update(
                c,
                "INSERT INTO " + t.roles() + " (agency_id, name, version) VALUES (?, ?, 1)",
                agency.value(),
                role.name());
            for (Permission p : role.permissions()) {
              update(
                  c,
                  "INSERT INTO "
                      + t.rolePermissions()
                      + " (agency_id, role_name, permission) VALUES (?, ?, ?)",
                  agency.value(),
                  role.name(),
                  p.name());
            }
            return true;
          });
    } catch (SQLException e) {
      if (Database.isUniqueViolation(e)) {
        return false;
      }
      throw failure("define a role", e);
    }
  }

  @Override
  public Optional<Edit> grant(AgencyId agency, String role, Permission permission) {
    return editRole(agency, role, permission, true);
  }

  @Override
  public Optional<Edit> revoke(AgencyId agency, String role, Permission permission) {
    return editRole(agency, role, permission, false);
  }

  @Override
  public Optional<Edit> assign(AgencyId agency, StaffId staff, String role) {
    return editStaff(agency, staff, role, true);
  }

  @Override
  public Optional<Edit> unassign(AgencyId agency, StaffId staff, String role) {
    return editStaff(agency, staff, role, false);
  }

  @Override
  public Optional<Role> role(AgencyId agency, String name) {
    return read(
            "read a role",
            c ->
                rolesWithPermissions(
                    c,
                    "SELECT r.name, p.permission FROM "
                        + t.roles()
                        + " r LEFT JOIN "
                        + t.rolePermissions()
                        + " p ON p.agency_id = r.agency_id AND p.role_name = r.name"
                        + " WHERE r.agency_id = ? AND r.name = ?",
                    agency.value(),
                    name))
        .stream()
        .findFirst();
  }

  @Override
  public List<Role> roles(AgencyId agency) {
    return read(
        "list roles",
        c ->
            rolesWithPermissions(
                c,
                "SELECT r.name, p.permission FROM "
                    + t.roles()
                    + " r LEFT JOIN "
                    + t.rolePermissions()
                    + " p ON p.agency_id = r.agency_id AND p.role_name = r.name"
                    + " WHERE r.agency_id = ?",
                agency.value()));
  }

  @Override
  public List<Role> rolesOf(AgencyId agency, StaffId staff) {
    return read(
        "read a staff member's roles",
        c ->
            rolesWithPermissions(
                c,
                "SELECT s.role_name, p.permission FROM "
                    + t.staffRoles()
                    + " s LEFT JOIN "
                    + t.rolePermissions()
                    + " p ON p.agency_id = s.agency_id"
                    + " AND p.role_name = s.role_name WHERE s.agency_id = ? AND s.staff_id = ?",
                agency.value(),
                staff.value()));
  }

  @Override
  public Set<Permission> permissionsOf(AgencyId agency, StaffId staff) {
    return read(
        "read a staff member's permissions",
        c -> {
          EnumSet<Permission> held = EnumSet.noneOf(Permission.class);
          for (String name :
              strings(
                  c,
                  "SELECT DISTINCT p.permission FROM "
                      + t.staffRoles()
                      + " s JOIN "
                      + t.rolePermissions()
                      + " p ON p.agency_id = s.agency_id AND p.role_name = s.role_name"
                      + " WHERE s.agency_id = ? AND s.staff_id = ?",
                  agency.value(),
                  staff.value())) {
            Permission p = permission(name);
            if (p != null) {
              held.add(p);
            }
          }
          return Set.copyOf(held);
        });
  }

  @Override
  public boolean anyStaffHolds(AgencyId agency, Permission permission) {
    return read(
        "look for a permission",
        c ->
            !strings(
                    c,
                    "SELECT s.staff_id FROM "
                        + t.staffRoles()
                        + " s JOIN "
                        + t.rolePermissions()
                        + " p ON p.agency_id = s.agency_id AND p.role_name = s.role_name"
                        + " WHERE s.agency_id = ? AND p.permission = ? FETCH FIRST 1 ROWS ONLY",
                    agency.value(),
                    permission.name())
                .isEmpty());
  }

  private Optional<Edit> editRole(
      AgencyId agency, String role, Permission permission, boolean add) {
    return retrying(
        add ? "grant a permission" : "revoke a permission",
        c -> {
          if (update(
                  c,
                  "UPDATE "
                      + t.roles()
                      + " SET version = version + 1 WHERE agency_id = ? AND name = ?",
                  agency.value(),
                  role)
              == 0) {
            return Optional.empty();
          }
          List<String> before =
              strings(
                  c,
                  "SELECT permission FROM "
                      + t.rolePermissions()
                      + " WHERE agency_id = ? AND role_name = ?",
                  agency.value(),
                  role);
          TreeSet<String> after = new TreeSet<>(before);
          if (add && after.add(permission.name())) {
            update(
                c,
                "INSERT INTO "
                    + t.rolePermissions()
                    + " (agency_id, role_name, permission) VALUES (?, ?, ?)",
                agency.value(),
                role,
                permission.name());
          } else if (!add && after.remove(permission.name())) {
            update(
                c,
                "DELETE FROM "
                    + t.rolePermissions()
                    + " WHERE agency_id = ? AND role_name = ? AND permission = ?",
                agency.value(),
                role,
                permission.name());
          }
          return Optional.of(new Edit(before, List.copyOf(after)));
        });
  }

  private Optional<Edit> editStaff(AgencyId agency, StaffId staff, String role, boolean add) {
    ensureStaff(agency, staff);
    return retrying(
        add ? "assign a role" : "unassign a role",
        c -> {
          update(
              c,
              "UPDATE "
                  + t.staff()
                  + " SET version = version + 1 WHERE agency_id = ? AND staff_id = ?",
              agency.value(),
              staff.value());
          if (strings(
                  c,
                  "SELECT name FROM " + t.roles() + " WHERE agency_id = ? AND name = ?",
                  agency.value(),
                  role)
              .isEmpty()) {
            return Optional.empty();
          }
          List<String> before =
              strings(
                  c,
                  "SELECT role_name FROM "
                      + t.staffRoles()
                      + " WHERE agency_id = ? AND staff_id = ?",
                  agency.value(),
                  staff.value());
          TreeSet<String> after = new TreeSet<>(before);
          if (add && after.add(role)) {
            update(
                c,
                "INSERT INTO "
                    + t.staffRoles()
                    + " (agency_id, staff_id, role_name) VALUES (?, ?, ?)",
                agency.value(),
                staff.value(),
                role);
          } else if (!add && after.remove(role)) {
            update(
                c,
                "DELETE FROM "
                    + t.staffRoles()
                    + " WHERE agency_id = ? AND staff_id = ? AND role_name = ?",
                agency.value(),
                staff.value(),
                role);
          }
          return Optional.of(new Edit(before, List.copyOf(after)));
        });
  }

  /**
   * The staff member's row, whose version each edit of their roles increments; made on first use.
   */
  private void ensureStaff(AgencyId agency, StaffId staff) {
    try {
      db.transaction(
          c ->
              update(
                  c,
                  "INSERT INTO "
                      + t.staff()
                      + " (agency_id, staff_id, version) SELECT ?, ?, 1"
                      + " WHERE NOT EXISTS (SELECT 1 FROM "
                      + t.staff()
                      + " WHERE agency_id = ? AND staff_id = ?)",
                  agency.value(),
                  staff.value(),
                  agency.value(),
                  staff.value()));
    } catch (SQLException e) {
      if (!Database.isUniqueViolation(e)) { // another node made the row first: what was wanted
        throw failure("record a staff member", e);
      }
    }
  }

  private <T> T retrying(String what, Database.Work<T> work) {
    for (int attempt = 1; ; attempt++) {
      try {
        return db.transaction(work);
      } catch (SQLException e) {
        if (!Database.isConflict(e) || attempt == TRIES) {
          throw failure(what, e);
        }
      }
    }
  }

  private <T> T read(String what, Database.Work<T> work) {
    try {
      return db.read(work);
    } catch (SQLException e) {
      throw failure(what, e);
    }
  }

  /** Rows of (role name, permission or null), grouped into roles sorted by name. */
  private static List<Role> rolesWithPermissions(Connection c, String sql, String... args)
      throws SQLException {
    Map<String, EnumSet<Permission>> byName = new LinkedHashMap<>();
    try (PreparedStatement s = prepare(c, sql, args);
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        EnumSet<Permission> held =
            byName.computeIfAbsent(rs.getString(1), n -> EnumSet.noneOf(Permission.class));
        Permission p = permission(rs.getString(2));
        if (p != null) {
          held.add(p);
        }
      }
    }
    List<Role> roles = new ArrayList<>();
    byName.forEach((name, held) -> roles.add(new Role(name, held)));
    roles.sort((a, b) -> a.name().compareTo(b.name()));
    return List.copyOf(roles);
  }

  private static List<String> strings(Connection c, String sql, String... args)
      throws SQLException {
    List<String> values = new ArrayList<>();
    try (PreparedStatement s = prepare(c, sql, args);
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        values.add(rs.getString(1));
      }
    }
    return values;
  }

  private static int update(Connection c, String sql, String... args) throws SQLException {
    try (PreparedStatement s = prepare(c, sql, args)) {
      return s.executeUpdate();
    }
  }

  private static PreparedStatement prepare(Connection c, String sql, String... args)
      throws SQLException {
    PreparedStatement s = c.prepareStatement(sql);
    try {
      for (int i = 0; i < args.length; i++) {
        s.setString(i + 1, args[i]);
      }
      return s;
    } catch (SQLException e) {
      s.close();
      throw e;
    }
  }

  /**
   * A stored permission name; null for one this version of the SDK does not know (fails closed).
   */
  private static @Nullable Permission permission(@Nullable String name) {
    if (name == null) {
      return null;
    }
    try {
      return Permission.valueOf(name);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static PaymentException failure(String what, SQLException e) {
    return new PaymentException(
        "The role store could not "
            + what
            + " (SQL state "
            + e.getSQLState()
            + ", error "
            + e.getErrorCode()
            + ")",
        null,
        null,
        e);
  }
}
