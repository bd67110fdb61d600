/**
 * Receipts that leave by email: {@link org.electronicpayments.mail.SmtpReceiptDelivery}, a {@link
 * org.electronicpayments.spi.ReceiptDelivery} that sends each receipt over SMTP (Jakarta Mail with
 * Eclipse Angus Mail) as a plain-text and HTML message from the agency, and {@link
 * org.electronicpayments.mail.ReceiptDeliveryException}, how a failed delivery reaches the caller.
 * Hosts configure it with {@link org.electronicpayments.mail.SmtpReceiptDeliveryBuilder} and hand
 * it to the {@code ElectronicPayments} builder.
 */
@NullMarked
package org.electronicpayments.mail;

import org.jspecify.annotations.NullMarked;
