package org.electronicpayments.testkit.stripe;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Set;

/**
 * {@code /v1/disputes}: list and retrieve. Disputes are opened and closed only by the card holder's
 * bank, here the test hooks {@link StripeEmulator#openDispute} and {@link
 * StripeEmulator#closeDispute}; each emits Stripe's {@code charge.dispute.*} event.
 */
final class DisputeApi {

  /** {@code GET /v1/disputes}. */
  static final ParamSpec LIST =
      ParamSpec.list(ParamSpec.string("charge"), ParamSpec.string("payment_intent"));

  /** The reasons a dispute may carry, as Stripe names them. */
  static final Set<String> REASONS =
      Set.of(
          "bank_cannot_process",
          "check_returned",
          "credit_not_processed",
          "customer_initiated",
          "debit_not_authorized",
          "duplicate",
          "fraudulent",
          "general",
          "incorrect_account_details",
          "insufficient_funds",
          "product_not_received",
          "product_unacceptable",
          "subscription_canceled",
          "unrecognized");

  private DisputeApi() {}

  static ObjectNode retrieve(Call call) {
    ObjectNode dispute = call.data().disputes.get(call.pathId());
    if (dispute == null) {
      throw ApiError.noSuch("dispute", call.pathId(), null);
    }
    return Json.snapshot(dispute);
  }

  static ObjectNode list(Call call) {
    String pi = call.params().text("payment_intent");
    String charge = call.params().text("charge");
    return Lists.page(
        call.data().disputes.newestFirst(),
        d ->
            (pi == null || pi.equals(d.path("payment_intent").asText()))
                && (charge == null || charge.equals(d.path("charge").asText())),
        call.params(),
        "/v1/disputes");
  }

  /** Opens a dispute of a succeeded charge (whose id or PaymentIntent's id is given). */
  static ObjectNode open(Engine engine, String chargeOrPaymentIntent, String reason, long amount) {
    if (!REASONS.contains(reason)) {
      throw new IllegalArgumentException(
          "Not a Stripe dispute reason: " + reason + "; one of " + REASONS);
    }
    AccountData data = accountOf(engine, chargeOrPaymentIntent);
    ObjectNode charge = chargeOf(data, chargeOrPaymentIntent);
    String id = Ids.next("du");
    ObjectNode dispute = Json.object();
    ObjectNode chargeSnapshot;
    synchronized (charge) {
      if (!"succeeded".equals(charge.path("status").asText())) {
        throw new IllegalStateException(
            "Charge " + charge.path("id").asText() + " took no money to dispute");
      }
      if (charge.path("disputed").asBoolean()) {
        throw new IllegalStateException(
            "Charge " + charge.path("id").asText() + " is already disputed");
      }
      if (amount < 1 || amount > charge.path("amount").asLong()) {
        throw new IllegalArgumentException(
            "A dispute of "
                + amount
                + " does not fit charge "
                + charge.path("id").asText()
                + " of "
                + charge.path("amount").asLong());
      }
      dispute.put("id", id);
      dispute.put("object", "dispute");
      dispute.put("amount", amount);
      dispute.putArray("balance_transactions");
      dispute.put("charge", charge.path("id").asText());
      dispute.put("created", engine.now().getEpochSecond());
      dispute.put("currency", charge.path("currency").asText());
      dispute.putObject("evidence");
      ObjectNode details = dispute.putObject("evidence_details");
      details.put("due_by", engine.now().plusSeconds(7 * 24 * 3600).getEpochSecond());
      details.put("has_evidence", false);
      details.put("past_due", false);
      details.put("submission_count", 0);
      dispute.put("is_charge_refundable", false);
      dispute.put("livemode", false);
      dispute.putObject("metadata");
      dispute.set("payment_intent", charge.get("payment_intent"));
      dispute.put("reason", reason);
      dispute.put("status", "needs_response");
      charge.put("disputed", true);
      data.disputes.put(id, dispute);
      chargeSnapshot = charge.deepCopy();
    }
    engine.emit(data, "charge.dispute.created", Json.snapshot(dispute), null);
    engine.emit(data, "charge.updated", chargeSnapshot, null);
    return Json.snapshot(dispute);
  }

  /** Closes an open dispute as the bank decides it. */
  static ObjectNode close(Engine engine, String disputeId, boolean won) {
    AccountData data =
        engine
            .accounts()
            .filter(a -> a.disputes.get(disputeId) != null)
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("No such dispute: " + disputeId));
    ObjectNode dispute = Objects.requireNonNull(data.disputes.get(disputeId), disputeId);
    synchronized (dispute) {
      String status = dispute.path("status").asText();
      if ("won".equals(status) || "lost".equals(status)) {
        throw new IllegalStateException(
            "Dispute " + disputeId + " is already closed (" + status + ")");
      }
      dispute.put("status", won ? "won" : "lost");
    }
    ObjectNode snapshot = Json.snapshot(dispute);
    engine.emit(data, "charge.dispute.closed", snapshot.deepCopy(), null);
    return snapshot;
  }

  private static AccountData accountOf(Engine engine, String id) {
    return engine
        .accounts()
        .filter(a -> (id.startsWith("pi_") ? a.paymentIntents.get(id) : a.charges.get(id)) != null)
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No such charge or payment_intent: " + id));
  }

  private static ObjectNode chargeOf(AccountData data, String id) {
    String chargeId = id;
    if (id.startsWith("pi_")) {
      ObjectNode pi = data.paymentIntent(id);
      synchronized (pi) {
        chargeId = pi.path("latest_charge").asText(null);
      }
      if (chargeId == null) {
        throw new IllegalStateException("PaymentIntent " + id + " has no charge to dispute");
      }
    }
    ObjectNode charge = data.charges.get(chargeId);
    if (charge == null) {
      throw new IllegalArgumentException("No such charge: " + chargeId);
    }
    return charge;
  }
}
