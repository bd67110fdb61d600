package org.electronicpayments.mail;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;
import org.electronicpayments.Receipt;

/**
 * Turns a receipt into the email: multipart/alternative, plain text first, then the printable HTML.
 */
final class ReceiptMessages {

  static final String UTF_8 = "UTF-8";
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("MMMM d, uuuu", Locale.US);

  private ReceiptMessages() {}

  /**
   * The subject: the agency, the date posted and the agency's reference, such as {@code Riverside
   * Counseling: payment receipt, January 1, 2026, ref. 1.1.2026 1000 CC}.
   */
  static String subject(Receipt receipt) {
    return oneLine(
        receipt.agency().name()
            + ": payment receipt, "
            + DATE.format(receipt.datePosted())
            + ", ref. "
            + receipt.reference());
  }

  static MimeMessage build(
      Session session, SmtpSettings settings, Receipt receipt, InternetAddress to)
      throws MessagingException {
    MimeMessage m = new MimeMessage(session);
    try {
      m.setFrom(new InternetAddress(settings.from(), oneLine(receipt.agency().name()), UTF_8));
    } catch (UnsupportedEncodingException e) {
      throw new IllegalStateException("UTF-8 is always supported", e);
    }
    if (settings.replyTo() != null) {
      m.setReplyTo(new InternetAddress[] {new InternetAddress(settings.replyTo())});
    }
    m.setRecipient(Message.RecipientType.TO, to);
    m.setSubject(subject(receipt), UTF_8);
    m.setSentDate(Date.from(receipt.issuedAt()));
    // RFC 3834: an automatic message; well-behaved auto-responders do not answer it.
    m.setHeader("Auto-Submitted", "auto-generated");

    MimeBodyPart text = new MimeBodyPart();
    text.setText(receipt.toPlainText(), UTF_8, "plain");
    MimeBodyPart html = new MimeBodyPart();
    html.setText(receipt.toEmailHtml(), UTF_8, "html");
    MimeMultipart alternative = new MimeMultipart("alternative");
    alternative.addBodyPart(text);
    alternative.addBodyPart(html);
    m.setContent(alternative);
    m.saveChanges();
    return m;
  }

  /** A header value on one line: line breaks and other controls become spaces. */
  private static String oneLine(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      out.append(Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? ' ' : c);
    }
    return out.toString().strip();
  }
}
