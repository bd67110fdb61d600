package org.electronicpayments.jdbc;

import org.electronicpayments.spi.RoleStore;
import org.electronicpayments.testkit.RoleDirectoryCompatibilityKit;
import org.junit.jupiter.api.BeforeAll;

/**
 * The role store contract on a real PostgreSQL server ({@code EP_POSTGRES_URL}); skipped with a
 * message when none is configured, failed instead when {@code CI} is set.
 */
class JdbcRoleStorePostgresCompatibilityTest extends RoleDirectoryCompatibilityKit {

  private static JdbcRoleStore store;

  @BeforeAll
  static void migrate() {
    store = JdbcRoleStore.builder().dataSource(TestDatabase.POSTGRES.dataSource()).build();
  }

  @Override
  protected RoleStore store() {
    return store;
  }
}
