package org.electronicpayments.testkit;

import java.time.YearMonth;
import java.time.ZoneOffset;
import org.electronicpayments.CardDetails;
import org.electronicpayments.PaymentFailure;
import org.jspecify.annotations.Nullable;

/**
 * What the fake makes of a {@link StripeTestCard}: its card details and its decline as a {@link
 * PaymentFailure}.
 */
final class TestCardOutcomes {

  static final String DECLINED_MESSAGE = StripeTestCard.Decline.GENERIC.message();
  static final PaymentFailure GENERIC_DECLINE = failure(StripeTestCard.Decline.GENERIC);
  static final PaymentFailure AUTHENTICATION_REQUIRED =
      failure(StripeTestCard.Decline.AUTHENTICATION_REQUIRED);

  private TestCardOutcomes() {}

  static CardDetails details(StripeTestCard card) {
    return new CardDetails(card.brand(), card.last4(), expiry(), card.fingerprint());
  }

  /** December three years ahead: far enough that a test card never expires during a test run. */
  static YearMonth expiry() {
    return YearMonth.now(ZoneOffset.UTC).plusYears(3).withMonth(12);
  }

  /** The decline of a card that declines; {@link #GENERIC_DECLINE} for one that does not. */
  static PaymentFailure failure(StripeTestCard card) {
    StripeTestCard.@Nullable Decline decline = card.decline();
    return decline == null ? GENERIC_DECLINE : failure(decline);
  }

  static @Nullable StripeTestCard find(String paymentMethod) {
    return StripeTestCards.find(paymentMethod).orElse(null);
  }

  private static PaymentFailure failure(StripeTestCard.Decline decline) {
    return PaymentFailure.declined(decline.code(), decline.declineCode(), decline.message());
  }
}
