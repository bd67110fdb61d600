package org.electronicpayments;

/**
 * The payment's state does not allow the operation: saving a payment that has not succeeded,
 * refunding or printing a receipt for one that was not charged, a new refund while an earlier one
 * is in doubt. Nothing was changed. The subclasses say which; {@link #status()} says where the
 * payment stands.
 *
 * <pre>{@code
 * try {
 *   payments.save(actor, id);
 * } catch (PaymentNotSavableException e) {
 *   show("Only an approved payment can be saved; this one is " + e.status());
 * }
 * }</pre>
 */
public class PaymentStateException extends PaymentException {

  private static final long serialVersionUID = 1L;

  private final PaymentStatus status;

  /**
   * Creates the exception.
   *
   * @param message what is not allowed, and why
   * @param paymentId the payment
   * @param status the payment's status when it was refused
   */
  public PaymentStateException(String message, PaymentId paymentId, PaymentStatus status) {
    super(message, paymentId, null, null);
    this.status = status;
  }

  /**
   * The payment's status when the operation was refused.
   *
   * @return the status
   */
  public PaymentStatus status() {
    return status;
  }
}
