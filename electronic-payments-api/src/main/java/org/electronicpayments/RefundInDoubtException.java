package org.electronicpayments;

/**
 * An earlier refund of the payment has no known outcome yet, so a refund of another amount could
 * refund twice. Ask again for the earlier refund's amount ({@link #amount()}) to retry it with its
 * own idempotency key.
 */
public final class RefundInDoubtException extends PaymentStateException {

  private static final long serialVersionUID = 1L;

  private final int refundNumber;
  private final Money amount;

  /**
   * Creates the exception.
   *
   * @param paymentId the payment
   * @param status the payment's status
   * @param refundNumber the refund in doubt
   * @param amount its amount
   */
  public RefundInDoubtException(
      PaymentId paymentId, PaymentStatus status, int refundNumber, Money amount) {
    super(
        "Refund "
            + refundNumber
            + " of payment "
            + paymentId
            + " is still in doubt; ask again for the same amount to retry it",
        paymentId,
        status);
    this.refundNumber = refundNumber;
    this.amount = amount;
  }

  /**
   * The number of the refund in doubt.
   *
   * @return the refund's number, from 1
   */
  public int refundNumber() {
    return refundNumber;
  }

  /**
   * The amount of the refund in doubt: ask for exactly this to retry it.
   *
   * @return the amount
   */
  public Money amount() {
    return amount;
  }
}
