package org.electronicpayments.spi;

import java.util.Objects;
import org.electronicpayments.Money;
import org.electronicpayments.PaymentStatus;

/**
 * A refund of a charge as the processor holds it, whoever made it: this SDK, or staff in the
 * processor's own dashboard.
 *
 * @param reference the processor's id of the refund (Stripe's {@code re_…})
 * @param amount how much
 * @param status {@link PaymentStatus#SUCCEEDED}, {@link PaymentStatus#PENDING} while the network
 *     has it, or {@link PaymentStatus#FAILED} (failed or canceled)
 * @param madeThroughSdk whether this SDK asked for it ({@link PaymentProcessor#refund} marks its
 *     refunds so): such a refund is recorded by the SDK's own refund flow and never recorded again
 *     as one made elsewhere
 */
public record ProcessorRefund(
    String reference, Money amount, PaymentStatus status, boolean madeThroughSdk) {

  /** Requires every part. */
  public ProcessorRefund {
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(status, "status");
  }
}
