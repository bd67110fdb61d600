package org.electronicpayments.testkit.stripe;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code /v1/refunds}: create (full or partial, by PaymentIntent or charge), retrieve, list. */
final class RefundApi {

  /** {@code POST /v1/refunds}. */
  static final ParamSpec CREATE =
      ParamSpec.of(
          ParamSpec.integer("amount"),
          ParamSpec.string("charge"),
          ParamSpec.metadata(),
          ParamSpec.string("payment_intent"),
          ParamSpec.oneOf("reason", "duplicate", "fraudulent", "requested_by_customer"));

  /** {@code GET /v1/refunds}. */
  static final ParamSpec LIST =
      ParamSpec.list(ParamSpec.string("charge"), ParamSpec.string("payment_intent"));

  private RefundApi() {}

  static ObjectNode create(Call call) {
    Params p = call.params();
    String reason = p.text("reason"); // one of CREATE's values
    Long requested = p.integer("amount");
    if (requested != null && requested < 1) {
      throw ApiError.invalidRequest("Invalid positive integer", "amount", null);
    }
    ObjectNode charge = chargeToRefund(call);
    String id = Ids.next("re");
    ObjectNode refund = Json.object();
    ObjectNode chargeSnapshot;
    synchronized (charge) {
      String chargeId = charge.path("id").asText();
      long refunded = charge.path("amount_refunded").asLong();
      long remaining = charge.path("amount").asLong() - refunded;
      String currency = charge.path("currency").asText();
      if (remaining == 0) {
        throw ApiError.invalidRequest(
            "Charge " + chargeId + " has already been refunded.", null, "charge_already_refunded");
      }
      long amount = requested == null ? remaining : requested;
      if (amount > remaining) {
        throw ApiError.invalidRequest(
            "Refund amount ("
                + Amounts.format(amount, currency)
                + ") is greater than unrefunded amount on charge ("
                + Amounts.format(remaining, currency)
                + ")",
            "amount",
            null);
      }
      refund.put("id", id);
      refund.put("object", "refund");
      refund.put("amount", amount);
      refund.put("balance_transaction", Ids.next("txn"));
      refund.put("charge", chargeId);
      refund.put("created", call.created());
      refund.put("currency", currency);
      ObjectNode destination = refund.putObject("destination_details");
      ObjectNode card = destination.putObject("card");
      card.put("reference_status", "pending");
      card.put("type", "refund");
      destination.put("type", "card");
      refund.put("livemode", false);
      refund.putObject("metadata");
      Metadata.apply(p, refund);
      refund.set("payment_intent", charge.get("payment_intent"));
      refund.put("reason", reason);
      refund.putNull("receipt_number");
      refund.putNull("source_transfer_reversal");
      refund.put("status", "succeeded");
      refund.putNull("transfer_reversal");
      charge.put("amount_refunded", refunded + amount);
      charge.put("refunded", refunded + amount == charge.path("amount").asLong());
      call.data().refunds.put(id, refund);
      chargeSnapshot = charge.deepCopy();
    }
    ObjectNode snapshot = Json.snapshot(refund);
    call.engine().emit(call.data(), "refund.created", snapshot.deepCopy(), call);
    call.engine().emit(call.data(), "charge.refunded", chargeSnapshot, call);
    return snapshot;
  }

  static ObjectNode retrieve(Call call) {
    ObjectNode refund = call.data().refunds.get(call.pathId());
    if (refund == null) {
      throw ApiError.noSuch("refund", call.pathId(), null);
    }
    return Json.snapshot(refund);
  }

  static ObjectNode list(Call call) {
    String pi = call.params().text("payment_intent");
    String charge = call.params().text("charge");
    return Lists.page(
        call.data().refunds.newestFirst(),
        r ->
            (pi == null || pi.equals(r.path("payment_intent").asText()))
                && (charge == null || charge.equals(r.path("charge").asText())),
        call.params(),
        "/v1/refunds");
  }

  private static ObjectNode chargeToRefund(Call call) {
    String piId = call.params().text("payment_intent");
    String chargeId = call.params().text("charge");
    if (piId == null) {
      if (chargeId == null) {
        throw ApiError.invalidRequest(
            "One of the following params should be provided for this"
                + " request: payment_intent or charge.",
            null,
            "parameter_missing");
      }
    } else {
      ObjectNode pi = call.data().paymentIntents.get(piId);
      if (pi == null) {
        throw ApiError.noSuch("payment_intent", piId, "payment_intent");
      }
      synchronized (pi) {
        if (!"succeeded".equals(pi.path("status").asText())) {
          throw ApiError.invalidRequest(
              "This PaymentIntent (" + piId + ") does not have a" + " successful charge to refund.",
              "payment_intent",
              "charge_not_refundable");
        }
        chargeId = pi.path("latest_charge").asText();
      }
    }
    ObjectNode charge = call.data().charges.get(chargeId);
    if (charge == null) {
      throw ApiError.noSuch("charge", chargeId, "charge");
    }
    synchronized (charge) {
      if (!"succeeded".equals(charge.path("status").asText())) {
        throw ApiError.invalidRequest(
            "Charge " + chargeId + " has not succeeded and cannot be" + " refunded.",
            "charge",
            "charge_not_refundable");
      }
    }
    return charge;
  }
}
