package org.electronicpayments.testkit.stripe;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** {@code /v1/payment_intents}: create (optionally confirming), retrieve, confirm, cancel. */
final class PaymentIntentApi {

  private static final Set<String> CAPTURE_METHODS = Set.of("automatic", "automatic_async");
  private static final Set<String> CANCELLABLE =
      Set.of(
          "requires_payment_method",
          "requires_confirmation",
          "requires_action",
          "requires_capture",
          "processing");

  /** What creating and confirming share. */
  private static final ParamSpec CONFIRMING =
      ParamSpec.of(
          ParamSpec.bool("error_on_requires_action"),
          ParamSpec.bool("off_session", "one_off", "recurring"),
          ParamSpec.string("payment_method"),
          ParamSpec.email("receipt_email"),
          ParamSpec.string("return_url"),
          ParamSpec.oneOf("setup_future_usage", "on_session", "off_session"));

  /** {@code POST /v1/payment_intents}. */
  static final ParamSpec CREATE =
      CONFIRMING.and(
          ParamSpec.integer("amount"),
          ParamSpec.object(
              "automatic_payment_methods",
              ParamSpec.bool("enabled"),
              ParamSpec.oneOf("allow_redirects", "always", "never")),
          ParamSpec.oneOf("capture_method", "automatic", "automatic_async", "manual"),
          ParamSpec.bool("confirm"),
          ParamSpec.currency("currency"),
          ParamSpec.string("customer"),
          ParamSpec.string("description"),
          ParamSpec.metadata(),
          ParamSpec.list("payment_method_types"),
          ParamSpec.string("statement_descriptor_suffix"));

  /** {@code POST /v1/payment_intents/{id}/confirm}. */
  static final ParamSpec CONFIRM = CONFIRMING;

  /** {@code POST /v1/payment_intents/{id}/cancel}. */
  static final ParamSpec CANCEL =
      ParamSpec.of(
          ParamSpec.oneOf(
              "cancellation_reason",
              "duplicate",
              "fraudulent",
              "requested_by_customer",
              "abandoned"));

  /** {@code GET /v1/payment_intents/{id}}. */
  static final ParamSpec RETRIEVE = ParamSpec.of(ParamSpec.string("client_secret"));

  private PaymentIntentApi() {}

  static ObjectNode create(Call call) {
    Params p = call.params();
    Long amount = p.integer("amount");
    if (amount == null) {
      throw ApiError.missingParam("amount");
    }
    String currency = p.required("currency").toLowerCase(Locale.ROOT);
    Amounts.validate(amount, currency);
    String customer = p.text("customer");
    if (customer != null) {
      call.data().customer(customer, "customer");
    }
    String futureUsage = futureUsage(p);
    String sentCaptureMethod = p.text("capture_method");
    String captureMethod = sentCaptureMethod == null ? "automatic" : sentCaptureMethod;
    if (!CAPTURE_METHODS.contains(captureMethod)) {
      throw ApiError.invalidRequest(
          "The emulator supports capture_method=automatic only.",
          "capture_method",
          "parameter_invalid_string");
    }
    List<String> types = p.list("payment_method_types");
    if (!types.isEmpty() && !types.equals(List.of("card"))) {
      throw ApiError.invalidRequest(
          "The emulator supports payment_method_types=card only.",
          "payment_method_types",
          "payment_method_invalid_parameter");
    }
    boolean confirm = p.bool("confirm");
    if (p.has("off_session") && !confirm) {
      throw ApiError.invalidRequest(
          "You can only pass in `off_session` when `confirm` is true.", "off_session", null);
    }
    String suffix = statementDescriptorSuffix(p);
    String pmId = p.text("payment_method");
    StoredPaymentMethod pm =
        pmId == null ? null : PaymentMethodApi.resolve(call, pmId, "payment_method");
    if (pm != null) {
      Charging.checkUsable(pm, customer);
    } else if (confirm) {
      throw missingPaymentMethod();
    }
    String id = Ids.next("pi");
    ObjectNode pi = Json.object();
    pi.put("id", id);
    pi.put("object", "payment_intent");
    pi.put("amount", amount);
    pi.put("amount_capturable", 0);
    pi.putObject("amount_details").putObject("tip");
    pi.put("amount_received", 0);
    pi.putNull("application");
    pi.putNull("application_fee_amount");
    ObjectNode apm = p.object("automatic_payment_methods");
    if (apm.isEmpty()) {
      pi.putNull("automatic_payment_methods");
    } else {
      pi.putObject("automatic_payment_methods")
          .put("enabled", p.object("automatic_payment_methods").path("enabled").asBoolean(false));
    }
    pi.putNull("canceled_at");
    pi.putNull("cancellation_reason");
    pi.put("capture_method", captureMethod);
    pi.put("client_secret", id + "_secret_" + Ids.random(25));
    pi.put("confirmation_method", "automatic");
    pi.put("created", call.created());
    pi.put("currency", currency);
    pi.put("customer", customer);
    pi.put("description", p.text("description"));
    pi.putNull("last_payment_error");
    pi.putNull("latest_charge");
    pi.put("livemode", false);
    pi.putObject("metadata");
    Metadata.apply(p, pi);
    pi.putNull("next_action");
    pi.putNull("on_behalf_of");
    pi.put("payment_method", pm == null ? null : pm.id());
    pi.putNull("payment_method_configuration_details");
    pi.putObject("payment_method_options")
        .putObject("card")
        .put("request_three_d_secure", "automatic");
    ArrayNode typesJson = pi.putArray("payment_method_types");
    typesJson.add("card");
    pi.putNull("processing");
    pi.put("receipt_email", p.text("receipt_email"));
    pi.putNull("review");
    pi.put("setup_future_usage", futureUsage);
    pi.putNull("shipping");
    pi.putNull("source");
    pi.putNull("statement_descriptor");
    pi.put("statement_descriptor_suffix", suffix);
    pi.put("status", pm == null ? "requires_payment_method" : "requires_confirmation");
    pi.putNull("transfer_data");
    pi.putNull("transfer_group");
    call.data().paymentIntents.put(id, pi);
    synchronized (pi) {
      call.engine().emit(call.data(), "payment_intent.created", pi.deepCopy(), call);
      if (!confirm) {
        return pi.deepCopy();
      }
      StoredPaymentMethod confirmed = java.util.Objects.requireNonNull(pm);
      return Charging.confirm(
          call,
          pi,
          confirmed,
          offSession(p),
          p.bool("error_on_requires_action"),
          p.text("return_url"));
    }
  }

  static ObjectNode retrieve(Call call) {
    return Json.snapshot(call.data().paymentIntent(call.pathId()));
  }

  static ObjectNode confirm(Call call) {
    Params p = call.params();
    ObjectNode pi = call.data().paymentIntent(call.pathId());
    synchronized (pi) {
      String status = pi.path("status").asText();
      if (status.equals("succeeded")) {
        throw ApiError.unexpectedState(
            "You cannot confirm this PaymentIntent because it has"
                + " already succeeded after being previously confirmed.");
      }
      if (!Set.of("requires_payment_method", "requires_confirmation", "requires_action")
          .contains(status)) {
        throw ApiError.unexpectedState(
            "You cannot confirm this PaymentIntent because it has a"
                + " status of "
                + status
                + ". Only a PaymentIntent with one of the following statuses"
                + " may be confirmed: requires_confirmation, requires_action, "
                + "requires_payment_method.");
      }
      String pmId =
          p.text("payment_method") != null
              ? p.text("payment_method")
              : pi.path("payment_method").asText(null);
      if (pmId == null) {
        throw missingPaymentMethod();
      }
      StoredPaymentMethod pm = PaymentMethodApi.resolve(call, pmId, "payment_method");
      Charging.checkUsable(pm, pi.path("customer").asText(null));
      if (p.has("setup_future_usage")) {
        pi.put("setup_future_usage", futureUsage(p));
      }
      if (p.has("receipt_email")) {
        pi.put("receipt_email", p.text("receipt_email"));
      }
      return Charging.confirm(
          call, pi, pm, offSession(p), p.bool("error_on_requires_action"), p.text("return_url"));
    }
  }

  static ObjectNode cancel(Call call) {
    ObjectNode pi = call.data().paymentIntent(call.pathId());
    String reason = call.params().text("cancellation_reason"); // one of CANCEL's values
    synchronized (pi) {
      String status = pi.path("status").asText();
      if (!CANCELLABLE.contains(status)) {
        throw ApiError.unexpectedState(
            "You cannot cancel this PaymentIntent because it has a"
                + " status of "
                + status
                + ". Only a PaymentIntent with one of the following statuses"
                + " may be canceled: requires_payment_method, requires_capture,"
                + " requires_confirmation, requires_action, processing.");
      }
      pi.put("status", "canceled");
      pi.put("canceled_at", call.created());
      pi.put("cancellation_reason", reason);
      pi.putNull("next_action");
      ObjectNode snapshot = pi.deepCopy();
      call.engine().emit(call.data(), "payment_intent.canceled", snapshot.deepCopy(), call);
      return snapshot;
    }
  }

  /** {@code on_session}, {@code off_session} (checked by the declaration), or null. */
  private static @Nullable String futureUsage(Params p) {
    return p.text("setup_future_usage");
  }

  /** {@code off_session=true}, or {@code one_off}/{@code recurring} as older clients send. */
  private static boolean offSession(Params p) {
    String value = p.text("off_session");
    return value != null && !value.equals("false");
  }

  private static @Nullable String statementDescriptorSuffix(Params p) {
    String suffix = p.text("statement_descriptor_suffix");
    if (suffix != null
        && (suffix.length() > 22
            || !suffix.matches("[\\x20-\\x7E]*")
            || suffix.matches(".*[<>\\\\'\"*].*"))) {
      throw ApiError.invalidRequest(
          "The statement descriptor suffix must have at most 22"
              + " Latin characters and none of <, >, \\, ', \" or *.",
          "statement_descriptor_suffix",
          null);
    }
    return suffix;
  }

  private static ApiError missingPaymentMethod() {
    return ApiError.invalidRequest(
        "You cannot confirm this PaymentIntent because it's missing a"
            + " payment method. You can either update the PaymentIntent with a payment method and"
            + " then confirm it again, or confirm it again directly with a payment method.",
        "payment_method",
        "payment_intent_unexpected_state");
  }
}
