package org.electronicpayments.stripe;

import org.electronicpayments.spi.PaymentProcessor;
import org.electronicpayments.testkit.PaymentProcessorCompatibilityKit;
import org.electronicpayments.testkit.stripe.StripeEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The testkit's contract, against the Stripe emulator: the same contract the fake passes. */
class StripePaymentProcessorCompatibilityTest extends PaymentProcessorCompatibilityKit {

  static StripeEmulator emulator;
  static StripePaymentProcessor processor;

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
}
