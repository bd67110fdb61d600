package org.electronicpayments;

import java.time.Instant;
import java.util.Objects;

/**
 * A dispute (chargeback) of a card payment, raised by the card holder's bank and learned from the
 * processor (a webhook or a {@link ElectronicPayments#refresh refresh}); nothing in the SDK opens
 * one.
 *
 * @param processorReference the processor's id of the dispute (Stripe's {@code du_…})
 * @param amount how much the bank holds back
 * @param reason the bank's reason as the processor names it, such as {@code fraudulent} or {@code
 *     product_not_received}
 * @param status open, won or lost
 * @param openedAt when the processor opened it
 * @param updatedAt when this SDK last saw it change
 */
public record PaymentDispute(
    String processorReference,
    Money amount,
    String reason,
    DisputeStatus status,
    Instant openedAt,
    Instant updatedAt) {

  /** Requires every part. */
  public PaymentDispute {
    Objects.requireNonNull(processorReference, "processorReference");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(openedAt, "openedAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }
}
