package org.electronicpayments.testkit;

import org.electronicpayments.spi.PaymentProcessor;

/** The in-memory fake passes the contract every processor must pass. */
class FakePaymentProcessorCompatibilityTest extends PaymentProcessorCompatibilityKit {

  private final FakePaymentProcessor fake = FakePaymentProcessor.create();

  @Override
  protected PaymentProcessor processor() {
    return fake;
  }

  @Override
  protected void completeAuthentication(String processorReference) {
    fake.completeAuthentication(processorReference, true);
  }

  @Override
  protected void completeSetupAuthentication(String processorReference) {
    fake.completeSetupAuthentication(processorReference, true);
  }
}
