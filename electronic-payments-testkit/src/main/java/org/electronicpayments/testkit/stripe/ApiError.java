package org.electronicpayments.testkit.stripe;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.electronicpayments.testkit.StripeTestCard;
import org.jspecify.annotations.Nullable;

/**
 * A Stripe error response, thrown by endpoints and turned into {@code {"error": {type, code,
 * decline_code, message, param, …}}} with its HTTP status. {@link #stored} tells whether the
 * response counts as "the endpoint ran" for idempotency (card errors do; validation errors do not,
 * as with Stripe).
 */
final class ApiError extends RuntimeException {

  private static final long serialVersionUID = 1L;

  final int status;
  final ObjectNode error;
  final boolean stored;

  private ApiError(int status, ObjectNode error, boolean stored) {
    super(error.path("message").asText(), null, false, false);
    this.status = status;
    this.error = error;
    this.stored = stored;
  }

  static ApiError of(
      int status,
      String type,
      String message,
      @Nullable String code,
      @Nullable String param,
      boolean stored) {
    ObjectNode error = Json.object();
    if (code != null) {
      error.put("code", code);
      error.put("doc_url", "https://stripe.com/docs/error-codes/" + code.replace('_', '-'));
    }
    error.put("message", message);
    if (param != null) {
      error.put("param", param);
    }
    error.put("type", type);
    return new ApiError(status, error, stored);
  }

  static ApiError invalidRequest(String message, @Nullable String param, @Nullable String code) {
    return of(400, "invalid_request_error", message, code, param, false);
  }

  static ApiError missingParam(String param) {
    return invalidRequest("Missing required param: " + param + ".", param, "parameter_missing");
  }

  /** A missing object: 404 when named by the URL, 400 when named by a parameter. */
  static ApiError noSuch(String objectName, String id, @Nullable String param) {
    return of(
        param == null ? 404 : 400,
        "invalid_request_error",
        "No such " + objectName + ": '" + id + "'",
        "resource_missing",
        param,
        false);
  }

  static ApiError unexpectedState(String message) {
    return invalidRequest(message, null, "payment_intent_unexpected_state");
  }

  /** A declined card (402); carries the PaymentIntent and charge when a charge was tried. */
  static ApiError card(
      StripeTestCard.Decline decline,
      @Nullable ObjectNode paymentIntent,
      @Nullable String chargeId) {
    ApiError e = of(402, "card_error", decline.message(), decline.code(), decline.param(), true);
    if (chargeId != null) {
      e.error.put("charge", chargeId);
    }
    if (decline.declineCode() != null) {
      e.error.put("decline_code", decline.declineCode());
    }
    if (paymentIntent != null) {
      e.error.set("payment_intent", paymentIntent);
      e.error.set(
          "payment_method", paymentIntent.path("last_payment_error").path("payment_method"));
    }
    return e;
  }

  static ApiError authentication(String message) {
    return of(401, "invalid_request_error", message, null, null, false);
  }

  ObjectNode body() {
    ObjectNode body = Json.object();
    body.set("error", error);
    return body;
  }
}
