package org.electronicpayments.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Objects;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.electronicpayments.PaymentId;
import org.electronicpayments.Receipt;
import org.electronicpayments.spi.ReceiptDelivery;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Emails receipts over SMTP. Each receipt is one message from the agency (its name, the configured
 * from address) to one recipient: {@code multipart/alternative} with the receipt as plain text and
 * as the printable HTML page, in UTF-8, with the agency, the date posted and the reference in the
 * subject. The receipt carries no note and no appointment, and shows the card as brand and last
 * four only, so neither does the email.
 *
 * <p>{@link #send} returns once the server accepted the message. A transient failure (a 4xx reply,
 * a connection refused, reset or timed out) is retried with a doubling back-off up to the
 * configured attempts; a permanent one (a 5xx reply, a failed TLS handshake) is not. Either way the
 * caller gets a {@link ReceiptDeliveryException} saying which it was; nothing is swallowed. The
 * call takes at most about {@code maxAttempts × (connect + a few reads)} plus the back-offs. A
 * reply lost after the server took the message looks like a timeout and is retried, so a client may
 * rarely get the same receipt twice, never none without the caller knowing.
 *
 * <p>Thread-safe: each send opens its own connection.
 *
 * <pre>{@code
 * ElectronicPayments payments = ElectronicPayments.builder()
 *     .processor(stripe).store(store).agency(agency)
 *     .receiptDelivery(SmtpReceiptDelivery.builder()
 *         .host("smtp.example.org")
 *         .credentials("receipts@riverside.example", System.getenv("SMTP_PASSWORD"))
 *         .from("receipts@riverside.example")
 *         .build())
 *     .build();
 * payments.emailReceipt(actor, paymentId); // throws ReceiptDeliveryException if it did not leave
 * }</pre>
 */
public final class SmtpReceiptDelivery implements ReceiptDelivery {

  private static final Logger LOG = LoggerFactory.getLogger(SmtpReceiptDelivery.class);

  private final SmtpSettings settings;
  private final Session session;

  SmtpReceiptDelivery(SmtpSettings settings) {
    this.settings = settings;
    this.session = Session.getInstance(settings.sessionProperties());
  }

  /**
   * Starts the configuration.
   *
   * @return a new builder
   */
  public static SmtpReceiptDeliveryBuilder builder() {
    return new SmtpReceiptDeliveryBuilder();
  }

  /**
   * Sends the receipt and returns once the mail server accepted it.
   *
   * @param receipt the receipt
   * @param emailAddress one plain address, such as {@code pat@example.org}
   * @throws org.electronicpayments.PaymentValidationException on {@code emailAddress} when it is
   *     not one plain address (nothing is sent)
   * @throws ReceiptDeliveryException when the server refused it or could not be reached, after the
   *     retries a transient failure gets
   */
  @Override
  public void send(Receipt receipt, String emailAddress) {
    Objects.requireNonNull(receipt, "receipt");
    Objects.requireNonNull(emailAddress, "emailAddress");
    InternetAddress to = Addresses.recipient(emailAddress);
    PaymentId id = receipt.paymentId();
    MimeMessage message;
    try {
      message = ReceiptMessages.build(session, settings, receipt, to);
    } catch (MessagingException e) {
      throw new ReceiptDeliveryException(
          "Receipt for payment " + id + " could not be composed", id, true, 0, -1, e);
    }
    long wait = settings.backoff().toMillis();
    for (int attempt = 1; ; attempt++) {
      Failure failure = attempt(message);
      if (failure == null) {
        LOG.debug(
            "Payment {}: receipt accepted by {}:{} (attempt {})",
            id,
            settings.host(),
            settings.port(),
            attempt);
        return;
      }
      boolean last = failure.permanent || attempt >= settings.maxAttempts();
      String what =
          "Receipt for payment "
              + id
              + " not sent through "
              + settings.host()
              + ":"
              + settings.port()
              + ": "
              + failure.description
              + " (attempt "
              + attempt
              + " of "
              + settings.maxAttempts()
              + ", "
              + (failure.permanent ? "permanent" : "transient")
              + ")";
      if (last) {
        LOG.warn("{}", what);
        throw new ReceiptDeliveryException(
            what, id, failure.permanent, attempt, failure.replyCode, failure.cause);
      }
      LOG.warn("{}; retrying in {} ms", what, wait);
      if (!pause(wait)) {
        throw new ReceiptDeliveryException(
            what + "; interrupted before the next attempt",
            id,
            false,
            attempt,
            failure.replyCode,
            failure.cause);
      }
      wait = Math.min(wait * 2, SmtpReceiptDeliveryBuilder.MAX_BACKOFF_MILLIS);
    }
  }

  SmtpSettings settings() {
    return settings;
  }

  /** The settings, the password shown only as set or not. */
  @Override
  public String toString() {
    return "SmtpReceiptDelivery[host="
        + settings.host()
        + ", port="
        + settings.port()
        + ", tls="
        + settings.tls()
        + ", username="
        + settings.username()
        + ", password="
        + (settings.password() == null ? "none" : "****")
        + ", from="
        + settings.from()
        + ", maxAttempts="
        + settings.maxAttempts()
        + "]";
  }

  /** One connection: connect, log in, send, quit. Returns null when the server took the message. */
  private @Nullable Failure attempt(MimeMessage message) {
    SMTPTransport transport;
    try {
      transport = (SMTPTransport) session.getTransport("smtp");
    } catch (MessagingException e) {
      return new Failure(true, -1, "no SMTP transport is available", e);
    }
    try {
      transport.connect(settings.host(), settings.port(), settings.username(), settings.password());
      transport.sendMessage(message, message.getAllRecipients());
      return null;
    } catch (MessagingException e) {
      int code = SmtpFailures.replyCode(e, transport.getLastReturnCode());
      return new Failure(SmtpFailures.permanent(e, code), code, SmtpFailures.describe(e, code), e);
    } finally {
      try {
        transport.close();
      } catch (MessagingException e) {
        // The message was taken or the failure is already in hand; a failed QUIT changes neither.
        LOG.debug("Closing the SMTP connection to {} failed", settings.host(), e);
      }
    }
  }

  private static boolean pause(long millis) {
    try {
      Thread.sleep(millis);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private record Failure(
      boolean permanent, int replyCode, String description, MessagingException cause) {}
}
