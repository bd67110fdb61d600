package org.electronicpayments.stripe;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import org.electronicpayments.spi.PaymentProcessor;
import org.electronicpayments.testkit.PaymentProcessorCompatibilityKit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;

/**
 * The testkit's contract against Stripe's test mode, when {@code STRIPE_TEST_SECRET_KEY} holds a
 * test key ({@code sk_test_…}); skipped otherwise. Makes real test-mode objects in that account.
 */
@Tag("stripe-live")
class StripeLiveCompatibilityTest extends PaymentProcessorCompatibilityKit {

  static final String KEY = System.getenv("STRIPE_TEST_SECRET_KEY");
  static StripePaymentProcessor processor;

  @BeforeEach
  void requireTestKey() {
    assumeTrue(KEY != null && KEY.startsWith("sk_test_"), "STRIPE_TEST_SECRET_KEY is not set to a test key");
    if (processor == null) {
      processor = StripePaymentProcessor.builder().secretKey(KEY).maxNetworkRetries(2)
          .deadline(Duration.ofSeconds(60)).build();
    }
  }

  @Override
  protected PaymentProcessor processor() {
    return processor;
  }
}
