package org.electronicpayments.testkit;

import java.time.Instant;
import org.electronicpayments.Money;
import org.electronicpayments.PaymentMethodId;
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

  @Override
  protected void dashboardRefund(String processorReference, Money amount) {
    fake.dashboardRefund(processorReference, amount);
  }

  @Override
  protected void openDispute(String processorReference, String reason, Money amount) {
    fake.openDispute(processorReference, reason, amount, Instant.now());
  }

  @Override
  protected void closeDispute(String processorReference, boolean won) {
    fake.closeDispute(processorReference, won);
  }

  @Override
  protected void dashboardDetach(PaymentMethodId id) {
    fake.dashboardDetach(id);
  }
}
