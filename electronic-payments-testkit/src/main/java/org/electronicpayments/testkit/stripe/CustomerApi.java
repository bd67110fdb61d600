package org.electronicpayments.testkit.stripe;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/** {@code /v1/customers}: create, retrieve, update, list (by {@code email}). */
final class CustomerApi {

  /** {@code POST /v1/customers}. */
  static final ParamSpec CREATE =
      ParamSpec.of(
          ParamSpec.string("description"),
          ParamSpec.email("email"),
          ParamSpec.metadata(),
          ParamSpec.string("name"),
          ParamSpec.string("phone"));

  /** {@code POST /v1/customers/{id}}. */
  static final ParamSpec UPDATE =
      CREATE.and(ParamSpec.object("invoice_settings", ParamSpec.string("default_payment_method")));

  /** {@code GET /v1/customers}. */
  static final ParamSpec LIST = ParamSpec.list(ParamSpec.string("email"));

  private static final String[] TEXT_FIELDS = {"email", "name", "description", "phone"};

  private CustomerApi() {}

  static ObjectNode create(Call call) {
    Params p = call.params();
    String id = Ids.next("cus");
    ObjectNode customer = Json.object();
    customer.put("id", id);
    customer.put("object", "customer");
    customer.putNull("address");
    customer.put("balance", 0);
    customer.put("created", call.created());
    customer.putNull("currency");
    customer.putNull("default_source");
    customer.put("delinquent", false);
    customer.put("description", p.text("description"));
    customer.putNull("discount");
    customer.put("email", p.text("email"));
    customer.put("invoice_prefix", Ids.random(8).toUpperCase(java.util.Locale.ROOT));
    ObjectNode invoiceSettings = customer.putObject("invoice_settings");
    invoiceSettings.putNull("custom_fields");
    invoiceSettings.putNull("default_payment_method");
    invoiceSettings.putNull("footer");
    invoiceSettings.putNull("rendering_options");
    customer.put("livemode", false);
    customer.putObject("metadata");
    customer.put("name", p.text("name"));
    customer.put("next_invoice_sequence", 1);
    customer.put("phone", p.text("phone"));
    customer.putArray("preferred_locales");
    customer.putNull("shipping");
    customer.put("tax_exempt", "none");
    customer.putNull("test_clock");
    Metadata.apply(p, customer);
    call.data().customers.put(id, customer);
    return Json.snapshot(customer);
  }

  static ObjectNode retrieve(Call call) {
    return Json.snapshot(call.data().customer(call.pathId(), null));
  }

  static ObjectNode update(Call call) {
    Params p = call.params();
    ObjectNode customer = call.data().customer(call.pathId(), null);
    String defaultPm = p.object("invoice_settings").path("default_payment_method").asText(null);
    if (defaultPm != null && !defaultPm.isEmpty()) {
      StoredPaymentMethod pm = call.data().paymentMethods.get(defaultPm);
      if (pm == null || !call.pathId().equals(pm.customer())) {
        throw ApiError.invalidRequest(
            "No such PaymentMethod: '"
                + defaultPm
                + "'; It's possible"
                + " this PaymentMethod exists on one of your connected accounts, in which case you"
                + " should retry this request on that connected account.",
            "invoice_settings[default_payment_method]",
            "resource_missing");
      }
    }
    synchronized (customer) {
      for (String field : TEXT_FIELDS) {
        if (p.has(field)) {
          customer.put(field, p.text(field));
        }
      }
      if (defaultPm != null) {
        ((ObjectNode) customer.get("invoice_settings"))
            .put("default_payment_method", defaultPm.isEmpty() ? null : defaultPm);
      }
      Metadata.apply(p, customer);
      return customer.deepCopy();
    }
  }

  static ObjectNode list(Call call) {
    String email = call.params().text("email");
    return Lists.page(
        call.data().customers.newestFirst(),
        c -> email == null || Objects.equals(email, c.path("email").asText(null)),
        call.params(),
        "/v1/customers");
  }
}
