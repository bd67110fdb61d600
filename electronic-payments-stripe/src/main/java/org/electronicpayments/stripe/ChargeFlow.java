package org.electronicpayments.stripe;

import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.model.PaymentMethod;
import org.electronicpayments.CardDetails;
import org.electronicpayments.PaymentFailure;
import org.electronicpayments.PaymentMethodId;
import org.electronicpayments.spi.CardUse;
import org.electronicpayments.spi.ChargeOutcome;
import org.electronicpayments.spi.ChargeRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A charge in two idempotent steps: prepare makes the PaymentIntent unconfirmed ({@code …-create};
 * for a card to save, attaches it first with {@code …-attach} and charges that new card), confirm
 * takes the money ({@code …-confirm}); a card saved twice is deduplicated only after the charge
 * succeeded. Unknown outcomes are never reported as declines.
 */
final class ChargeFlow {

  private static final Logger LOG = LoggerFactory.getLogger(StripePaymentProcessor.class);

  private final StripeCalls calls;
  private final StripeSettings settings;
  private final CustomerCards cards;

  ChargeFlow(StripeCalls calls, StripeSettings settings, CustomerCards cards) {
    this.calls = calls;
    this.settings = settings;
    this.cards = cards;
  }

  ChargeOutcome prepare(ChargeRequest r) {
    if (!r.amount().currency().equals(settings.currency())) {
      return log(
          r,
          new ChargeOutcome.Declined(
              null,
              new PaymentFailure(
                  PaymentFailure.Kind.REJECTED,
                  "currency_not_accepted",
                  null,
                  "This processor takes payments in "
                      + settings.currency()
                      + " only. Nothing was charged.",
                  null)));
    }
    Deadline deadline = deadline(r);
    try {
      PaymentIntent pi = create(r, deadline);
      LOG.info(
          "Payment {}: PaymentIntent {} created, not yet confirmed", r.paymentId(), pi.getId());
      return new ChargeOutcome.Prepared(pi.getId());
    } catch (StripeException e) {
      Failures.rejectMisuse(e, r.paymentId());
      Failures.Kind kind = Failures.kind(e, r.paymentId());
      if (kind == Failures.Kind.UNKNOWN) {
        return log(r, new ChargeOutcome.Unknown(null, Failures.unknown(e)));
      }
      if (kind == Failures.Kind.REJECTED && r.use() == CardUse.SAVE_FOR_FUTURE) {
        cards.release(r, null, deadline);
      }
      return log(r, new ChargeOutcome.Declined(null, Failures.failure(e)));
    }
  }

  /**
   * Attaches a card to save, then creates the PaymentIntent with it; the same charge gets the same
   * one back. Both requests' parameters come from the request and the attach's replayed answer
   * only, never from the customer's cards at the time, so a re-issued create always replays.
   */
  PaymentIntent create(ChargeRequest r, Deadline deadline) throws StripeException {
    String method =
        r.use() == CardUse.SAVE_FOR_FUTURE ? cards.attach(r, deadline) : r.paymentMethod();
    var params = IntentRequests.create(r, method, settings);
    return calls.call(
        deadline,
        r.idempotencyKey() + "-create",
        (c, o) -> c.v1().paymentIntents().create(params, o));
  }

  ChargeOutcome confirm(ChargeRequest r, String reference, Reconciliation reconciliation) {
    Deadline deadline = deadline(r);
    try {
      PaymentIntent pi =
          calls.call(
              deadline,
              r.idempotencyKey() + "-confirm",
              (c, o) -> c.v1().paymentIntents().confirm(reference, IntentRequests.confirm(r), o));
      return settled(r, pi, deadline);
    } catch (StripeException e) {
      Failures.Kind kind = Failures.kind(e, r.paymentId());
      if (kind == Failures.Kind.DECLINED) {
        if (r.use() == CardUse.SAVE_FOR_FUTURE) {
          cards.release(r, null, deadline);
        }
        return log(r, new ChargeOutcome.Declined(reference, Failures.failure(e)));
      }
      if (kind == Failures.Kind.REJECTED) {
        // Refused without running (nothing kept for the key): make sure it can never charge later.
        return reconciliation.settle(
            r, reference, deadline, Failures.unexpectedState(e) ? null : Failures.failure(e));
      }
      return log(r, new ChargeOutcome.Unknown(reference, Failures.unknown(e)));
    }
  }

  /**
   * The outcome a PaymentIntent shows; a card left over from a failed save is detached, and a card
   * saved twice is kept once. Confirm and resolve both end here, so they report the same saved
   * card.
   */
  ChargeOutcome settled(ChargeRequest r, PaymentIntent pi, Deadline deadline) {
    ChargeOutcome outcome = IntentOutcomes.of(r, pi, card(pi, deadline));
    if (outcome instanceof ChargeOutcome.Declined && r.use() == CardUse.SAVE_FOR_FUTURE) {
      cards.release(r, pi.getPaymentMethod(), deadline);
    }
    if (outcome instanceof ChargeOutcome.Charged c && c.savedCard() != null) {
      String fingerprint = c.card() == null ? null : c.card().fingerprint();
      String kept = cards.keepOnce(r, c.savedCard().value(), fingerprint, deadline);
      outcome =
          new ChargeOutcome.Charged(
              c.processorReference(),
              c.chargeReference(),
              c.card(),
              kept == null ? null : PaymentMethodId.of(kept));
    }
    return log(r, outcome);
  }

  Deadline deadline(ChargeRequest r) {
    return Deadline.of(r.deadline(), settings.deadline());
  }

  private @Nullable CardDetails card(PaymentIntent pi, Deadline deadline) {
    if (!IntentOutcomes.SUCCEEDED.equals(pi.getStatus()) || pi.getPaymentMethod() == null) {
      return null;
    }
    if (pi.getPaymentMethodObject() != null) {
      return CustomerCards.details(pi.getPaymentMethodObject());
    }
    try {
      PaymentMethod pm =
          calls.call(
              deadline, null, (c, o) -> c.v1().paymentMethods().retrieve(pi.getPaymentMethod(), o));
      return CustomerCards.details(pm);
    } catch (StripeException e) {
      LOG.warn(
          "PaymentIntent {}: charged, but its card could not be read ({})",
          pi.getId(),
          Failures.unknown(e));
      return null;
    }
  }

  static ChargeOutcome log(ChargeRequest r, ChargeOutcome outcome) {
    if (outcome instanceof ChargeOutcome.Charged c) {
      LOG.info(
          "Payment {}: charged; PaymentIntent {}, charge {}",
          r.paymentId(),
          c.processorReference(),
          c.chargeReference());
    } else if (outcome instanceof ChargeOutcome.Declined d) {
      LOG.info(
          "Payment {}: not charged ({} {} {}); PaymentIntent {}",
          r.paymentId(),
          d.failure().kind(),
          d.failure().code(),
          d.failure().declineCode(),
          d.processorReference());
    } else if (outcome instanceof ChargeOutcome.ActionRequired a) {
      LOG.info(
          "Payment {}: the client must authenticate the card; PaymentIntent {}",
          r.paymentId(),
          a.processorReference());
    } else if (outcome instanceof ChargeOutcome.Unknown u) {
      LOG.warn(
          "Payment {}: outcome unknown ({}); PaymentIntent {}",
          r.paymentId(),
          u.reason(),
          u.processorReference());
    }
    return outcome;
  }
}
