package org.electronicpayments.jdbc;

import org.electronicpayments.spi.RoleStore;
import org.electronicpayments.testkit.RoleDirectoryCompatibilityKit;
import org.junit.jupiter.api.BeforeAll;

/** The role store contract on H2, in memory. */
class JdbcRoleStoreH2CompatibilityTest extends RoleDirectoryCompatibilityKit {

  private static JdbcRoleStore store;

  @BeforeAll
  static void migrate() {
    store = JdbcRoleStore.builder().dataSource(TestDatabase.H2.dataSource()).build();
  }

  @Override
  protected RoleStore store() {
    return store;
  }
}
