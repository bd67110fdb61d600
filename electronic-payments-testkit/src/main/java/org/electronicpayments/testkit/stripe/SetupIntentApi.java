package org.electronicpayments.testkit.stripe;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.electronicpayments.testkit.StripeTestCard;
import org.electronicpayments.testkit.StripeTestCard.Behaviour;
import org.jspecify.annotations.Nullable;

/**
 * {@code /v1/setup_intents}: create (optionally confirming), retrieve, confirm, cancel. Confirming
 * saves a card for later without charging it: the test card table decides whether it succeeds, is
 * declined (402, nothing attached) or needs 3-D Secure ({@code requires_action}).
 */
final class SetupIntentApi {

  private static final Set<String> CONFIRMABLE =
      Set.of("requires_payment_method", "requires_confirmation", "requires_action");
  static final String AUTHENTICATION_FAILED =
      "The latest attempt to set up the payment method has"
          + " failed because authentication failed.";

  private static final ParamSpec CONFIRMING =
      ParamSpec.of(ParamSpec.string("payment_method"), ParamSpec.string("return_url"));

  /** {@code POST /v1/setup_intents}. */
  static final ParamSpec CREATE =
      CONFIRMING.and(
          ParamSpec.object(
              "automatic_payment_methods",
              ParamSpec.bool("enabled"),
              ParamSpec.oneOf("allow_redirects", "always", "never")),
          ParamSpec.bool("confirm"),
          ParamSpec.string("customer"),
          ParamSpec.string("description"),
          ParamSpec.metadata(),
          ParamSpec.list("payment_method_types"),
          ParamSpec.oneOf("usage", "on_session", "off_session"));

  /** {@code POST /v1/setup_intents/{id}/confirm}. */
  static final ParamSpec CONFIRM = CONFIRMING;

  /** {@code POST /v1/setup_intents/{id}/cancel}. */
  static final ParamSpec CANCEL =
      ParamSpec.of(
          ParamSpec.oneOf(
              "cancellation_reason", "abandoned", "requested_by_customer", "duplicate"));

  /** {@code GET /v1/setup_intents/{id}}. */
  static final ParamSpec RETRIEVE = ParamSpec.of(ParamSpec.string("client_secret"));

  private SetupIntentApi() {}

  static ObjectNode create(Call call) {
    Params p = call.params();
    String customer = p.text("customer");
    if (customer != null) {
      call.data().customer(customer, "customer");
    }
    String usage = p.text("usage") == null ? "off_session" : p.text("usage"); // one of CREATE's
    List<String> types = p.list("payment_method_types");
    if (!types.isEmpty() && !types.equals(List.of("card"))) {
      throw ApiError.invalidRequest(
          "The emulator supports payment_method_types=card only.",
          "payment_method_types",
          "payment_method_invalid_parameter");
    }
    boolean confirm = p.bool("confirm");
    String pmId = p.text("payment_method");
    StoredPaymentMethod pm =
        pmId == null ? null : PaymentMethodApi.resolve(call, pmId, "payment_method");
    if (pm != null) {
      Charging.checkUsable(pm, customer);
    } else if (confirm) {
      throw missingPaymentMethod();
    }
    String id = Ids.next("seti");
    ObjectNode seti = Json.object();
    seti.put("id", id);
    seti.put("object", "setup_intent");
    seti.putNull("application");
    ObjectNode apm = p.object("automatic_payment_methods");
    if (apm.isEmpty()) {
      seti.putNull("automatic_payment_methods");
    } else {
      seti.putObject("automatic_payment_methods")
          .put("enabled", apm.path("enabled").asBoolean(false));
    }
    seti.putNull("cancellation_reason");
    seti.put("client_secret", id + "_secret_" + Ids.random(25));
    seti.put("created", call.created());
    seti.put("customer", customer);
    seti.put("description", p.text("description"));
    seti.putNull("flow_directions");
    seti.putNull("last_setup_error");
    seti.putNull("latest_attempt");
    seti.put("livemode", false);
    seti.putNull("mandate");
    seti.putObject("metadata");
    Metadata.apply(p, seti);
    seti.putNull("next_action");
    seti.putNull("on_behalf_of");
    seti.put("payment_method", pm == null ? null : pm.id());
    seti.putNull("payment_method_configuration_details");
    seti.putObject("payment_method_options")
        .putObject("card")
        .put("request_three_d_secure", "automatic");
    seti.putArray("payment_method_types").add("card");
    seti.putNull("single_use_mandate");
    seti.put("status", pm == null ? "requires_payment_method" : "requires_confirmation");
    seti.put("usage", usage);
    call.data().setupIntents.put(id, seti);
    synchronized (seti) {
      call.engine().emit(call.data(), "setup_intent.created", seti.deepCopy(), call);
      if (!confirm) {
        return seti.deepCopy();
      }
      return confirm(call, seti, Objects.requireNonNull(pm), p.text("return_url"));
    }
  }

  static ObjectNode retrieve(Call call) {
    return Json.snapshot(call.data().setupIntent(call.pathId()));
  }

  static ObjectNode confirm(Call call) {
    Params p = call.params();
    ObjectNode seti = call.data().setupIntent(call.pathId());
    synchronized (seti) {
      String status = seti.path("status").asText();
      if (!CONFIRMABLE.contains(status)) {
        throw unexpectedState(
            "You cannot confirm this SetupIntent because it has a status of "
                + status
                + ". Only a SetupIntent with one of the following statuses may be confirmed:"
                + " requires_payment_method, requires_confirmation, requires_action.");
      }
      String pmId =
          p.text("payment_method") != null
              ? p.text("payment_method")
              : seti.path("payment_method").asText(null);
      if (pmId == null) {
        throw missingPaymentMethod();
      }
      StoredPaymentMethod pm = PaymentMethodApi.resolve(call, pmId, "payment_method");
      Charging.checkUsable(pm, seti.path("customer").asText(null));
      return confirm(call, seti, pm, p.text("return_url"));
    }
  }

  static ObjectNode cancel(Call call) {
    ObjectNode seti = call.data().setupIntent(call.pathId());
    String reason = call.params().text("cancellation_reason"); // one of CANCEL's values
    synchronized (seti) {
      String status = seti.path("status").asText();
      if (!CONFIRMABLE.contains(status)) {
        throw unexpectedState(
            "You cannot cancel this SetupIntent because it has a status of "
                + status
                + ". Only a SetupIntent with one of the following statuses may be canceled:"
                + " requires_payment_method, requires_confirmation, requires_action.");
      }
      seti.put("status", "canceled");
      seti.put("cancellation_reason", reason);
      seti.putNull("next_action");
      ObjectNode snapshot = seti.deepCopy();
      call.engine().emit(call.data(), "setup_intent.canceled", snapshot.deepCopy(), call);
      return snapshot;
    }
  }

  /** Confirms with the SetupIntent's lock held: succeeds, asks for 3-D Secure, or throws a 402. */
  private static ObjectNode confirm(
      Call call, ObjectNode seti, StoredPaymentMethod pm, @Nullable String returnUrl) {
    seti.put("payment_method", pm.id());
    if (!pm.card.attachable()) {
      StripeTestCard.Decline decline = Objects.requireNonNull(pm.card.decline());
      ObjectNode error = ApiError.card(decline, null, null).error.deepCopy();
      error.set("payment_method", Json.snapshot(pm.json));
      seti.set("last_setup_error", error);
      seti.putNull("payment_method");
      seti.putNull("next_action");
      seti.put("status", "requires_payment_method");
      ObjectNode snapshot = seti.deepCopy();
      call.engine().emit(call.data(), "setup_intent.setup_failed", snapshot.deepCopy(), call);
      ApiError refused = ApiError.card(decline, null, null);
      refused.error.set("payment_method", Json.snapshot(pm.json));
      refused.error.set("setup_intent", snapshot);
      throw refused;
    }
    boolean authenticate =
        pm.card.behaviour() == Behaviour.REQUIRES_AUTHENTICATION
            || pm.card.behaviour() == Behaviour.REQUIRES_AUTHENTICATION_UNLESS_SET_UP;
    if (!authenticate) {
      return succeed(call, seti, pm);
    }
    seti.put("status", "requires_action");
    seti.set("next_action", Charging.nextAction(call, seti.path("id").asText(), returnUrl));
    seti.putNull("last_setup_error");
    ObjectNode snapshot = seti.deepCopy();
    call.engine().emit(call.data(), "setup_intent.requires_action", snapshot.deepCopy(), call);
    return snapshot;
  }

  /** The card is saved: attached to the SetupIntent's customer, if any, and set up. */
  static ObjectNode succeed(Call call, ObjectNode seti, StoredPaymentMethod pm) {
    String customer = seti.path("customer").asText(null);
    ObjectNode attached = null;
    synchronized (pm.json) {
      if (customer != null && pm.customer() == null) {
        pm.json.put("customer", customer);
        attached = pm.json.deepCopy();
      }
      pm.setUp = true;
    }
    if (attached != null) {
      call.engine().emit(call.data(), "payment_method.attached", attached, call);
    }
    seti.put("status", "succeeded");
    seti.putNull("next_action");
    seti.putNull("last_setup_error");
    ObjectNode snapshot = seti.deepCopy();
    call.engine().emit(call.data(), "setup_intent.succeeded", snapshot.deepCopy(), call);
    return snapshot;
  }

  /** The customer failed 3-D Secure: back to {@code requires_payment_method}, nothing saved. */
  static void authenticationFailed(Call call, ObjectNode seti, StoredPaymentMethod pm) {
    ObjectNode error =
        ApiError.of(
                400,
                "invalid_request_error",
                AUTHENTICATION_FAILED,
                "setup_intent_authentication_failure",
                null,
                true)
            .error;
    error.set("payment_method", Json.snapshot(pm.json));
    seti.set("last_setup_error", error);
    seti.putNull("payment_method");
    seti.putNull("next_action");
    seti.put("status", "requires_payment_method");
    call.engine().emit(call.data(), "setup_intent.setup_failed", seti.deepCopy(), call);
  }

  private static ApiError unexpectedState(String message) {
    return ApiError.invalidRequest(message, null, "setup_intent_unexpected_state");
  }

  private static ApiError missingPaymentMethod() {
    return ApiError.invalidRequest(
        "You cannot confirm this SetupIntent because it's missing a"
            + " payment method. You can either update the SetupIntent with a payment method and then"
            + " confirm it again, or confirm it again directly with a payment method.",
        "payment_method",
        "setup_intent_unexpected_state");
  }
}
