package org.electronicpayments.stripe;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.electronicpayments.Money;
import org.electronicpayments.PaymentMethodId;
import org.electronicpayments.spi.PaymentProcessor;
import org.electronicpayments.testkit.PaymentProcessorCompatibilityKit;
import org.electronicpayments.testkit.stripe.StripeEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The testkit's contract, against the Stripe emulator: the same contract the fake passes. */
class StripePaymentProcessorCompatibilityTest extends PaymentProcessorCompatibilityKit {

  static StripeEmulator emulator;
  static StripePaymentProcessor processor;

  /** The dispute of each PaymentIntent this class opened one for. */
  static final Map<String, String> disputes = new ConcurrentHashMap<>();

  @BeforeAll
  static void start() {
    emulator = StripeEmulator.start();
    processor = Fixtures.processor(emulator);
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @Override
  protected PaymentProcessor processor() {
    return processor;
  }

  @Override
  protected void completeAuthentication(String processorReference) {
    emulator.completeAuthentication(processorReference);
  }

  @Override
  protected void completeSetupAuthentication(String processorReference) {
    emulator.completeSetupAuthentication(processorReference);
  }

  @Override
  protected void dashboardRefund(String processorReference, Money amount) {
    emulator.dashboardRefund(processorReference, amount.minorUnits());
  }

  @Override
  protected void openDispute(String processorReference, String reason, Money amount) {
    disputes.put(
        processorReference, emulator.openDispute(processorReference, reason, amount.minorUnits()));
  }

  @Override
  protected void closeDispute(String processorReference, boolean won) {
    emulator.closeDispute(disputes.get(processorReference), won);
  }

  @Override
  protected void dashboardDetach(PaymentMethodId id) {
    emulator.dashboardDetach(id.value());
  }
}
