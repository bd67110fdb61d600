package org.electronicpayments.stripe;

import static org.junit.jupiter.api.Assumptions.abort;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import org.electronicpayments.spi.PaymentProcessor;
import org.electronicpayments.testkit.PaymentProcessorCompatibilityKit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;

/**
 * The testkit's contract against Stripe's test mode, when {@code STRIPE_TEST_SECRET_KEY} holds a
 * test key ({@code sk_test_…}); skipped otherwise. Makes real test-mode objects in that account.
 * The tests that need the client's 3-D Secure step completed are skipped: that step happens in the
 * client's browser (Stripe.js), which a test cannot do against Stripe itself.
 */
@Tag("stripe-live")
class StripeLiveCompatibilityTest extends PaymentProcessorCompatibilityKit {

  static final String KEY = System.getenv("STRIPE_TEST_SECRET_KEY");
  static StripePaymentProcessor processor;

  @BeforeEach
  void requireTestKey() {
    assumeTrue(
        KEY != null && KEY.startsWith("sk_test_"),
        "STRIPE_TEST_SECRET_KEY is not set to a test key");
    if (processor == null) {
      processor =
          StripePaymentProcessor.builder()
              .secretKey(KEY)
              .maxNetworkRetries(2)
              .deadline(Duration.ofSeconds(60))
              .build();
    }
  }

  @Override
  protected PaymentProcessor processor() {
    return processor;
  }

  @Override
  protected void completeAuthentication(String processorReference) {
    abort(
        "3-D Secure cannot be completed from a test against Stripe's test mode: the client does it"
            + " in the browser (Stripe.js). PaymentIntent "
            + processorReference
            + " is left waiting for it;"
            + " this behaviour is covered against the emulator by StripePaymentProcessorCompatibilityTest.");
  }

  @Override
  protected void completeSetupAuthentication(String processorReference) {
    abort(
        "3-D Secure cannot be completed from a test against Stripe's test mode: the client does it"
            + " in the browser (Stripe.js confirmCardSetup). SetupIntent "
            + processorReference
            + " is left waiting;"
            + " this behaviour is covered against the emulator by StripePaymentProcessorCompatibilityTest.");
  }
}
