package org.electronicpayments;

/**
 * A stored record changed between reading and writing it (optimistic versioning). Another thread or
 * node got there first; reread and decide again.
 */
public final class ConcurrentUpdateException extends PaymentException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param paymentId the payment whose version moved
   * @param expectedVersion the version the writer read
   */
  public ConcurrentUpdateException(PaymentId paymentId, long expectedVersion) {
    super(
        "Payment " + paymentId + " changed since version " + expectedVersion,
        paymentId,
        null,
        null);
  }
}
