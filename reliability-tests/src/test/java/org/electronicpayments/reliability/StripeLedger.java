package org.electronicpayments.reliability;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentMethod;
import com.stripe.model.Refund;
import com.stripe.param.RefundListParams;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.electronicpayments.PaymentId;
import org.electronicpayments.PaymentMethodId;
import org.electronicpayments.testkit.stripe.ChargeRecord;
import org.electronicpayments.testkit.stripe.StripeEmulator;

/**
 * What the Stripe emulator holds, read straight from it (never through a fault): the charges, the
 * refunds and where each card is attached, for the end-of-schedule checks of the emulator lanes.
 */
final class StripeLedger {

  private final StripeEmulator emulator;
  private final StripeClient direct;

  StripeLedger(StripeEmulator emulator) {
    this.emulator = emulator;
    this.direct =
        StripeClient.builder()
            .setApiKey("sk_test_ledger")
            .setApiBase(emulator.baseUrl())
            .setMaxNetworkRetries(0)
            .build();
  }

  List<CampaignBackend.Charge> charges() {
    return emulator.succeededCharges().stream().map(StripeLedger::charge).toList();
  }

  private static CampaignBackend.Charge charge(ChargeRecord c) {
    String attempt = c.metadata().getOrDefault("attempt", "0");
    return new CampaignBackend.Charge(
        PaymentId.of(c.metadata().get("payment_id")), Integer.parseInt(attempt), c.id());
  }

  List<CampaignBackend.Refunded> refunds() {
    List<CampaignBackend.Refunded> refunds = new ArrayList<>();
    try {
      for (Refund r :
          direct
              .v1()
              .refunds()
              .list(RefundListParams.builder().setLimit(100L).build())
              .autoPagingIterable()) {
        if ("succeeded".equals(r.getStatus()) || "pending".equals(r.getStatus())) {
          String paymentId = r.getMetadata() == null ? null : r.getMetadata().get("payment_id");
          if (paymentId == null
              && r.getPaymentIntent() != null) { // made in the Dashboard: no metadata of ours
            var pi = direct.v1().paymentIntents().retrieve(r.getPaymentIntent());
            paymentId = pi.getMetadata() == null ? null : pi.getMetadata().get("payment_id");
          }
          refunds.add(
              new CampaignBackend.Refunded(
                  paymentId == null ? null : PaymentId.of(paymentId),
                  r.getPaymentIntent(),
                  r.getAmount(),
                  r.getId()));
        }
      }
    } catch (StripeException e) {
      throw new IllegalStateException("cannot read the emulator's refunds", e);
    }
    return refunds;
  }

  boolean attached(PaymentMethodId card, String customerReference) {
    try {
      PaymentMethod pm = direct.v1().paymentMethods().retrieve(card.value());
      return customerReference.equals(pm.getCustomer());
    } catch (StripeException e) {
      return false; // no such card at Stripe
    }
  }

  /** The client finishes (or fails) 3-D Secure for one waiting charge, as in the browser. */
  String authenticate(Random random, List<String> waiting) {
    if (waiting.isEmpty()) {
      return "client authenticates: nothing waiting";
    }
    String reference = waiting.get(random.nextInt(waiting.size()));
    boolean succeed = random.nextInt(4) != 0;
    try {
      String status =
          succeed
              ? emulator.completeAuthentication(reference)
              : emulator.failAuthentication(reference);
      return "client authenticates: " + (succeed ? "completed" : "failed") + " → " + status;
    } catch (RuntimeException movedOn) {
      return "client authenticates: the charge moved on";
    }
  }
}
