package org.electronicpayments;

/**
 * A receipt was to be emailed but the facade has no {@link
 * org.electronicpayments.spi.ReceiptDelivery}: set one with {@link
 * ElectronicPaymentsBuilder#receiptDelivery}. Printing a receipt needs none.
 */
public final class ReceiptDeliveryNotConfiguredException extends PaymentException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param paymentId the payment whose receipt was to be sent
   */
  public ReceiptDeliveryNotConfiguredException(PaymentId paymentId) {
    super(
        "No ReceiptDelivery is configured; set one on the ElectronicPayments builder",
        paymentId,
        null,
        null);
  }
}
