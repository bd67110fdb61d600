package org.electronicpayments.testkit;

import org.electronicpayments.roles.InMemoryRoleStore;
import org.electronicpayments.spi.RoleStore;

/** The role store contract on the in-memory store. */
class InMemoryRoleStoreCompatibilityTest extends RoleDirectoryCompatibilityKit {

  private static final InMemoryRoleStore STORE = InMemoryRoleStore.create();

  @Override
  protected RoleStore store() {
    return STORE;
  }
}
