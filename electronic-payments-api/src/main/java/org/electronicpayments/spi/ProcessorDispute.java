package org.electronicpayments.spi;

import java.time.Instant;
import java.util.Objects;
import org.electronicpayments.DisputeStatus;
import org.electronicpayments.Money;

/**
 * A dispute (chargeback) of a charge as the processor holds it.
 *
 * @param reference the processor's id of the dispute (Stripe's {@code du_…})
 * @param amount how much the bank holds back
 * @param reason the bank's reason, such as {@code fraudulent}
 * @param status open, won or lost
 * @param openedAt when the processor opened it
 */
public record ProcessorDispute(
    String reference, Money amount, String reason, DisputeStatus status, Instant openedAt) {

  /** Requires every part. */
  public ProcessorDispute {
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(openedAt, "openedAt");
  }
}
