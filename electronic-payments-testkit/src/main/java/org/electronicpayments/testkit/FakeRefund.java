package org.electronicpayments.testkit;

import java.util.Objects;
import org.electronicpayments.Money;
import org.electronicpayments.PaymentId;
import org.jspecify.annotations.Nullable;

/**
 * A refund a {@link FakePaymentProcessor} made, as its ledger shows it.
 *
 * @param refundReference the refund's id ({@code re_fake_…})
 * @param processorReference the charge refunded ({@code pi_fake_…})
 * @param paymentId the payment
 * @param amount how much was refunded
 * @param idempotencyKey the refund request's key; {@code null} for a refund made outside the SDK
 *     ({@link FakePaymentProcessor#dashboardRefund})
 */
public record FakeRefund(
    String refundReference,
    String processorReference,
    PaymentId paymentId,
    Money amount,
    @Nullable String idempotencyKey) {

  /** Requires every part. */
  public FakeRefund {
    Objects.requireNonNull(refundReference, "refundReference");
    Objects.requireNonNull(processorReference, "processorReference");
    Objects.requireNonNull(paymentId, "paymentId");
    Objects.requireNonNull(amount, "amount");
  }

  /**
   * Whether the refund was made outside the SDK, as staff would in Stripe's dashboard.
   *
   * @return true for a refund made by {@link FakePaymentProcessor#dashboardRefund}
   */
  public boolean madeOutsideSdk() {
    return idempotencyKey == null;
  }
}
