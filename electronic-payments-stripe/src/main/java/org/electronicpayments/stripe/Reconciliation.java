package org.electronicpayments.stripe;

import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import org.electronicpayments.PaymentFailure;
import org.electronicpayments.spi.CardUse;
import org.electronicpayments.spi.ChargeOutcome;
import org.electronicpayments.spi.ChargeRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settles a charge whose outcome is unknown by reading its PaymentIntent: succeeded is charged; one
 * never confirmed is cancelled ({@code …-cancel}) so it never can be; processing stays unknown; one
 * waiting for 3-D Secure stays so. Without a reference the create is re-issued with its key, which
 * returns the PaymentIntent if it was made (or makes an unconfirmed one).
 */
final class Reconciliation {

  private static final Logger LOG = LoggerFactory.getLogger(StripePaymentProcessor.class);

  private final StripeCalls calls;
  private final ChargeFlow flow;
  private final CustomerCards cards;

  Reconciliation(StripeCalls calls, ChargeFlow flow, CustomerCards cards) {
    this.calls = calls;
    this.flow = flow;
    this.cards = cards;
  }

  ChargeOutcome resolve(ChargeRequest r, @Nullable String reference) {
    Deadline deadline = flow.deadline(r);
    String id = reference;
    try {
      if (id == null) {
        id = flow.create(r, deadline).getId();
        LOG.info("Payment {}: create re-issued with its key; PaymentIntent {}", r.paymentId(), id);
      }
      return settle(r, id, deadline, null);
    } catch (StripeException e) {
      Failures.Kind kind = Failures.kind(e, r.paymentId());
      if (kind == Failures.Kind.DECLINED || (kind == Failures.Kind.REJECTED && id == null)) {
        return ChargeFlow.log(r, new ChargeOutcome.Declined(null, Failures.failure(e)));
      }
      return ChargeFlow.log(r, new ChargeOutcome.Unknown(id, Failures.unknown(e)));
    }
  }

  /**
   * Reads the PaymentIntent and settles it; an unconfirmed one is cancelled.
   *
   * @param failure the failure to report after cancelling, or null for the one the PaymentIntent
   *     shows
   */
  ChargeOutcome settle(
      ChargeRequest r, String id, Deadline deadline, @Nullable PaymentFailure failure) {
    try {
      PaymentIntent pi = retrieve(id, deadline);
      if (IntentOutcomes.unconfirmed(pi)) {
        try {
          calls.call(
              deadline,
              r.idempotencyKey() + "-cancel",
              (c, o) -> c.v1().paymentIntents().cancel(id, IntentRequests.cancel(), o));
          LOG.info(
              "Payment {}: PaymentIntent {} was never confirmed; cancelled", r.paymentId(), id);
          if (r.use() == CardUse.SAVE_FOR_FUTURE) {
            cards.release(r, pi.getPaymentMethod(), deadline);
          }
          return ChargeFlow.log(
              r,
              new ChargeOutcome.Declined(
                  id, failure != null ? failure : IntentOutcomes.cancelledAfter(pi)));
        } catch (StripeException e) {
          if (Failures.kind(e, r.paymentId()) != Failures.Kind.REJECTED) {
            throw e;
          }
          pi = retrieve(id, deadline); // it moved on meanwhile: report where it is now
          if (IntentOutcomes.unconfirmed(pi)) {
            return ChargeFlow.log(
                r, new ChargeOutcome.Unknown(id, "the PaymentIntent could not be cancelled"));
          }
        }
      }
      return flow.settled(r, pi, deadline);
    } catch (StripeException e) {
      Failures.Kind kind = Failures.kind(e, r.paymentId());
      return ChargeFlow.log(
          r,
          new ChargeOutcome.Unknown(
              id,
              Failures.unknown(e)
                  + (kind == Failures.Kind.REJECTED
                      ? " (Stripe does not know the PaymentIntent)"
                      : "")));
    }
  }

  private PaymentIntent retrieve(String id, Deadline deadline) throws StripeException {
    return calls.call(
        deadline,
        null,
        (c, o) -> c.v1().paymentIntents().retrieve(id, IntentRequests.retrieve(), o));
  }
}
