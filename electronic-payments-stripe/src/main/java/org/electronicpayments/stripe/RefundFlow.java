package org.electronicpayments.stripe;

import com.stripe.exception.StripeException;
import com.stripe.model.Refund;
import com.stripe.param.RefundCreateParams;
import org.electronicpayments.PaymentFailure;
import org.electronicpayments.spi.RefundOutcome;
import org.electronicpayments.spi.RefundRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code POST /v1/refunds} for a PaymentIntent, full or partial, with the refund's own key. */
final class RefundFlow {

  private static final Logger LOG = LoggerFactory.getLogger(StripePaymentProcessor.class);

  private final StripeCalls calls;
  private final StripeSettings settings;

  RefundFlow(StripeCalls calls, StripeSettings settings) {
    this.calls = calls;
    this.settings = settings;
  }

  RefundOutcome refund(RefundRequest r) {
    if (!r.amount().currency().equals(settings.currency())) {
      return new RefundOutcome.Rejected(
          new PaymentFailure(
              PaymentFailure.Kind.REJECTED,
              "currency_not_accepted",
              null,
              "The refund's currency is not the payment's. Nothing was refunded.",
              null));
    }
    RefundCreateParams params =
        RefundCreateParams.builder()
            .setPaymentIntent(r.processorReference())
            .setAmount(r.amount().minorUnits())
            .putMetadata("payment_id", r.paymentId().value())
            .build();
    try {
      Refund refund =
          calls.call(
              Deadline.after(settings.deadline()),
              r.idempotencyKey(),
              (c, o) -> c.v1().refunds().create(params, o));
      if ("failed".equals(refund.getStatus()) || "canceled".equals(refund.getStatus())) {
        LOG.info("Payment {}: refund {} {}", r.paymentId(), refund.getId(), refund.getStatus());
        return new RefundOutcome.Rejected(
            new PaymentFailure(
                PaymentFailure.Kind.REJECTED,
                refund.getFailureReason(),
                null,
                "The card network did not accept the refund. Nothing was refunded.",
                refund.getFailureReason()));
      }
      LOG.info(
          "Payment {}: refund {} of {} {}",
          r.paymentId(),
          refund.getId(),
          r.amount(),
          refund.getStatus());
      return new RefundOutcome.Refunded(refund.getId());
    } catch (StripeException e) {
      if (Failures.kind(e, r.paymentId()) == Failures.Kind.UNKNOWN) {
        LOG.warn("Payment {}: refund outcome unknown ({})", r.paymentId(), Failures.unknown(e));
        return new RefundOutcome.Unknown(Failures.unknown(e));
      }
      String message = e.getStripeError() != null ? e.getStripeError().getMessage() : null;
      LOG.info("Payment {}: refund rejected ({})", r.paymentId(), e.getCode());
      return new RefundOutcome.Rejected(
          new PaymentFailure(
              PaymentFailure.Kind.REJECTED,
              e.getCode(),
              null,
              "Stripe did not accept the refund" + (message == null ? "." : ": " + message),
              message));
    }
  }
}
