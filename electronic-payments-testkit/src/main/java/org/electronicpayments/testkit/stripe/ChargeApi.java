package org.electronicpayments.testkit.stripe;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import org.electronicpayments.testkit.StripeTestCard;
import org.jspecify.annotations.Nullable;

/** Charges: made by confirming a PaymentIntent; {@code GET /v1/charges[/{id}]} reads them. */
final class ChargeApi {

  /** {@code GET /v1/charges}. */
  static final ParamSpec LIST =
      ParamSpec.list(ParamSpec.string("customer"), ParamSpec.string("payment_intent"));

  private ChargeApi() {}

  /**
   * Records the charge of a PaymentIntent (whose lock the caller holds): succeeded, or failed with
   * the decline.
   */
  static ObjectNode create(
      Call call, ObjectNode pi, StoredPaymentMethod pm, StripeTestCard.@Nullable Decline decline) {
    long amount = pi.path("amount").asLong();
    boolean paid = decline == null;
    String id = Ids.next("ch");
    ObjectNode charge = Json.object();
    charge.put("id", id);
    charge.put("object", "charge");
    charge.put("amount", amount);
    charge.put("amount_captured", paid ? amount : 0);
    charge.put("amount_refunded", 0);
    charge.put("balance_transaction", paid ? Ids.next("txn") : null);
    ObjectNode pmJson = Json.snapshot(pm.json);
    charge.set("billing_details", pmJson.get("billing_details"));
    String suffix = pi.path("statement_descriptor_suffix").asText(null);
    charge.put("calculated_statement_descriptor", suffix == null ? "EMULATOR" : "EMU* " + suffix);
    charge.put("captured", paid);
    charge.put("created", call.created());
    charge.put("currency", pi.path("currency").asText());
    charge.set("customer", pi.get("customer"));
    charge.set("description", pi.get("description"));
    charge.put("disputed", false);
    charge.put("failure_code", decline == null ? null : decline.code());
    charge.put("failure_message", decline == null ? null : decline.message());
    charge.putObject("fraud_details");
    charge.put("livemode", false);
    charge.set("metadata", pi.get("metadata").deepCopy());
    ObjectNode outcome = charge.putObject("outcome");
    outcome.put("network_status", paid ? "approved_by_network" : "declined_by_network");
    outcome.put(
        "reason",
        decline == null ? null : Objects.requireNonNullElse(decline.declineCode(), decline.code()));
    outcome.put("risk_level", "normal");
    outcome.put(
        "seller_message",
        paid
            ? "Payment complete."
            : "The bank did not return any further details with this decline.");
    outcome.put("type", paid ? "authorized" : "issuer_declined");
    charge.put("paid", paid);
    charge.put("payment_intent", pi.path("id").asText());
    charge.put("payment_method", pm.id());
    charge.set("payment_method_details", CardDetails.forCharge((ObjectNode) pmJson.get("card")));
    charge.set("receipt_email", pi.get("receipt_email"));
    charge.putNull("receipt_number");
    charge.put("receipt_url", call.engine().baseUrl() + "/receipts/" + id);
    charge.put("refunded", false);
    charge.putNull("review");
    charge.putNull("shipping");
    charge.putNull("source");
    charge.putNull("statement_descriptor");
    charge.put("statement_descriptor_suffix", suffix);
    charge.put("status", paid ? "succeeded" : "failed");
    charge.putNull("transfer_data");
    charge.putNull("transfer_group");
    call.data().charges.put(id, charge);
    return charge;
  }

  static ObjectNode retrieve(Call call) {
    ObjectNode charge = call.data().charges.get(call.pathId());
    if (charge == null) {
      throw ApiError.noSuch("charge", call.pathId(), null);
    }
    return Json.snapshot(charge);
  }

  static ObjectNode list(Call call) {
    String pi = call.params().text("payment_intent");
    String customer = call.params().text("customer");
    return Lists.page(
        call.data().charges.newestFirst(),
        c ->
            (pi == null || pi.equals(c.path("payment_intent").asText()))
                && (customer == null || customer.equals(c.path("customer").asText())),
        call.params(),
        "/v1/charges");
  }
}
