package org.electronicpayments.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.UUID;
import org.electronicpayments.AgencyId;
import org.electronicpayments.StaffId;
import org.electronicpayments.security.Permission;
import org.electronicpayments.security.Role;
import org.electronicpayments.security.StandardRoles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What the JDBC role store adds to the contract: its schema, and what it finds stored. */
class JdbcRoleStoreTest {

  private final String schema = "ep_" + UUID.randomUUID().toString().substring(0, 8);
  private final AgencyId agency = AgencyId.of("agency-" + schema);
  private TestDatabase used;

  @AfterEach
  void dropSchema() throws SQLException {
    if (used != null) {
      sql(used, "DROP SCHEMA IF EXISTS \"" + schema + "\" CASCADE");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  @DisplayName("migrating creates the role tables beside the payment tables, in the named schema")
  void migrationCreatesTheRoleTables(TestDatabase db) {
    used = db;
    JdbcRoleStore store =
        JdbcRoleStore.builder().dataSource(db.dataSource()).schema(schema).migrate(true).build();
    assertThat(store.define(agency, StandardRoles.FRONT_DESK)).isTrue();
    assertThat(store.assign(agency, StaffId.of("s-17"), "Front desk")).isPresent();
    assertThat(store.permissionsOf(agency, StaffId.of("s-17")))
        .isEqualTo(StandardRoles.FRONT_DESK.permissions());
    assertThat(JdbcPaymentStore.builder().dataSource(db.dataSource()).schema(schema).build())
        .isNotNull();
    JdbcRoleStore defaultSchema = JdbcRoleStore.builder().dataSource(db.dataSource()).build();
    assertThat(defaultSchema.roles(agency))
        .as("the default schema's store does not see them")
        .isEmpty();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  @DisplayName(
      "building on a schema without the role tables fails at build(), naming migrate(true)")
  void missingTablesFailAtBuild(TestDatabase db) throws SQLException {
    used = db;
    sql(db, "CREATE SCHEMA \"" + schema + "\"");
    assertThatThrownBy(
            () -> JdbcRoleStore.builder().dataSource(db.dataSource()).schema(schema).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("migrate(true)")
        .hasMessageContaining("agency_roles");
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  @DisplayName("a stored permission this SDK does not know grants nothing")
  void unknownPermissionGrantsNothing(TestDatabase db) throws SQLException {
    used = db;
    JdbcRoleStore store =
        JdbcRoleStore.builder().dataSource(db.dataSource()).schema(schema).migrate(true).build();
    store.define(agency, Role.of("Billing", Permission.VIEW_PAYMENTS));
    store.assign(agency, StaffId.of("s-2"), "Billing");
    sql(
        db,
        "INSERT INTO \""
            + schema
            + "\".agency_role_permissions (agency_id, role_name, permission)"
            + " VALUES ('"
            + agency.value()
            + "', 'Billing', 'LAUNCH_ROCKETS')");

    assertThat(store.permissionsOf(agency, StaffId.of("s-2")))
        .containsExactly(Permission.VIEW_PAYMENTS);
    assertThat(store.role(agency, "Billing").orElseThrow().permissions())
        .containsExactly(Permission.VIEW_PAYMENTS);
    assertThat(store.rolesOf(agency, StaffId.of("s-2")))
        .containsExactly(Role.of("Billing", Permission.VIEW_PAYMENTS));
    assertThat(store.revoke(agency, "Billing", Permission.VIEW_PAYMENTS).orElseThrow().after())
        .containsExactly("LAUNCH_ROCKETS");
    assertThat(store.permissionsOf(agency, StaffId.of("s-2"))).isEqualTo(Set.of());
  }

  private static void sql(TestDatabase db, String sql) throws SQLException {
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
