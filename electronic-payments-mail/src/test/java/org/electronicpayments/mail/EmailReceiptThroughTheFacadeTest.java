package org.electronicpayments.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import org.electronicpayments.AppointmentId;
import org.electronicpayments.CardChoice;
import org.electronicpayments.Origin;
import org.electronicpayments.Payer;
import org.electronicpayments.PaymentRequest;
import org.electronicpayments.PaymentResult;
import org.electronicpayments.PaymentType;
import org.electronicpayments.testkit.FakePaymentProcessor;
import org.electronicpayments.testkit.PaymentAssertions;
import org.electronicpayments.testkit.PaymentsTestbed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The facade's emailReceipt with SmtpReceiptDelivery as its ReceiptDelivery, into GreenMail. */
class EmailReceiptThroughTheFacadeTest {

  private static final String NOTE = "1/1/2026 DOS 90837 family session, discussed medication";

  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(GreenMailSetups.smtp());

  private static SmtpReceiptDelivery smtp(int port) {
    return SmtpReceiptDelivery.builder()
        .host("127.0.0.1")
        .port(port)
        .tls(TlsMode.NONE)
        .from("receipts@riverside.example")
        .replyTo("frontdesk@riverside.example")
        .retries(2, Duration.ofMillis(10))
        .build();
  }

  private static PaymentRequest visaCoPayWithANote(String emailTo) {
    return PaymentRequest.builder()
        .client(PaymentsTestbed.CLIENT)
        .origin(Origin.APPOINTMENTS)
        .appointment(AppointmentId.of("appt-77"))
        .reference("1.1.2026 1000 CC")
        .type(PaymentType.CREDIT_CARD)
        .payer(Payer.CO_PAY)
        .amountReceived("10.00")
        .note(NOTE)
        .electronic(true)
        .card(CardChoice.oneTime("pm_card_visa"))
        .emailReceiptTo(emailTo)
        .build();
  }

  @Test
  void aChargedPaymentsReceiptArrivesWithAmountReferenceAndCardButNotTheNote() throws Exception {
    try (PaymentsTestbed bed =
        PaymentsTestbed.create(
            FakePaymentProcessor.create(),
            b -> b.receiptDelivery(smtp(SMTP.getSmtp().getPort())))) {
      PaymentResult r =
          bed.payments().process(bed.frontDesk(), visaCoPayWithANote("guardian@example.org"));
      PaymentAssertions.assertThat(r).succeeded();

      String to = bed.payments().emailReceipt(bed.frontDesk(), r.payment().id());

      assertThat(to).isEqualTo("guardian@example.org");
      MimeMessage[] got = SMTP.getReceivedMessages();
      assertThat(got).hasSize(1);
      MimeMessage m = got[0];
      assertThat(((InternetAddress) m.getFrom()[0]).getPersonal())
          .isEqualTo("Riverside Counseling");
      assertThat(((InternetAddress) m.getFrom()[0]).getAddress())
          .isEqualTo("receipts@riverside.example");
      assertThat(((InternetAddress) m.getReplyTo()[0]).getAddress())
          .isEqualTo("frontdesk@riverside.example");
      assertThat(((InternetAddress) m.getAllRecipients()[0]).getAddress())
          .isEqualTo("guardian@example.org");
      assertThat(m.getSubject())
          .isEqualTo(
              "Riverside Counseling: payment receipt, January 1, 2026, ref. 1.1.2026 1000 CC");
      String raw = GreenMailUtil.getWholeMessage(m);
      assertThat(raw).contains("multipart/alternative", "text/plain", "text/html");
      assertThat(decoded(m))
          .contains("Visa •••• 4242", "$10.00", "Co-Pay", "1.1.2026 1000 CC", "Pat Doe");
      assertThat(raw)
          .doesNotContain("90837")
          .doesNotContain("medication")
          .doesNotContain("appt-77");
      assertThat(decoded(m))
          .doesNotContain("90837")
          .doesNotContain("medication")
          .doesNotContain("appt-77");
      assertThat(decoded(m)).doesNotContain("window.print").doesNotContain("<button");
      assertThat(bed.payments().receiptEmails(bed.frontDesk(), r.payment().id()))
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.sent()).isTrue();
                assertThat(e.to()).isEqualTo("guardian@example.org");
                assertThat(e.at()).isEqualTo(bed.clock().instant());
                assertThat(e.by()).isEqualTo("staff:desk-1");
              });
    }
  }

  @Test
  void aRefusingServerReachesTheCallerOfEmailReceipt() throws Exception {
    try (ScriptedSmtpServer server =
            ScriptedSmtpServer.start().reply("RCPT", "550 5.1.1 no such mailbox");
        PaymentsTestbed bed =
            PaymentsTestbed.create(
                FakePaymentProcessor.create(), b -> b.receiptDelivery(smtp(server.port())))) {
      PaymentResult r =
          bed.payments().process(bed.frontDesk(), visaCoPayWithANote("nobody@example.org"));

      assertThatThrownBy(() -> bed.payments().emailReceipt(bed.frontDesk(), r.payment().id()))
          .isInstanceOfSatisfying(
              ReceiptDeliveryException.class,
              e -> {
                assertThat(e.permanent()).isTrue();
                assertThat(e.replyCode()).isEqualTo(550);
                assertThat(e.paymentId()).isEqualTo(r.payment().id());
              });
      assertThat(server.connections()).isEqualTo(1);
      assertThat(bed.payments().receiptEmails(bed.frontDesk(), r.payment().id()))
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.sent()).isFalse();
                assertThat(e.to()).isEqualTo("nobody@example.org");
                assertThat(e.failure())
                    .contains("550")
                    .doesNotContain("secret")
                    .doesNotContain("no such mailbox");
              });
    }
  }

  /** Both parts, decoded from their transfer encoding. */
  private static String decoded(MimeMessage m) throws Exception {
    jakarta.mail.Multipart parts = (jakarta.mail.Multipart) m.getContent();
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < parts.getCount(); i++) {
      s.append(parts.getBodyPart(i).getContent()).append('\n');
    }
    return s.toString();
  }
}
