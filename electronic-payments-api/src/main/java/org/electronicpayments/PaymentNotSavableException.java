package org.electronicpayments;

/**
 * The window's Save was refused: only a charged card payment (or a recorded cash or check payment)
 * can be saved to the client's ledger. A failed payment is retried or abandoned; one in doubt waits
 * for {@code reconcile}.
 */
public final class PaymentNotSavableException extends PaymentStateException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param paymentId the payment
   * @param status its status
   */
  public PaymentNotSavableException(PaymentId paymentId, PaymentStatus status) {
    super(
        "Only a succeeded payment can be saved; payment " + paymentId + " is " + status,
        paymentId,
        status);
  }
}
