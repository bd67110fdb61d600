package org.electronicpayments;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One refund of a payment, journaled before the processor is called.
 *
 * @param number 1 for the payment's first refund, then 2, 3…
 * @param amount how much
 * @param idempotencyKey the refund's key, derived from the payment id and the number
 * @param processorReference the processor's id for the refund, once known
 * @param status pending, succeeded, failed or in doubt
 * @param requestedBy who asked (an actor's audit name), or {@link #OUTSIDE_SDK} for a refund made
 *     in the processor's own dashboard and recorded here afterwards
 * @param requestedAt when
 */
public record PaymentRefund(
    int number,
    Money amount,
    String idempotencyKey,
    @Nullable String processorReference,
    PaymentStatus status,
    String requestedBy,
    Instant requestedAt) {

  /** The {@link #requestedBy} of a refund made outside the SDK (in the processor's dashboard). */
  public static final String OUTSIDE_SDK = "outside-sdk";

  /** Checks the parts. */
  public PaymentRefund {
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(requestedBy, "requestedBy");
    Objects.requireNonNull(requestedAt, "requestedAt");
  }

  /**
   * Whether the refund was made outside the SDK, in the processor's own dashboard, and recorded
   * here when the processor reported it (a webhook or a refresh).
   *
   * @return true for a refund made outside the SDK
   */
  public boolean madeOutsideSdk() {
    return OUTSIDE_SDK.equals(requestedBy);
  }

  /**
   * The key of refund {@code number} of a payment.
   *
   * @param paymentId the payment
   * @param number the refund's number
   * @return the key
   */
  public static String keyFor(PaymentId paymentId, int number) {
    return paymentId.value() + "-r" + number;
  }

  /**
   * This refund with its outcome.
   *
   * @param newStatus the status
   * @param reference the processor's id, if known
   * @return the updated refund
   */
  public PaymentRefund settled(PaymentStatus newStatus, @Nullable String reference) {
    return new PaymentRefund(
        number, amount, idempotencyKey, reference, newStatus, requestedBy, requestedAt);
  }
}
