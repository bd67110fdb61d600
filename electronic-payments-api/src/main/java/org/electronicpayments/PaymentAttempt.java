package org.electronicpayments;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One try at charging a payment's card. A payment gets a new attempt (and a new idempotency key)
 * only after a definite failure; a retry of an attempt whose outcome is unknown reuses it.
 *
 * @param number 1 for the first attempt, then 2, 3…
 * @param idempotencyKey the key every processor call of this attempt derives from
 * @param card the card this attempt charges
 * @param processorReference the processor's id for the charge (Stripe's {@code pi_…}), once known
 * @param status this attempt's status
 * @param startedAt when the attempt was journaled
 * @param endedAt when its outcome became known, if it has
 */
public record PaymentAttempt(
    int number,
    String idempotencyKey,
    CardChoice card,
    @Nullable String processorReference,
    PaymentStatus status,
    Instant startedAt,
    @Nullable Instant endedAt) {

  /** Checks the parts. */
  public PaymentAttempt {
    if (number < 1) {
      throw new IllegalArgumentException("attempt numbers start at 1");
    }
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    Objects.requireNonNull(card, "card");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(startedAt, "startedAt");
  }

  /**
   * The idempotency key of attempt {@code number} of a payment: derived, never random, so any retry
   * by the host, the SDK or reconciliation reuses it.
   *
   * @param paymentId the payment
   * @param number the attempt number
   * @return the key
   */
  public static String keyFor(PaymentId paymentId, int number) {
    return paymentId.value() + "-a" + number;
  }

  /**
   * This attempt with a processor reference.
   *
   * @param reference the processor's id
   * @return the updated attempt
   */
  public PaymentAttempt withProcessorReference(@Nullable String reference) {
    return new PaymentAttempt(number, idempotencyKey, card, reference, status, startedAt, endedAt);
  }

  /**
   * This attempt in another status.
   *
   * @param newStatus the status
   * @param at when, if the outcome is now known
   * @return the updated attempt
   */
  public PaymentAttempt withStatus(PaymentStatus newStatus, @Nullable Instant at) {
    return new PaymentAttempt(
        number, idempotencyKey, card, processorReference, newStatus, startedAt, at);
  }
}
