package org.electronicpayments.testkit.stripe;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.electronicpayments.testkit.StripeTestCard;
import org.jspecify.annotations.Nullable;

/**
 * What confirming a PaymentIntent does with its card: succeed, decline, or ask for 3-D Secure, per
 * the test card table. Every method runs with the PaymentIntent's lock held.
 */
final class Charging {

  /** The customer failed 3-D Secure (a 400 in {@code last_payment_error}, not a card error). */
  private static final StripeTestCard.Decline AUTHENTICATION_FAILED =
      new StripeTestCard.Decline(
          "payment_intent_authentication_failure",
          null,
          "The provided PaymentMethod has failed authentication. You can provide payment_method_data"
              + " or a new PaymentMethod to attempt to fulfill this PaymentIntent again.",
          null);

  private Charging() {}

  /** Refuses a PaymentMethod Stripe would not let this PaymentIntent use (400). */
  static void checkUsable(StoredPaymentMethod pm, @Nullable String customer) {
    synchronized (pm.json) {
      String owner = pm.customer();
      if (owner != null && !owner.equals(customer)) {
        throw ApiError.invalidRequest(
            "The PaymentMethod "
                + pm.id()
                + " belongs to the Customer "
                + owner
                + ". Please include the Customer in the `customer` parameter on the"
                + " PaymentIntent.",
            "payment_method",
            "payment_method_unexpected_state");
      }
      if (pm.consumed) {
        throw ApiError.invalidRequest(
            "This PaymentMethod was previously used without being"
                + " attached to a Customer or was detached from a Customer, and may not be used"
                + " again.",
            "payment_method",
            "payment_method_unexpected_state");
      }
    }
  }

  /** Confirms: returns the PaymentIntent, or throws the card error of a decline. */
  static ObjectNode confirm(
      Call call,
      ObjectNode pi,
      StoredPaymentMethod pm,
      boolean offSession,
      boolean errorOnRequiresAction,
      @Nullable String returnUrl) {
    pi.put("payment_method", pm.id());
    boolean authenticate;
    synchronized (pm.json) {
      authenticate =
          switch (pm.card.behaviour()) {
            case REQUIRES_AUTHENTICATION -> true;
            case REQUIRES_AUTHENTICATION_UNLESS_SET_UP -> !pm.setUp;
            default -> false;
          };
    }
    if (!authenticate) {
      return charge(call, pi, pm);
    }
    if (offSession || errorOnRequiresAction) {
      return decline(call, pi, pm, StripeTestCard.Decline.AUTHENTICATION_REQUIRED);
    }
    pi.put("status", "requires_action");
    pi.set("next_action", nextAction(call, pi.path("id").asText(), returnUrl));
    pi.putNull("last_payment_error");
    ObjectNode snapshot = pi.deepCopy();
    call.engine().emit(call.data(), "payment_intent.requires_action", snapshot.deepCopy(), call);
    return snapshot;
  }

  /**
   * The {@code next_action} of an intent whose card needs 3-D Secure: a redirect when the caller
   * gave a return URL, else the {@code use_stripe_sdk} hash that Stripe.js handles.
   */
  static ObjectNode nextAction(Call call, String intentId, @Nullable String returnUrl) {
    String url = call.engine().baseUrl() + "/emulator/authenticate/" + intentId;
    ObjectNode next = Json.object();
    if (returnUrl != null) {
      next.put("type", "redirect_to_url");
      ObjectNode redirect = next.putObject("redirect_to_url");
      redirect.put("return_url", returnUrl);
      redirect.put("url", url);
    } else {
      next.put("type", "use_stripe_sdk");
      ObjectNode sdk = next.putObject("use_stripe_sdk");
      sdk.put("type", "three_d_secure_redirect");
      sdk.put("stripe_js", url);
    }
    return next;
  }

  /** Charges the card, authentication done or not needed. */
  static ObjectNode charge(Call call, ObjectNode pi, StoredPaymentMethod pm) {
    StripeTestCard.@Nullable Decline cardDecline = pm.card.decline();
    if (cardDecline != null) {
      return decline(call, pi, pm, cardDecline);
    }
    ObjectNode charge = ChargeApi.create(call, pi, pm, null);
    pi.put("status", "succeeded");
    pi.put("amount_received", pi.path("amount").asLong());
    pi.put("latest_charge", charge.path("id").asText());
    pi.putNull("last_payment_error");
    pi.putNull("next_action");
    String customer = pi.path("customer").asText(null);
    boolean save = customer != null && pi.path("setup_future_usage").isTextual();
    ObjectNode attached = null;
    synchronized (pm.json) {
      if (save) {
        if (pm.customer() == null) {
          pm.json.put("customer", customer);
          attached = pm.json.deepCopy();
        }
        pm.setUp = true;
      } else if (pm.customer() == null) {
        pm.consumed = true;
      }
    }
    if (attached != null) {
      call.engine().emit(call.data(), "payment_method.attached", attached, call);
    }
    ObjectNode snapshot = pi.deepCopy();
    call.engine().emit(call.data(), "charge.succeeded", Json.snapshot(charge), call);
    call.engine().emit(call.data(), "payment_intent.succeeded", snapshot.deepCopy(), call);
    return snapshot;
  }

  /** Records a failed charge and throws the card error, the PaymentIntent inside. */
  static ObjectNode decline(
      Call call, ObjectNode pi, StoredPaymentMethod pm, StripeTestCard.Decline decline) {
    ObjectNode charge = ChargeApi.create(call, pi, pm, decline);
    String chargeId = charge.path("id").asText();
    ObjectNode error = ApiError.card(decline, null, chargeId).error.deepCopy();
    error.set("payment_method", Json.snapshot(pm.json));
    pi.set("last_payment_error", error);
    pi.put("latest_charge", chargeId);
    pi.putNull("payment_method");
    pi.putNull("next_action");
    pi.put("status", "requires_payment_method");
    ObjectNode snapshot = pi.deepCopy();
    call.engine().emit(call.data(), "charge.failed", Json.snapshot(charge), call);
    call.engine().emit(call.data(), "payment_intent.payment_failed", snapshot.deepCopy(), call);
    throw ApiError.card(decline, snapshot, chargeId);
  }

  /** The customer failed 3-D Secure: back to {@code requires_payment_method}, no charge. */
  static void authenticationFailed(Call call, ObjectNode pi, StoredPaymentMethod pm) {
    StripeTestCard.Decline failure = AUTHENTICATION_FAILED;
    ObjectNode error =
        ApiError.of(400, "invalid_request_error", failure.message(), failure.code(), null, true)
            .error;
    error.set("payment_method", Json.snapshot(pm.json));
    pi.set("last_payment_error", error);
    pi.putNull("payment_method");
    pi.putNull("next_action");
    pi.put("status", "requires_payment_method");
    call.engine().emit(call.data(), "payment_intent.payment_failed", pi.deepCopy(), call);
  }
}
