package org.electronicpayments.jdbc;

import org.electronicpayments.spi.PaymentStore;
import org.electronicpayments.testkit.PaymentStoreCompatibilityKit;
import org.junit.jupiter.api.BeforeAll;

/**
 * The store contract on a real PostgreSQL server ({@code EP_POSTGRES_URL}); skipped with a message
 * when none is configured, failed instead when {@code CI} is set.
 */
class JdbcPaymentStorePostgresCompatibilityTest extends PaymentStoreCompatibilityKit {

  private static JdbcPaymentStore store;

  @BeforeAll
  static void migrate() {
    store = TestDatabase.POSTGRES.store();
  }

  @Override
  protected PaymentStore store() {
    return store;
  }
}
