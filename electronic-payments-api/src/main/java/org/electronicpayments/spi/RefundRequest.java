package org.electronicpayments.spi;

import java.util.Objects;
import org.electronicpayments.Money;
import org.electronicpayments.PaymentId;

/**
 * Refund part or all of a charge.
 *
 * @param paymentId the payment
 * @param processorReference the processor's id of the charge
 * @param amount how much to refund
 * @param idempotencyKey the refund's key, derived from the payment and the refund's number
 */
public record RefundRequest(
    PaymentId paymentId, String processorReference, Money amount, String idempotencyKey) {

  /** Requires every part. */
  public RefundRequest {
    Objects.requireNonNull(paymentId, "paymentId");
    Objects.requireNonNull(processorReference, "processorReference");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
  }
}
