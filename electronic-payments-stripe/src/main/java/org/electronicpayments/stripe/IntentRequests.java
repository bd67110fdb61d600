package org.electronicpayments.stripe;

import com.stripe.param.PaymentIntentCancelParams;
import com.stripe.param.PaymentIntentConfirmParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PaymentIntentRetrieveParams;
import org.electronicpayments.spi.CardUse;
import org.electronicpayments.spi.ChargeRequest;

/**
 * The parameters of the PaymentIntent requests. What Stripe receives is exactly what G5 allows:
 * amount, currency, customer, payment method, receipt email, a neutral description and metadata
 * with opaque ids; the rest are fixed technical settings.
 */
final class IntentRequests {

  private IntentRequests() {}

  /**
   * {@code POST /v1/payment_intents}, unconfirmed. Identical for a given charge, so its key
   * replays.
   */
  static PaymentIntentCreateParams create(
      ChargeRequest r, String paymentMethod, StripeSettings settings) {
    PaymentIntentCreateParams.Builder b =
        PaymentIntentCreateParams.builder()
            .setAmount(r.amount().minorUnits())
            .setCurrency(settings.currencyCode())
            .setPaymentMethod(paymentMethod)
            .addPaymentMethodType("card")
            .setCaptureMethod(PaymentIntentCreateParams.CaptureMethod.AUTOMATIC)
            .setConfirm(false)
            .setDescription(
                settings.description(r.paymentId().value(), r.agencyId().value(), r.attempt()))
            .putMetadata("payment_id", r.paymentId().value())
            .putMetadata("client_id", r.clientId().value())
            .putMetadata("agency_id", r.agencyId().value())
            .putMetadata("attempt", Integer.toString(r.attempt()));
    if (r.customerReference() != null) {
      b.setCustomer(r.customerReference());
    }
    if (r.use() == CardUse.SAVE_FOR_FUTURE) {
      b.setSetupFutureUsage(PaymentIntentCreateParams.SetupFutureUsage.OFF_SESSION);
    }
    if (r.receiptEmail() != null) {
      b.setReceiptEmail(r.receiptEmail());
    }
    if (settings.statementDescriptorSuffix() != null) {
      b.setStatementDescriptorSuffix(settings.statementDescriptorSuffix());
    }
    return b.build();
  }

  /** {@code POST /v1/payment_intents/{id}/confirm}: off-session for a charge without the client. */
  static PaymentIntentConfirmParams confirm(ChargeRequest r) {
    PaymentIntentConfirmParams.Builder b =
        PaymentIntentConfirmParams.builder().addExpand("payment_method");
    if (r.offSession()) {
      b.setOffSession(true);
    }
    return b.build();
  }

  /** {@code GET /v1/payment_intents/{id}}, with the card. */
  static PaymentIntentRetrieveParams retrieve() {
    return PaymentIntentRetrieveParams.builder().addExpand("payment_method").build();
  }

  /** {@code POST /v1/payment_intents/{id}/cancel}: abandoned, its outcome having been unknown. */
  static PaymentIntentCancelParams cancel() {
    return PaymentIntentCancelParams.builder()
        .setCancellationReason(PaymentIntentCancelParams.CancellationReason.ABANDONED)
        .build();
  }
}
