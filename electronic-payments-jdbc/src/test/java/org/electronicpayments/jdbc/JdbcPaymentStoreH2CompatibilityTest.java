package org.electronicpayments.jdbc;

import org.electronicpayments.spi.PaymentStore;
import org.electronicpayments.testkit.PaymentStoreCompatibilityKit;
import org.junit.jupiter.api.BeforeAll;

/** The store contract on H2, in memory. */
class JdbcPaymentStoreH2CompatibilityTest extends PaymentStoreCompatibilityKit {

  private static JdbcPaymentStore store;

  @BeforeAll
  static void migrate() {
    store = TestDatabase.H2.store();
  }

  @Override
  protected PaymentStore store() {
    return store;
  }
}
