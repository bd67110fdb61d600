package org.electronicpayments.testkit;

import java.util.Objects;
import org.electronicpayments.Money;
import org.electronicpayments.PaymentId;

/**
 * A refund a {@link FakePaymentProcessor} made, as its ledger shows it.
 *
 * @param refundReference the refund's id ({@code re_fake_…})
 * @param processorReference the charge refunded ({@code pi_fake_…})
 * @param paymentId the payment
 * @param amount how much was refunded
 * @param idempotencyKey the refund request's key
 */
public record FakeRefund(String refundReference, String processorReference, PaymentId paymentId, Money amount,
    String idempotencyKey) {

  /** Requires every part. */
  public FakeRefund {
    Objects.requireNonNull(refundReference, "refundReference");
    Objects.requireNonNull(processorReference, "processorReference");
    Objects.requireNonNull(paymentId, "paymentId");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
  }
}
