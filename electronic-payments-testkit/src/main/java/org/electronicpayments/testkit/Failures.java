package org.electronicpayments.testkit;

import org.electronicpayments.PaymentFailure;
import org.electronicpayments.spi.ChargeOutcome;
import org.jspecify.annotations.Nullable;

/**
 * The failures the fake reports besides the test cards' own declines, with Stripe's codes and
 * messages.
 */
final class Failures {

  static final PaymentFailure CANCELLED =
      new PaymentFailure(
          PaymentFailure.Kind.CANCELLED,
          null,
          null,
          "Nothing was charged: the attempt's outcome was unknown, so it was cancelled. Try the payment again.",
          "This PaymentIntent was canceled.");
  static final PaymentFailure AUTHENTICATION_FAILED =
      new PaymentFailure(
          PaymentFailure.Kind.AUTHENTICATION_FAILED,
          "payment_intent_authentication_failure",
          null,
          "The client did not complete the card's authentication. Nothing was charged; try again or use another card.",
          "The provided PaymentMethod has failed authentication. You can provide payment_method_data or a new"
              + " PaymentMethod to attempt to fulfill this PaymentIntent again.");

  private Failures() {}

  static PaymentFailure rejected(@Nullable String code, String message) {
    return new PaymentFailure(
        PaymentFailure.Kind.REJECTED,
        code,
        null,
        "The card processor refused the request. Nothing was charged; choose another card or try again.",
        message);
  }

  static PaymentFailure refundRejected(@Nullable String code, String message) {
    return new PaymentFailure(
        PaymentFailure.Kind.REJECTED,
        code,
        null,
        "The card processor refused the refund. Nothing was refunded.",
        message);
  }

  static ChargeOutcome.Declined noSuchPaymentMethod(String paymentMethod) {
    return new ChargeOutcome.Declined(
        null, rejected("resource_missing", "No such PaymentMethod: '" + paymentMethod + "'"));
  }

  static PaymentFailure scripted(
      String code, @Nullable String declineCode, @Nullable String message) {
    return PaymentFailure.declined(
        code, declineCode, message != null ? message : TestCardOutcomes.DECLINED_MESSAGE);
  }
}
