package org.electronicpayments.stripe;

import com.stripe.exception.AuthenticationException;
import com.stripe.exception.CardException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.PermissionException;
import com.stripe.exception.StripeException;
import org.electronicpayments.PaymentFailure;
import org.electronicpayments.PaymentId;
import org.electronicpayments.ProcessorException;
import org.jspecify.annotations.Nullable;

/**
 * Sorts stripe-java's exceptions: a card error is a decline; a request Stripe refused without
 * running it (400, 404) is a rejection; a rejected key or missing permission is a {@link
 * ProcessorException}; everything else (connection failures, timeouts, 409, 429, 5xx, idempotency
 * errors) leaves the outcome unknown.
 */
final class Failures {

  /** What an exception means for the payment. */
  enum Kind {
    DECLINED,
    REJECTED,
    UNKNOWN
  }

  private Failures() {}

  /**
   * The meaning of a failure.
   *
   * @throws ProcessorException for a rejected key or a missing permission: nothing was done
   */
  static Kind kind(StripeException e, @Nullable PaymentId paymentId) {
    if (e instanceof AuthenticationException || e instanceof PermissionException) {
      throw new ProcessorException(
          "Stripe refused the API key ("
              + e.getClass().getSimpleName()
              + ", HTTP "
              + e.getStatusCode()
              + "); check the secret key and its permissions",
          paymentId,
          e.getRequestId(),
          null);
    }
    if (e instanceof CardException) {
      return Kind.DECLINED;
    }
    if (e instanceof InvalidRequestException && !(e instanceof IdempotencyException)) {
      Integer status = e.getStatusCode();
      return status != null && (status == 400 || status == 404) ? Kind.REJECTED : Kind.UNKNOWN;
    }
    return Kind.UNKNOWN;
  }

  /**
   * Refuses an idempotency key reused with other parameters: the SDK derived the same key for a
   * different request, a programming error. Used where nothing can have been charged (prepare).
   *
   * @throws ProcessorException for an idempotency error
   */
  static void rejectMisuse(StripeException e, @Nullable PaymentId paymentId) {
    if (e instanceof IdempotencyException) {
      throw new ProcessorException(
          "Stripe refused the request: its idempotency key was already used for"
              + " a different request ("
              + e.getStripeError().getMessage()
              + ")",
          paymentId,
          e.getRequestId(),
          null);
    }
  }

  /** Whether Stripe answered that the object is not in a state for the request. */
  static boolean unexpectedState(StripeException e) {
    String code = e.getCode();
    return code != null && code.endsWith("_unexpected_state");
  }

  /** Whether Stripe answered that the object does not exist. */
  static boolean missing(StripeException e) {
    return "resource_missing".equals(e.getCode()) || Integer.valueOf(404).equals(e.getStatusCode());
  }

  /** The failure of a decline or rejection, with Stripe's codes and message. */
  static PaymentFailure failure(StripeException e) {
    String message = e.getStripeError() != null ? e.getStripeError().getMessage() : null;
    if (e instanceof CardException card) {
      return PaymentFailure.declined(card.getCode(), card.getDeclineCode(), message);
    }
    return new PaymentFailure(
        PaymentFailure.Kind.REJECTED,
        e.getCode(),
        null,
        "The card processor did not accept this card or request. Nothing was charged; ask the client"
            + " to enter the card again or use another way to pay.",
        message);
  }

  /** The reason of an unknown outcome, for logs and the payment record: no secrets. */
  static String unknown(StripeException e) {
    String status =
        e.getStatusCode() == null || e.getStatusCode() == 0 ? "" : " HTTP " + e.getStatusCode();
    String code = e.getCode() == null ? "" : " " + e.getCode();
    String request = e.getRequestId() == null ? "" : " (" + e.getRequestId() + ")";
    return "no definite answer from Stripe: "
        + e.getClass().getSimpleName()
        + status
        + code
        + request;
  }

  /** An exception for SPI methods that return no outcome value. */
  static ProcessorException asException(String what, StripeException e) {
    kind(e, null);
    return new ProcessorException(what + " failed: " + unknown(e), null, e.getRequestId(), null);
  }
}
