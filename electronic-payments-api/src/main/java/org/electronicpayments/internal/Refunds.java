package org.electronicpayments.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import org.electronicpayments.AgencyId;
import org.electronicpayments.ElectronicPayments;
import org.electronicpayments.Money;
import org.electronicpayments.Payment;
import org.electronicpayments.PaymentChange;
import org.electronicpayments.PaymentId;
import org.electronicpayments.PaymentNotChargedException;
import org.electronicpayments.PaymentQuery;
import org.electronicpayments.PaymentRefund;
import org.electronicpayments.PaymentStatus;
import org.electronicpayments.PaymentValidationException;
import org.electronicpayments.RefundInDoubtException;
import org.electronicpayments.RefundRejectedException;
import org.electronicpayments.security.Actor;
import org.electronicpayments.security.Permission;
import org.electronicpayments.spi.PaymentProcessor;
import org.electronicpayments.spi.RefundOutcome;
import org.electronicpayments.spi.RefundRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refunds, journaled before the processor is called; one left pending or in doubt is retried with
 * its own key when asked again for the same amount, and settled the same way by reconcile.
 */
public final class Refunds {

  private static final Logger LOG = LoggerFactory.getLogger(ElectronicPayments.class);

  private final PaymentProcessor processor;
  private final Journal journal;
  private final AccessGuard guard;
  private final Bounded bounded;
  private final Duration deadline;

  public Refunds(
      PaymentProcessor processor,
      Journal journal,
      AccessGuard guard,
      Bounded bounded,
      Duration deadline) {
    this.processor = processor;
    this.journal = journal;
    this.guard = guard;
    this.bounded = bounded;
    this.deadline = deadline;
  }

  public PaymentRefund refund(Actor actor, PaymentId paymentId, Money amount) {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(amount, "amount");
    Payment p = journal.read(paymentId);
    guard.check(actor, Permission.REFUND, p.clientId(), p.id());
    if (!p.status().isCharged() || !p.request().chargesCard()) {
      throw new PaymentNotChargedException(
          "Only a charged card payment can be refunded; payment "
              + paymentId
              + " is "
              + p.status()
              + (p.request().chargesCard() ? "" : " and was not charged through the processor"),
          paymentId,
          p.status());
    }
    if (!amount.currency().equals(p.amount().currency()) || amount.isZero()) {
      throw PaymentValidationException.of(
          "amount", "must be more than zero, in " + p.amount().currency());
    }
    PaymentRefund pending = firstUnsettled(p); // a refund made outside the SDK may follow it
    PaymentRefund refund;
    if (pending != null && unsettled(pending) && pending.amount().equals(amount)) {
      refund = pending; // retried with its own key: Stripe replays it if it ran
    } else if (pending != null && unsettled(pending)) {
      throw new RefundInDoubtException(paymentId, p.status(), pending.number(), pending.amount());
    } else {
      Money left = p.amount().minus(p.refunded());
      if (amount.compareTo(left) > 0) {
        throw PaymentValidationException.of(
            "amount", "must be at most " + left.toPlainString() + ", what is left to refund");
      }
      int n = p.refunds().size() + 1;
      refund =
          new PaymentRefund(
              n,
              amount,
              PaymentRefund.keyFor(paymentId, n),
              null,
              PaymentStatus.PENDING,
              actor.auditName(),
              journal.now());
      p = journal.write(p.change().addRefund(refund));
    }
    return send(p, refund);
  }

  /**
   * Settles the unsettled refund of a charged payment, if it has one, by sending it again with its
   * own key (a replay if it ran): an in-doubt refund at once, a pending one once {@code
   * staleBefore} has passed since the payment last changed (it may still be in flight).
   *
   * @return the refund as now recorded, or null when there was none to settle
   */
  public @Nullable PaymentRefund reconcile(Payment p, Instant staleBefore) {
    // Not only the last refund: one made outside the SDK may have been recorded after it.
    PaymentRefund last = firstUnsettled(p);
    if (last == null
        || !p.request().chargesCard()
        || (last.status() == PaymentStatus.PENDING && last.requestedAt().isAfter(staleBefore))) {
      return null;
    }
    try {
      return send(p, last);
    } catch (RefundRejectedException rejected) {
      return journal.read(p.id()).refunds().get(last.number() - 1); // recorded as FAILED
    }
  }

  /**
   * Settles every unsettled refund of the agency ({@link #reconcile(Payment, Instant)}); the caller
   * has checked the permission to reconcile.
   *
   * @return how many refunds were sent again
   */
  public int reconcileAll(AgencyId agency, Instant staleBefore) {
    // Every status a payment with an unsettled refund can be in: a saved payment (POSTED) is
    // refunded like any other.
    PaymentQuery charged =
        PaymentQuery.all()
            .unsettledRefunds() // read from the refunds: a pass costs what is unsettled, not more
            .statuses(
                EnumSet.of(
                    PaymentStatus.SUCCEEDED,
                    PaymentStatus.POSTED,
                    PaymentStatus.PARTIALLY_REFUNDED,
                    // refunds made outside the SDK may complete the amount while one is in doubt
                    PaymentStatus.REFUNDED));
    List<Payment> unsettled = new ArrayList<>();
    for (int offset = 0; ; ) {
      List<Payment> page = journal.query(agency, charged.page(offset, 500));
      for (Payment p : page) {
        if (firstUnsettled(p) != null) {
          unsettled.add(p);
        }
      }
      if (page.size() < 500) {
        break;
      }
      offset += page.size();
    }
    int sent = 0;
    for (Payment p : unsettled) {
      try {
        if (reconcile(p, staleBefore) != null) {
          sent++;
        }
      } catch (RuntimeException e) {
        LOG.warn(
            "Payment {}: its refund could not be settled now ({})",
            p.id(),
            e.getClass().getSimpleName());
      }
    }
    return sent;
  }

  /** The payment's first refund still pending or in doubt, if any. */
  private static @Nullable PaymentRefund firstUnsettled(Payment p) {
    for (PaymentRefund refund : p.refunds()) {
      if (unsettled(refund)) {
        return refund;
      }
    }
    return null;
  }

  static boolean unsettled(PaymentRefund refund) {
    return refund.status() == PaymentStatus.PENDING || refund.status() == PaymentStatus.IN_DOUBT;
  }

  private PaymentRefund send(Payment p, PaymentRefund refund) {
    String reference =
        Objects.requireNonNull(
            p.attempts().get(p.attempts().size() - 1).processorReference(),
            "a charged card payment's attempt has the processor's reference");
    RefundRequest request =
        new RefundRequest(p.id(), reference, refund.amount(), refund.idempotencyKey());
    RefundOutcome outcome;
    try {
      outcome = bounded.run(() -> processor.refund(request), deadline);
    } catch (ExecutionException e) {
      outcome = new RefundOutcome.Unknown(Charges.causeOf(e).getClass().getSimpleName());
    } catch (RejectedExecutionException e) {
      outcome = new RefundOutcome.Unknown("the facade is closed"); // never sent
    }
    if (outcome == null) {
      outcome = new RefundOutcome.Unknown("no answer within " + deadline);
    }
    return settle(p.id(), refund, outcome);
  }

  private PaymentRefund settle(PaymentId paymentId, PaymentRefund refund, RefundOutcome outcome) {
    PaymentRefund settled;
    if (outcome instanceof RefundOutcome.Refunded r) {
      settled = refund.settled(PaymentStatus.SUCCEEDED, r.refundReference());
    } else if (outcome instanceof RefundOutcome.Rejected) {
      settled = refund.settled(PaymentStatus.FAILED, null);
    } else {
      settled = refund.settled(PaymentStatus.IN_DOUBT, null);
    }
    Payment stored =
        journal.change(
            paymentId,
            current -> {
              if (current.refunds().size() < refund.number()
                  || !unsettled(current.refunds().get(refund.number() - 1))) {
                return null; // settled meanwhile (another retry or reconcile): never undone
              }
              PaymentChange change = current.change().replaceRefund(settled);
              Payment provisional = change.at(journal.now());
              if (settled.status() == PaymentStatus.SUCCEEDED) {
                boolean full = provisional.refunded().equals(current.amount());
                change.status(full ? PaymentStatus.REFUNDED : PaymentStatus.PARTIALLY_REFUNDED);
              }
              return change.at(journal.now());
            });
    if (outcome instanceof RefundOutcome.Rejected rejected) {
      LOG.info(
          "Payment {}: refund {} rejected ({})",
          paymentId,
          refund.number(),
          rejected.failure().code());
      throw new RefundRejectedException(paymentId, rejected.failure());
    }
    PaymentRefund recorded = stored.refunds().get(refund.number() - 1);
    LOG.info(
        "Payment {}: refund {} of {} {}",
        paymentId,
        refund.number(),
        refund.amount(),
        recorded.status());
    return recorded;
  }
}
