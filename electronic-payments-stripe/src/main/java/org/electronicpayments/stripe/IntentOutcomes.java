package org.electronicpayments.stripe;

import com.stripe.model.PaymentIntent;
import com.stripe.model.StripeError;
import org.electronicpayments.CardDetails;
import org.electronicpayments.PaymentFailure;
import org.electronicpayments.PaymentMethodId;
import org.electronicpayments.spi.CardUse;
import org.electronicpayments.spi.ChargeOutcome;
import org.electronicpayments.spi.ChargeRequest;
import org.jspecify.annotations.Nullable;

/** What a PaymentIntent's status says about the charge. */
final class IntentOutcomes {

  static final String SUCCEEDED = "succeeded";
  static final String REQUIRES_ACTION = "requires_action";
  static final String REQUIRES_CONFIRMATION = "requires_confirmation";
  static final String REQUIRES_PAYMENT_METHOD = "requires_payment_method";
  static final String CANCELED = "canceled";
  static final String AUTHENTICATION_FAILURE = "payment_intent_authentication_failure";

  private IntentOutcomes() {}

  /**
   * The outcome a PaymentIntent shows, without changing it: an unconfirmed one is unknown here
   * (reconciliation cancels it), one that failed its last confirmation is declined.
   *
   * @param card the card charged, if known
   */
  static ChargeOutcome of(ChargeRequest r, PaymentIntent pi, @Nullable CardDetails card) {
    String status = pi.getStatus();
    if (SUCCEEDED.equals(status)) {
      String charge = pi.getLatestCharge() != null ? pi.getLatestCharge() : pi.getId();
      PaymentMethodId saved =
          r.use() == CardUse.SAVE_FOR_FUTURE && pi.getPaymentMethod() != null
              ? PaymentMethodId.of(pi.getPaymentMethod())
              : null;
      return new ChargeOutcome.Charged(pi.getId(), charge, card, saved);
    }
    if (REQUIRES_ACTION.equals(status)) {
      return new ChargeOutcome.ActionRequired(pi.getId(), pi.getClientSecret());
    }
    if (CANCELED.equals(status)) {
      return new ChargeOutcome.Declined(
          pi.getId(), lastError(pi) != null ? failed(pi) : cancelled());
    }
    if (REQUIRES_PAYMENT_METHOD.equals(status) && lastError(pi) != null) {
      return new ChargeOutcome.Declined(pi.getId(), failed(pi));
    }
    return new ChargeOutcome.Unknown(pi.getId(), "the PaymentIntent is " + status);
  }

  /** Whether nothing was charged yet and a confirmation could still charge. */
  static boolean unconfirmed(PaymentIntent pi) {
    return REQUIRES_CONFIRMATION.equals(pi.getStatus())
        || REQUIRES_PAYMENT_METHOD.equals(pi.getStatus());
  }

  /** The failure of a PaymentIntent that reconciliation cancelled. */
  static PaymentFailure cancelledAfter(PaymentIntent pi) {
    return lastError(pi) != null ? failed(pi) : cancelled();
  }

  static PaymentFailure cancelled() {
    return new PaymentFailure(
        PaymentFailure.Kind.CANCELLED,
        null,
        null,
        "The payment did not go through and was cancelled; nothing was charged. Try again.",
        null);
  }

  private static PaymentFailure failed(PaymentIntent pi) {
    StripeError error = lastError(pi);
    if (error == null) {
      return cancelled();
    }
    if (AUTHENTICATION_FAILURE.equals(error.getCode())) {
      return new PaymentFailure(
          PaymentFailure.Kind.AUTHENTICATION_FAILED,
          error.getCode(),
          null,
          "The client did not complete the card's verification. Nothing was charged; try again with"
              + " the client present, or use another card.",
          error.getMessage());
    }
    return PaymentFailure.declined(error.getCode(), error.getDeclineCode(), error.getMessage());
  }

  private static @Nullable StripeError lastError(PaymentIntent pi) {
    return pi.getLastPaymentError();
  }
}
