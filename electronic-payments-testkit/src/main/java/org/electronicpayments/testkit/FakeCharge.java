package org.electronicpayments.testkit;

import java.util.Objects;
import org.electronicpayments.Money;
import org.electronicpayments.PaymentId;
import org.electronicpayments.spi.CardUse;
import org.jspecify.annotations.Nullable;

/**
 * A charge (Stripe: a PaymentIntent) a {@link FakePaymentProcessor} made, as its ledger shows it.
 *
 * @param processorReference the charge's id ({@code pi_fake_…})
 * @param chargeReference the money movement's id ({@code ch_fake_…}), once charged
 * @param paymentId the payment, from the request
 * @param attempt the attempt number, from the request
 * @param attemptKey the attempt's idempotency key, from the request
 * @param amount the amount
 * @param use how the card was used
 * @param paymentMethod the payment method charged: a test payment method or a saved {@code
 *     pm_fake_…}
 * @param customerReference the customer, if any
 * @param status where the charge is
 * @param refunded how much of it has been refunded
 */
public record FakeCharge(
    String processorReference,
    @Nullable String chargeReference,
    PaymentId paymentId,
    int attempt,
    String attemptKey,
    Money amount,
    CardUse use,
    String paymentMethod,
    @Nullable String customerReference,
    Status status,
    Money refunded) {

  /** Requires the identifying parts. */
  public FakeCharge {
    Objects.requireNonNull(processorReference, "processorReference");
    Objects.requireNonNull(paymentId, "paymentId");
    Objects.requireNonNull(attemptKey, "attemptKey");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(use, "use");
    Objects.requireNonNull(paymentMethod, "paymentMethod");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(refunded, "refunded");
  }

  /**
   * Whether money was taken (refunds aside).
   *
   * @return true once charged
   */
  public boolean charged() {
    return status == Status.SUCCEEDED;
  }

  /** Where a charge is, with Stripe's PaymentIntent status in brackets. */
  public enum Status {
    /** Prepared, nothing charged yet ({@code requires_confirmation}). */
    REQUIRES_CONFIRMATION,
    /** Waiting for the client's 3-D Secure authentication ({@code requires_action}). */
    REQUIRES_ACTION,
    /** Confirmed, outcome not yet known ({@code processing}). */
    PROCESSING,
    /** Charged ({@code succeeded}). */
    SUCCEEDED,
    /** Declined; nothing charged ({@code requires_payment_method} with a last payment error). */
    DECLINED,
    /** Cancelled; nothing charged, and it never will be ({@code canceled}). */
    CANCELLED
  }
}
