package org.electronicpayments.testkit;

import java.util.Objects;
import org.electronicpayments.CardDetails;
import org.electronicpayments.Money;
import org.electronicpayments.PaymentFailure;
import org.electronicpayments.PaymentMethodId;
import org.electronicpayments.spi.CardUse;
import org.electronicpayments.spi.ChargeOutcome;
import org.electronicpayments.spi.ChargeRequest;
import org.jspecify.annotations.Nullable;

/** One fake PaymentIntent. Its mutable state is guarded by itself. */
final class Intent {

  final String reference;
  final ChargeRequest request;
  final String paymentMethod;
  final StripeTestCard source;

  /** The saved card charged, or the card saved by a {@link CardUse#SAVE_FOR_FUTURE} charge. */
  final @Nullable PaymentMethodId savedCard;

  /** Whether {@link #savedCard} was attached by this charge (and so is detached if it fails). */
  final boolean freshlySaved;

  private CardDetails card;
  private FakeCharge.Status status = FakeCharge.Status.REQUIRES_CONFIRMATION;
  private @Nullable String chargeReference;

  /**
   * The card kept for the client once charged: {@link #savedCard}, or the same card saved before.
   */
  private @Nullable PaymentMethodId kept;

  private @Nullable String clientSecret;
  private @Nullable PaymentFailure failure;
  private long refunded;

  Intent(
      String reference,
      ChargeRequest request,
      String paymentMethod,
      StripeTestCard source,
      CardDetails card,
      @Nullable PaymentMethodId savedCard,
      boolean freshlySaved) {
    this.reference = reference;
    this.request = request;
    this.paymentMethod = paymentMethod;
    this.source = source;
    this.card = card;
    this.savedCard = savedCard;
    this.freshlySaved = freshlySaved;
  }

  FakeCharge.Status status() {
    return status;
  }

  ChargeOutcome charge(String chargeRef, CardDetails current, @Nullable PaymentMethodId keptCard) {
    status = FakeCharge.Status.SUCCEEDED;
    chargeReference = chargeRef;
    card = current;
    kept = keptCard;
    return outcome();
  }

  ChargeOutcome decline(PaymentFailure why) {
    status = FakeCharge.Status.DECLINED;
    failure = why;
    return outcome();
  }

  ChargeOutcome requireAction(String secret) {
    status = FakeCharge.Status.REQUIRES_ACTION;
    clientSecret = secret;
    return outcome();
  }

  ChargeOutcome process() {
    status = FakeCharge.Status.PROCESSING;
    return outcome();
  }

  /** Cancels it, keeping the decline that ended it if there was one. */
  ChargeOutcome cancel() {
    status = FakeCharge.Status.CANCELLED;
    if (failure == null) {
      failure = Failures.CANCELLED;
    }
    return outcome();
  }

  long refundable() {
    return request.amount().minorUnits() - refunded;
  }

  void refund(long minorUnits) {
    refunded += minorUnits;
  }

  ChargeOutcome outcome() {
    return switch (status) {
      case REQUIRES_CONFIRMATION -> new ChargeOutcome.Prepared(reference);
      case REQUIRES_ACTION -> new ChargeOutcome.ActionRequired(reference, clientSecret);
      case PROCESSING -> new ChargeOutcome.Unknown(reference, "the charge is still processing");
      case SUCCEEDED ->
          new ChargeOutcome.Charged(
              reference,
              Objects.requireNonNull(chargeReference, "charge"),
              card,
              request.use() != CardUse.SAVE_FOR_FUTURE ? null : kept != null ? kept : savedCard);
      case DECLINED, CANCELLED ->
          new ChargeOutcome.Declined(reference, Objects.requireNonNull(failure, "failure"));
    };
  }

  FakeCharge view() {
    return new FakeCharge(
        reference,
        chargeReference,
        request.paymentId(),
        request.attempt(),
        request.idempotencyKey(),
        request.amount(),
        request.use(),
        paymentMethod,
        request.customerReference(),
        status,
        Money.ofMinor(refunded, request.amount().currency()));
  }
}
