package org.electronicpayments.stripe;

import org.electronicpayments.spi.PaymentProcessor;
import org.electronicpayments.testkit.PaymentProcessorCompatibilityKit;
import org.electronicpayments.testkit.stripe.StripeEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The testkit's contract, against the Stripe emulator: the same contract the fake passes (but
 * for the one expectation {@link KnownDisagreement} lists, where the kit and the emulator differ).
 */
@ExtendWith(KnownDisagreement.class)
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
}
