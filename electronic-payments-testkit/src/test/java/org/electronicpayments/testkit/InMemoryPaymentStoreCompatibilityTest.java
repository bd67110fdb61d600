package org.electronicpayments.testkit;

import org.electronicpayments.spi.PaymentStore;

class InMemoryPaymentStoreCompatibilityTest extends PaymentStoreCompatibilityKit {

  private final InMemoryPaymentStore store = InMemoryPaymentStore.create();

  @Override
  protected PaymentStore store() {
    return store;
  }
}
