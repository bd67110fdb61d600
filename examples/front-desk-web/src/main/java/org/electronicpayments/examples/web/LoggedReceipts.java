package org.electronicpayments.examples.web;

import org.electronicpayments.Receipt;
import org.electronicpayments.spi.ReceiptDelivery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/**
 * Receipts "sent" to the application's log, when no mail server is set ({@code spring.mail.host}
 * empty): the embedded default, so Email CC Receipt works without one. With {@code
 * spring.mail.host} set the starter sends them by SMTP instead. A receipt never carries the
 * payment's note, and shows only the card's brand and last four.
 */
@Component
@ConditionalOnExpression("'${spring.mail.host:}'.isEmpty()")
public class LoggedReceipts implements ReceiptDelivery {

  private static final Logger LOG = LoggerFactory.getLogger(LoggedReceipts.class);

  /** Creates the delivery. */
  public LoggedReceipts() {}

  @Override
  public void send(Receipt receipt, String emailAddress) {
    LOG.info("Receipt emailed (to the log: no mail server set):\n{}", receipt.toPlainText());
  }
}
