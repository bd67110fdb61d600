package org.electronicpayments;

/** No payment with the given id exists in the store. */
public final class PaymentNotFoundException extends PaymentException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param paymentId the id that was looked up
   */
  public PaymentNotFoundException(PaymentId paymentId) {
    super("No payment " + paymentId, paymentId, null, null);
  }
}
