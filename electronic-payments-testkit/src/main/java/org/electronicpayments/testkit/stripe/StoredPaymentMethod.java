package org.electronicpayments.testkit.stripe;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.electronicpayments.testkit.StripeTestCard;
import org.jspecify.annotations.Nullable;

/**
 * A PaymentMethod: its JSON and what Stripe knows about it beyond the JSON. All fields are guarded
 * by the monitor of {@link #json}.
 */
final class StoredPaymentMethod {

  final ObjectNode json;
  final StripeTestCard card;

  /** Saved for future use through a PaymentIntent with {@code setup_future_usage}. */
  boolean setUp;

  /** Used once without a customer, or detached: Stripe refuses to use it again. */
  boolean consumed;

  StoredPaymentMethod(ObjectNode json, StripeTestCard card) {
    this.json = json;
    this.card = card;
  }

  String id() {
    return json.path("id").asText();
  }

  @Nullable String customer() {
    synchronized (json) {
      return json.path("customer").isTextual() ? json.path("customer").asText() : null;
    }
  }
}
