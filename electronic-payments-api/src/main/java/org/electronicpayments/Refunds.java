package org.electronicpayments;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import org.electronicpayments.security.Actor;
import org.electronicpayments.security.Permission;
import org.electronicpayments.spi.PaymentProcessor;
import org.electronicpayments.spi.RefundOutcome;
import org.electronicpayments.spi.RefundRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Refunds, journaled before the processor is called and retried with the same key when in doubt. */
final class Refunds {

  private static final Logger LOG = LoggerFactory.getLogger(ElectronicPayments.class);

  private final PaymentProcessor processor;
  private final Journal journal;
  private final AccessGuard guard;
  private final Bounded bounded;
  private final Duration deadline;

  Refunds(PaymentProcessor processor, Journal journal, AccessGuard guard, Bounded bounded, Duration deadline) {
    this.processor = processor;
    this.journal = journal;
    this.guard = guard;
    this.bounded = bounded;
    this.deadline = deadline;
  }

  PaymentRefund refund(Actor actor, PaymentId paymentId, Money amount) {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(amount, "amount");
    Payment p = journal.read(paymentId);
    guard.check(actor, Permission.REFUND, p.clientId(), p.id());
    if (!p.status().isCharged() || !p.request().chargesCard()) {
      throw new PaymentException("Only a charged card payment can be refunded; payment " + paymentId + " is "
          + p.status() + (p.request().chargesCard() ? "" : " and was not charged through the processor"),
          paymentId, null, null);
    }
    if (!amount.currency().equals(p.amount().currency()) || amount.isZero()) {
      throw PaymentValidationException.of("amount", "must be more than zero, in " + p.amount().currency());
    }
    PaymentRefund pending = p.refunds().isEmpty() ? null : p.refunds().get(p.refunds().size() - 1);
    PaymentRefund refund;
    if (pending != null && pending.status() == PaymentStatus.IN_DOUBT && pending.amount().equals(amount)) {
      refund = pending;
    } else if (pending != null && (pending.status() == PaymentStatus.IN_DOUBT || pending.status() == PaymentStatus.PENDING)) {
      throw new PaymentException("Refund " + pending.number() + " of payment " + paymentId
          + " is still in doubt; ask again for the same amount to retry it", paymentId, null, null);
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
    // A charged card payment has the processor's reference of the attempt that charged it.
    String reference = Objects.requireNonNull(p.attempts().get(p.attempts().size() - 1).processorReference(),
        "processorReference");
    RefundRequest request = new RefundRequest(paymentId, reference, amount, refund.idempotencyKey());
    RefundOutcome outcome;
    try {
      outcome = bounded.run(() -> processor.refund(request), deadline);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      outcome = new RefundOutcome.Unknown(cause.getClass().getSimpleName());
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
      throw new PaymentException("The refund was rejected: " + rejected.failure().reason(), paymentId, null, null);
    }
    LOG.info("Payment {}: refund {} of {} {}", paymentId, refund.number(), refund.amount(), settled.status());
    return settled;
  }
}
