package org.electronicpayments.testkit;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.electronicpayments.Money;
import org.electronicpayments.PaymentFailure;
import org.electronicpayments.PaymentStatus;
import org.electronicpayments.spi.ProcessorRefund;
import org.electronicpayments.spi.RefundOutcome;
import org.electronicpayments.spi.RefundRequest;
import org.jspecify.annotations.Nullable;

/** The fake's refunds: full or partial, never more than what is left of the charge. */
final class FakeRefunds {

  private final IdempotencyKeys keys;
  private final FakeCharges charges;
  private final ConcurrentLinkedQueue<FakeRefund> refunds = new ConcurrentLinkedQueue<>();
  private final AtomicLong refundIds = new AtomicLong();

  FakeRefunds(IdempotencyKeys keys, FakeCharges charges) {
    this.keys = keys;
    this.charges = charges;
  }

  RefundOutcome refund(RefundRequest request, @Nullable Step step) {
    PaymentFailure scripted = Step.declines(step);
    return keys.run(
        request.idempotencyKey(),
        "refunds",
        request,
        null,
        () -> scripted != null ? new RefundOutcome.Rejected(scripted) : refund(request));
  }

  /** A refund made as staff would in Stripe's dashboard: no key, no metadata of the SDK. */
  String dashboardRefund(String processorReference, @Nullable Money requested) {
    Intent intent = charges.intents.get(processorReference);
    if (intent == null) {
      throw new IllegalArgumentException("No such charge: " + processorReference);
    }
    synchronized (intent) {
      long left = intent.refundable();
      if (intent.status() != FakeCharge.Status.SUCCEEDED || left == 0) {
        throw new IllegalStateException(
            "Charge " + processorReference + " has nothing left to refund");
      }
      Money amount =
          requested == null ? Money.ofMinor(left, intent.request.amount().currency()) : requested;
      if (!amount.currency().equals(intent.request.amount().currency())
          || amount.isZero()
          || amount.minorUnits() > left) {
        throw new IllegalArgumentException(
            "A refund of " + amount + " does not fit charge " + processorReference);
      }
      intent.refund(amount.minorUnits());
      String reference = "re_fake_" + refundIds.incrementAndGet();
      refunds.add(
          new FakeRefund(reference, processorReference, intent.request.paymentId(), amount, null));
      return reference;
    }
  }

  /** Every refund of one charge, oldest first, as the processor lists them. */
  List<ProcessorRefund> listFor(String processorReference) {
    return refunds.stream()
        .filter(r -> r.processorReference().equals(processorReference))
        .map(
            r ->
                new ProcessorRefund(
                    r.refundReference(), r.amount(), PaymentStatus.SUCCEEDED, !r.madeOutsideSdk()))
        .toList();
  }

  List<FakeRefund> refunds() {
    return List.copyOf(refunds);
  }

  void reset() {
    refunds.clear();
    refundIds.set(0);
  }

  private RefundOutcome refund(RefundRequest request) {
    Intent intent = charges.intents.get(request.processorReference());
    if (intent == null) {
      return rejected(
          "resource_missing", "No such payment_intent: '" + request.processorReference() + "'");
    }
    synchronized (intent) {
      Money amount = request.amount();
      long left = intent.refundable();
      if (intent.status() != FakeCharge.Status.SUCCEEDED) {
        return rejected(
            "charge_not_refundable",
            "This PaymentIntent does not have a successful charge to refund.");
      }
      if (!amount.currency().equals(intent.request.amount().currency())) {
        return rejected(
            "parameter_invalid",
            "The refund's currency must be the charge's ("
                + intent.request.amount().currency().getCurrencyCode().toLowerCase(Locale.ROOT)
                + ").");
      }
      if (amount.isZero()) {
        return rejected(
            "parameter_invalid_integer", "This value must be greater than or equal to 1.");
      }
      if (left == 0) {
        return rejected("charge_already_refunded", "This charge has already been refunded.");
      }
      if (amount.minorUnits() > left) {
        return rejected(
            "amount_too_large",
            "Refund amount ("
                + amount.toDisplayString()
                + ") is greater than unrefunded amount on charge ("
                + Money.ofMinor(left, amount.currency()).toDisplayString()
                + ")");
      }
      intent.refund(amount.minorUnits());
      String reference = "re_fake_" + refundIds.incrementAndGet();
      refunds.add(
          new FakeRefund(
              reference,
              request.processorReference(),
              request.paymentId(),
              amount,
              request.idempotencyKey()));
      return new RefundOutcome.Refunded(reference);
    }
  }

  private static RefundOutcome rejected(String code, String message) {
    return new RefundOutcome.Rejected(Failures.refundRejected(code, message));
  }
}
