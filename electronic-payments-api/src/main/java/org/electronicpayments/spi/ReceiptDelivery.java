package org.electronicpayments.spi;

import org.electronicpayments.Receipt;

/** Sends receipts by email through the host's mail service. */
@FunctionalInterface
public interface ReceiptDelivery {

  /**
   * Sends a receipt.
   *
   * @param receipt the receipt; {@link Receipt#toPlainText()} and {@link Receipt#toEmailHtml()}
   *     render it for an email
   * @param emailAddress where to send it
   */
  void send(Receipt receipt, String emailAddress);
}
