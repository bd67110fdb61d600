package org.electronicpayments.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.time.YearMonth;
import org.electronicpayments.Money;
import org.electronicpayments.PaymentFailure;
import org.electronicpayments.PaymentId;
import org.electronicpayments.PaymentMethodId;
import org.electronicpayments.spi.CardUse;
import org.electronicpayments.spi.ChargeOutcome;
import org.electronicpayments.spi.ChargeRequest;
import org.electronicpayments.spi.CustomerRequest;
import org.electronicpayments.spi.RefundOutcome;
import org.electronicpayments.spi.RefundRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every request this module makes, against Stripe's official stripe-mock, which checks each one
 * against Stripe's OpenAPI spec (and answers with fixed objects, so outcomes are not asserted).
 * Runs when {@code STRIPE_MOCK_URL} is set, e.g. {@code http://localhost:12111} after {@code docker
 * run -p 12111:12111 stripe/stripe-mock}; skipped otherwise.
 */
@Tag("stripe-mock")
class StripeMockRequestShapesTest {

  static final String URL = System.getenv("STRIPE_MOCK_URL");
  StripePaymentProcessor stripe;

  @BeforeEach
  void requireStripeMock() {
    assumeTrue(URL != null && !URL.isBlank(), "STRIPE_MOCK_URL is not set");
    stripe =
        StripePaymentProcessor.builder()
            .secretKey("sk_test_123")
            .apiBase(URL)
            .statementDescriptorSuffix("CLINIC")
            .maxNetworkRetries(0)
            .deadline(Duration.ofSeconds(20))
            .build();
  }

  @Test
  @DisplayName(
      "customer, attach, list, create, confirm, retrieve, cancel, refund, update, detach are valid requests")
  void everyRequestIsValid() {
    String customer =
        stripe.ensureCustomer(
            new CustomerRequest(Fixtures.AGENCY, Fixtures.CLIENT, "customer-mock"));
    assertThat(customer).startsWith("cus_");

    for (CardUse use : CardUse.values()) {
      ChargeRequest r =
          Fixtures.charge(
              PaymentId.generate(),
              1,
              "pm_card_visa",
              use,
              use == CardUse.ONE_TIME ? null : customer,
              "10.00");
      ChargeOutcome prepared = stripe.prepare(r);
      assertThat(prepared).as(use.toString()).isInstanceOf(ChargeOutcome.Prepared.class);
      notRejected(stripe.confirm(r, prepared.processorReference()));
      notRejected(stripe.resolve(r, prepared.processorReference()));
      notRejected(stripe.resolve(r, null));
    }

    // stripe-mock answers a list with its fixture card and an update with that same card: the
    // module must have read each answer as cards, not merely not thrown.
    assertThat(stripe.listCards(customer))
        .isNotEmpty()
        .allSatisfy(c -> assertThat(c.id().value()).startsWith("pm_"))
        .allSatisfy(c -> assertThat(c.card().brand()).isNotBlank());
    assertThat(stripe.updateCardExpiry(PaymentMethodId.of("pm_123"), YearMonth.of(2031, 4)).brand())
        .isNotBlank();
    stripe.removeCard(PaymentMethodId.of("pm_123"));
    RefundOutcome refund =
        stripe.refund(
            new RefundRequest(PaymentId.generate(), "pi_123", Money.usd("4.00"), "refund-mock-1"));
    assertThat(refund).isInstanceOf(RefundOutcome.Refunded.class);
  }

  private static void notRejected(ChargeOutcome outcome) {
    if (outcome instanceof ChargeOutcome.Declined d) {
      assertThat(d.failure().kind())
          .as(d.failure().toString())
          .isNotEqualTo(PaymentFailure.Kind.REJECTED);
    }
  }
}
