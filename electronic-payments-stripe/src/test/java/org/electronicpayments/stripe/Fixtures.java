package org.electronicpayments.stripe;

import java.time.Duration;
import java.time.Instant;
import org.electronicpayments.AgencyId;
import org.electronicpayments.ClientId;
import org.electronicpayments.Money;
import org.electronicpayments.PaymentAttempt;
import org.electronicpayments.PaymentId;
import org.electronicpayments.spi.CardUse;
import org.electronicpayments.spi.ChargeRequest;
import org.electronicpayments.spi.CustomerRequest;
import org.electronicpayments.testkit.stripe.StripeEmulator;
import org.jspecify.annotations.Nullable;

/** Test settings: small timeouts and one retry, so fault tests stay fast. */
final class Fixtures {

  static final AgencyId AGENCY = AgencyId.of("agency-7");
  static final ClientId CLIENT = ClientId.of("1000");
  static final Duration DEADLINE = Duration.ofSeconds(4);

  private Fixtures() {}

  static StripePaymentProcessorBuilder builder(StripeEmulator emulator) {
    return StripePaymentProcessor.builder()
        .secretKey("sk_test_emulator")
        .apiBase(emulator.baseUrl())
        .connectTimeout(Duration.ofSeconds(1))
        .readTimeout(Duration.ofSeconds(2))
        .maxNetworkRetries(1)
        .deadline(DEADLINE);
  }

  static StripePaymentProcessor processor(StripeEmulator emulator) {
    return builder(emulator).build();
  }

  static String customer(StripePaymentProcessor processor) {
    return processor.ensureCustomer(
        new CustomerRequest(
            AGENCY,
            CLIENT,
            "customer-" + AGENCY.value() + "-" + CLIENT.value() + "-" + System.nanoTime()));
  }

  static ChargeRequest charge(String paymentMethod, CardUse use, @Nullable String customer) {
    return charge(PaymentId.generate(), 1, paymentMethod, use, customer, "10.00");
  }

  static ChargeRequest charge(
      PaymentId id,
      int attempt,
      String paymentMethod,
      CardUse use,
      @Nullable String customer,
      String amount) {
    return new ChargeRequest(
        id,
        AGENCY,
        CLIENT,
        attempt,
        PaymentAttempt.keyFor(id, attempt),
        Money.usd(amount),
        paymentMethod,
        use,
        customer,
        "client@example.org",
        Instant.now().plus(DEADLINE));
  }

  static ChargeRequest withDeadline(ChargeRequest r, Duration left) {
    return new ChargeRequest(
        r.paymentId(),
        r.agencyId(),
        r.clientId(),
        r.attempt(),
        r.idempotencyKey(),
        r.amount(),
        r.paymentMethod(),
        r.use(),
        r.customerReference(),
        r.receiptEmail(),
        Instant.now().plus(left));
  }
}
