package org.electronicpayments.internal;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import org.electronicpayments.ElectronicPayments;
import org.electronicpayments.Money;
import org.electronicpayments.Payment;
import org.electronicpayments.PaymentChange;
import org.electronicpayments.PaymentId;
import org.electronicpayments.PaymentNotChargedException;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Refunds, journaled before the processor is called and retried with the same key when in doubt. */
public final class Refunds {

  private static final Logger LOG = LoggerFactory.getLogger(ElectronicPayments.class);

  private final PaymentProcessor processor;
  private final Journal journal;
  private final AccessGuard guard;
  private final Bounded bounded;
  private final Duration deadline;

  public Refunds(PaymentProcessor processor, Journal journal, AccessGuard guard, Bounded bounded, Duration deadline) {
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
      throw new PaymentNotChargedException("Only a charged card payment can be refunded; payment " + paymentId + " is "
          + p.status() + (p.request().chargesCard() ? "" : " and was not charged through the processor"),
          paymentId, p.status());
    }
    if (!amount.currency().equals(p.amount().currency()) || amount.isZero()) {
      throw PaymentValidationException.of("amount", "must be more than zero, in " + p.amount().currency());
    }
    PaymentRefund pending = p.refunds().isEmpty() ? null : p.refunds().get(p.refunds().size() - 1);
    PaymentRefund refund;
    if (pending != null && pending.status() == PaymentStatus.IN_DOUBT && pending.amount().equals(amount)) {
      refund = pending;
    } else if (pending != null && (pending.status() == PaymentStatus.IN_DOUBT || pending.status() == PaymentStatus.PENDING)) {
      throw new RefundInDoubtException(paymentId, p.status(), pending.number(), pending.amount());
    } else {
      Money left = p.amount().minus(p.refunded());
      if (amount.compareTo(left) > 0) {
        throw PaymentValidationException.of("amount", "must be at most " + left.toPlainString() + ", what is left to refund");
      }
      int n = p.refunds().size() + 1;
      refund = new PaymentRefund(n, amount, PaymentRefund.keyFor(paymentId, n), null, PaymentStatus.PENDING,
          actor.auditName(), journal.now());
      p = journal.write(p.change().addRefund(refund));
    }
    String reference = p.attempts().get(p.attempts().size() - 1).processorReference();
    RefundRequest request = new RefundRequest(paymentId, reference, amount, refund.idempotencyKey());
    RefundOutcome outcome;
    try {
      outcome = bounded.run(() -> processor.refund(request), deadline);
    } catch (ExecutionException e) {
      outcome = new RefundOutcome.Unknown(e.getCause().getClass().getSimpleName());
    }
    if (outcome == null) {
      outcome = new RefundOutcome.Unknown("no answer within " + deadline);
    }
    return settle(paymentId, refund, outcome);
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
    journal.change(paymentId, current -> {
      PaymentChange change = current.change().replaceRefund(settled);
      Payment provisional = change.at(journal.now());
      if (settled.status() == PaymentStatus.SUCCEEDED) {
        boolean full = provisional.refunded().equals(current.amount());
        change.status(full ? PaymentStatus.REFUNDED : PaymentStatus.PARTIALLY_REFUNDED);
      }
      return change.at(journal.now());
    });
    if (outcome instanceof RefundOutcome.Rejected rejected) {
      LOG.info("Payment {}: refund {} rejected ({})", paymentId, refund.number(), rejected.failure().code());
      throw new RefundRejectedException(paymentId, rejected.failure());
    }
    LOG.info("Payment {}: refund {} of {} {}", paymentId, refund.number(), refund.amount(), settled.status());
    return settled;
  }
}
