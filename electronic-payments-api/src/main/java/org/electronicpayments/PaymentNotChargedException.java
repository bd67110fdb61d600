package org.electronicpayments;

/**
 * The operation needs money that was taken through the processor: a refund needs a charged card
 * payment, a receipt a succeeded payment.
 */
public final class PaymentNotChargedException extends PaymentStateException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what needed a charged payment
   * @param paymentId the payment
   * @param status its status
   */
  public PaymentNotChargedException(String message, PaymentId paymentId, PaymentStatus status) {
    super(message, paymentId, status);
  }
}
