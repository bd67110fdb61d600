package org.electronicpayments;

import java.util.Objects;

/**
 * The processor refused the refund; nothing was refunded, and the refund is recorded as failed.
 * {@link #failure()} has the plain-language reason and the processor's code.
 */
public final class RefundRejectedException extends PaymentException {

  private static final long serialVersionUID = 1L;

  private final PaymentFailure failure;

  /**
   * Creates the exception.
   *
   * @param paymentId the payment
   * @param failure why the processor refused
   */
  public RefundRejectedException(PaymentId paymentId, PaymentFailure failure) {
    super("The refund was rejected: " + failure.reason(), paymentId, null, null);
    this.failure = Objects.requireNonNull(failure, "failure");
  }

  /**
   * Why the processor refused.
   *
   * @return the failure
   */
  public PaymentFailure failure() {
    return failure;
  }
}
