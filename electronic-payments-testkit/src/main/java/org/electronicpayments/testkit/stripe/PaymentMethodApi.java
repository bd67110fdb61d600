package org.electronicpayments.testkit.stripe;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneOffset;
import java.util.Objects;
import org.electronicpayments.testkit.StripeTestCard;
import org.electronicpayments.testkit.StripeTestCards;
import org.jspecify.annotations.Nullable;

/**
 * {@code /v1/payment_methods}: retrieve, update, attach, detach, list for a customer. A test token
 * ({@code pm_card_visa}…) turns into a fresh {@code pm_…} each time it is used.
 */
final class PaymentMethodApi {

  /** {@code POST /v1/payment_methods/{id}}. */
  static final ParamSpec UPDATE =
      ParamSpec.of(
          ParamSpec.object(
              "billing_details",
              ParamSpec.email("email"),
              ParamSpec.string("name"),
              ParamSpec.string("phone")),
          ParamSpec.object("card", ParamSpec.integer("exp_month"), ParamSpec.integer("exp_year")),
          ParamSpec.metadata());

  /** {@code POST /v1/payment_methods/{id}/attach}. */
  static final ParamSpec ATTACH = ParamSpec.of(ParamSpec.string("customer"));

  /** {@code GET /v1/payment_methods}. */
  static final ParamSpec LIST =
      ParamSpec.list(ParamSpec.string("customer"), ParamSpec.string("type"));

  /** {@code GET /v1/customers/{id}/payment_methods}. */
  static final ParamSpec LIST_FOR_CUSTOMER = ParamSpec.list(ParamSpec.string("type"));

  private PaymentMethodApi() {}

  /**
   * The PaymentMethod an id names: a stored one, or a fresh one made from a test token.
   *
   * @param param the parameter that named it (400 when unknown), or null for the URL (404)
   */
  static StoredPaymentMethod resolve(Call call, String id, @Nullable String param) {
    StoredPaymentMethod stored = call.data().paymentMethods.get(id);
    if (stored != null) {
      return stored;
    }
    StripeTestCard card =
        StripeTestCards.find(id).orElseThrow(() -> ApiError.noSuch("PaymentMethod", id, param));
    return create(call, card);
  }

  static ObjectNode retrieve(Call call) {
    return Json.snapshot(resolve(call, call.pathId(), null).json);
  }

  static ObjectNode attach(Call call) {
    String customerId = call.params().required("customer");
    call.data().customer(customerId, "customer");
    StoredPaymentMethod pm = resolve(call, call.pathId(), null);
    ObjectNode snapshot;
    synchronized (pm.json) {
      if (!pm.card.attachable()) {
        throw ApiError.card(Objects.requireNonNull(pm.card.decline()), null, null);
      }
      String current = pm.customer();
      if (customerId.equals(current)) {
        return pm.json.deepCopy();
      }
      if (current != null) {
        throw ApiError.invalidRequest(
            "The payment method you provided has already been attached" + " to a customer.",
            null,
            "payment_method_unexpected_state");
      }
      if (pm.consumed) {
        throw ApiError.invalidRequest(
            "This PaymentMethod was previously used without being"
                + " attached to a Customer or was detached from a Customer, and may not be used"
                + " again.",
            null,
            "payment_method_unexpected_state");
      }
      pm.json.put("customer", customerId);
      snapshot = pm.json.deepCopy();
    }
    call.engine().emit(call.data(), "payment_method.attached", snapshot.deepCopy(), call);
    return snapshot;
  }

  static ObjectNode detach(Call call) {
    StoredPaymentMethod pm = resolve(call, call.pathId(), null);
    ObjectNode snapshot;
    String customerId;
    synchronized (pm.json) {
      customerId = pm.customer();
      if (customerId == null) {
        throw ApiError.invalidRequest(
            "The payment method you provided is not attached to a"
                + " customer so detachment is impossible.",
            null,
            null);
      }
      pm.json.putNull("customer");
      pm.consumed = true;
      snapshot = pm.json.deepCopy();
    }
    ObjectNode customer = call.data().customers.get(customerId);
    if (customer != null) {
      synchronized (customer) {
        ObjectNode settings = (ObjectNode) customer.get("invoice_settings");
        if (pm.id().equals(settings.path("default_payment_method").asText(null))) {
          settings.putNull("default_payment_method");
        }
      }
    }
    call.engine().emit(call.data(), "payment_method.detached", snapshot.deepCopy(), call);
    return snapshot;
  }

  static ObjectNode update(Call call) {
    Params p = call.params();
    StoredPaymentMethod pm = resolve(call, call.pathId(), null);
    ObjectNode card = p.object("card");
    Long month =
        card.has("exp_month") ? parse(card.path("exp_month").asText(), "card[exp_month]") : null;
    Long year =
        card.has("exp_year") ? parse(card.path("exp_year").asText(), "card[exp_year]") : null;
    if (month != null && (month < 1 || month > 12)) {
      throw ApiError.invalidRequest(
          "Your card's expiration month is invalid.", "card[exp_month]", "invalid_expiry_month");
    }
    if (year != null && year < call.now().atZone(ZoneOffset.UTC).getYear()) {
      throw ApiError.invalidRequest(
          "Your card's expiration year is invalid.", "card[exp_year]", "invalid_expiry_year");
    }
    synchronized (pm.json) {
      if (pm.customer() == null) {
        throw ApiError.invalidRequest(
            "You must save this PaymentMethod to a customer before you" + " can update it.",
            null,
            null);
      }
      ObjectNode json = (ObjectNode) pm.json.get("card");
      if (month != null) {
        json.put("exp_month", month);
      }
      if (year != null) {
        json.put("exp_year", year);
      }
      ObjectNode billing = p.object("billing_details");
      ObjectNode stored = (ObjectNode) pm.json.get("billing_details");
      for (String field : new String[] {"name", "email", "phone"}) {
        if (billing.has(field)) {
          String value = billing.path(field).asText();
          stored.put(field, value.isEmpty() ? null : value);
        }
      }
      Metadata.apply(p, pm.json);
      return pm.json.deepCopy();
    }
  }

  /** {@code GET /v1/payment_methods?customer=…&type=card}. */
  static ObjectNode list(Call call) {
    String customer = call.params().required("customer");
    return listFor(call, customer, "/v1/payment_methods");
  }

  /** {@code GET /v1/customers/{id}/payment_methods}. */
  static ObjectNode listForCustomer(Call call) {
    call.data().customer(call.pathId(), null);
    return listFor(call, call.pathId(), "/v1/customers/" + call.pathId() + "/payment_methods");
  }

  private static ObjectNode listFor(Call call, String customer, String url) {
    String type = call.params().text("type");
    return Lists.page(
        call.data().paymentMethods.newestFirst().map(pm -> pm.json),
        pm ->
            customer.equals(pm.path("customer").asText(null))
                && (type == null || type.equals(pm.path("type").asText())),
        call.params(),
        url);
  }

  private static long parse(String value, String param) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw ApiError.invalidRequest(
          "Invalid integer: " + value, param, "parameter_invalid_integer");
    }
  }

  /** A fresh, unattached {@code pm_…} for a test card, stored. */
  static StoredPaymentMethod create(Call call, StripeTestCard card) {
    String id = Ids.next("pm");
    ObjectNode pm = Json.object();
    pm.put("id", id);
    pm.put("object", "payment_method");
    pm.put("allow_redisplay", "unspecified");
    ObjectNode billing = pm.putObject("billing_details");
    ObjectNode address = billing.putObject("address");
    for (String field :
        new String[] {"city", "country", "line1", "line2", "postal_code", "state"}) {
      address.putNull(field);
    }
    billing.putNull("email");
    billing.putNull("name");
    billing.putNull("phone");
    billing.putNull("tax_id");
    pm.set("card", CardDetails.of(card, call.now()));
    pm.put("created", call.created());
    pm.putNull("customer");
    pm.put("livemode", false);
    pm.putObject("metadata");
    pm.put("type", "card");
    StoredPaymentMethod stored = new StoredPaymentMethod(pm, card);
    call.data().paymentMethods.put(id, stored);
    return stored;
  }
}
