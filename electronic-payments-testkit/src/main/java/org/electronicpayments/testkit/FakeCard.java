package org.electronicpayments.testkit;

import java.util.Objects;
import org.electronicpayments.CardDetails;
import org.electronicpayments.PaymentMethodId;
import org.jspecify.annotations.Nullable;

/**
 * A card a {@link FakePaymentProcessor} made from one of Stripe's test payment methods, as its
 * ledger shows it.
 *
 * @param id the reusable payment method id ({@code pm_fake_…})
 * @param customerReference the customer it is attached to, or {@code null} once detached
 * @param card brand, last four, expiry and fingerprint
 * @param testPaymentMethod the test payment method it was made from, such as {@code pm_card_visa}
 * @param setUpForFutureUse whether it was saved by a charge that set it up for future use
 */
public record FakeCard(
    PaymentMethodId id,
    @Nullable String customerReference,
    CardDetails card,
    String testPaymentMethod,
    boolean setUpForFutureUse) {

  /** Requires the id, details and source. */
  public FakeCard {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(card, "card");
    Objects.requireNonNull(testPaymentMethod, "testPaymentMethod");
  }

  /**
   * Whether the card is attached to a customer.
   *
   * @return true while attached
   */
  public boolean attached() {
    return customerReference != null;
  }

  FakeCard attachedTo(@Nullable String customer) {
    return new FakeCard(id, customer, card, testPaymentMethod, setUpForFutureUse);
  }

  FakeCard withCard(CardDetails details) {
    return new FakeCard(id, customerReference, details, testPaymentMethod, setUpForFutureUse);
  }

  FakeCard setUp() {
    return setUpForFutureUse
        ? this
        : new FakeCard(id, customerReference, card, testPaymentMethod, true);
  }
}
