package org.electronicpayments.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.electronicpayments.PaymentValidationException;
import org.electronicpayments.Receipt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("SmtpReceiptDelivery against GreenMail over plain SMTP")
class SmtpReceiptDeliveryTest {

  static final String FROM = "receipts@riverside.example";
  static final String PASSWORD = "s3cret-Pa55word";

  @RegisterExtension
  static final GreenMailExtension SMTP =
      new GreenMailExtension(GreenMailSetups.smtp())
          .withConfiguration(GreenMailConfiguration.aConfig().withUser(FROM, "receipts", PASSWORD));

  private SmtpReceiptDeliveryBuilder plain() {
    return SmtpReceiptDelivery.builder()
        .host("127.0.0.1")
        .port(SMTP.getSmtp().getPort())
        .tls(TlsMode.NONE)
        .from(FROM)
        .retries(2, Duration.ofMillis(10));
  }

  @Test
  void receiptArrivesAsPlainTextAndHtmlFromTheAgencyWithReplyToAndSubject() throws Exception {
    Receipt receipt = SampleReceipts.card();
    plain().replyTo("frontdesk@riverside.example").build().send(receipt, "pat@example.org");

    MimeMessage[] got = SMTP.getReceivedMessages();
    assertThat(got).hasSize(1);
    MimeMessage m = got[0];
    InternetAddress from = (InternetAddress) m.getFrom()[0];
    assertThat(from.getAddress()).isEqualTo(FROM);
    assertThat(from.getPersonal()).isEqualTo("Clínica Riverside Counseling");
    assertThat(m.getReplyTo())
        .extracting(a -> ((InternetAddress) a).getAddress())
        .containsExactly("frontdesk@riverside.example");
    assertThat(m.getAllRecipients())
        .extracting(a -> ((InternetAddress) a).getAddress())
        .containsExactly("pat@example.org");
    assertThat(m.getSubject())
        .isEqualTo(
            "Clínica Riverside Counseling: payment receipt, January 1, 2026, ref. 1.1.2026 1000 CC");
    assertThat(m.getHeader("Auto-Submitted")).containsExactly("auto-generated");
    assertThat(m.getMessageID()).endsWith("@riverside.example>");
    assertThat(m.getContentType()).startsWith("multipart/alternative");

    Multipart parts = (Multipart) m.getContent();
    assertThat(parts.getCount()).isEqualTo(2);
    Part text = parts.getBodyPart(0);
    Part html = parts.getBodyPart(1);
    assertThat(text.getContentType())
        .startsWithIgnoringCase("text/plain")
        .containsIgnoringCase("charset=UTF-8");
    assertThat(html.getContentType())
        .startsWithIgnoringCase("text/html")
        .containsIgnoringCase("charset=UTF-8");
    // Mail travels with CRLF line ends.
    assertThat(((String) text.getContent()).replace("\r\n", "\n"))
        .isEqualTo(receipt.toPlainText())
        .contains("$10.00", "1.1.2026 1000 CC", "Visa •••• 4242", "Clínica");
    assertThat(((String) html.getContent()).replace("\r\n", "\n"))
        .isEqualTo(receipt.toEmailHtml())
        .contains("<table>", "Visa •••• 4242")
        .doesNotContain("window.print", "<button", "<script");
  }

  @Test
  void withoutReplyToRepliesGoToTheAgencyAddress() throws Exception {
    plain().build().send(SampleReceipts.card(), "pat@example.org");

    MimeMessage m = SMTP.getReceivedMessages()[0];
    assertThat(m.getHeader("Reply-To")).isNull();
    assertThat(m.getReplyTo())
        .extracting(a -> ((InternetAddress) a).getAddress())
        .containsExactly(FROM);
  }

  @Test
  void oneDeliverySendsFromSeveralThreadsAtOnce() throws Exception {
    SmtpReceiptDelivery delivery = plain().build();
    int threads = 4;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> sends = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        String to = "client" + i + "@example.org";
        sends.add(
            pool.submit(
                () -> {
                  start.await();
                  delivery.send(SampleReceipts.card(), to);
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> f : sends) {
        f.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(SMTP.getReceivedMessages())
        .hasSize(threads)
        .extracting(m -> ((InternetAddress) m.getAllRecipients()[0]).getAddress())
        .containsExactlyInAnyOrder(
            "client0@example.org",
            "client1@example.org",
            "client2@example.org",
            "client3@example.org");
  }

  @Test
  void logsInWithTheConfiguredCredentials() {
    plain()
        .credentials("receipts", PASSWORD)
        .build()
        .send(SampleReceipts.card(), "pat@example.org");

    assertThat(SMTP.getReceivedMessages()).hasSize(1);
  }

  @Test
  void aRefusedLoginIsPermanentNotRetriedAndNeverShowsThePassword() {
    SmtpReceiptDelivery delivery =
        plain().credentials("receipts", "wrong-" + PASSWORD).retries(3, Duration.ZERO).build();

    assertThatThrownBy(() -> delivery.send(SampleReceipts.card(), "pat@example.org"))
        .isInstanceOfSatisfying(
            ReceiptDeliveryException.class,
            e -> {
              assertThat(e.permanent()).isTrue();
              assertThat(e.attempts()).isEqualTo(1);
              assertThat(e.replyCode()).isEqualTo(535);
              assertThat(e.paymentId()).isNotNull();
              assertThat(e).hasMessageContaining("refused the login").hasMessageContaining("535");
              for (Throwable t = e; t != null; t = t.getCause()) {
                assertThat(String.valueOf(t.getMessage()))
                    .doesNotContain(PASSWORD)
                    .doesNotContain("Pat Doe");
                assertThat(t.toString()).doesNotContain(PASSWORD);
              }
            });
    assertThat(SMTP.getReceivedMessages()).isEmpty();
    assertThat(delivery.toString()).contains("password=****").doesNotContain(PASSWORD);
  }

  @Test
  void anAddressThatIsNotOnePlainMailboxIsAFieldErrorAndNothingIsSent() {
    SmtpReceiptDelivery delivery = plain().build();
    for (String bad :
        new String[] {
          "pat.example.org",
          "pat@example.org, eve@example.org",
          "Pat <pat@example.org>",
          "pat@example.org\r\nBcc: eve@example.org",
          "",
          "pat@"
        }) {
      assertThatThrownBy(() -> delivery.send(SampleReceipts.card(), bad))
          .as(bad)
          .isInstanceOf(PaymentValidationException.class)
          .hasMessageContaining("emailAddress");
    }
    assertThat(SMTP.getReceivedMessages()).isEmpty();
  }

  @Test
  void startTlsRequiredIsRefusedByAServerThatDoesNotOfferIt() {
    SmtpReceiptDelivery delivery = plain().tls(TlsMode.STARTTLS).build();

    assertThatThrownBy(() -> delivery.send(SampleReceipts.card(), "pat@example.org"))
        .isInstanceOfSatisfying(
            ReceiptDeliveryException.class,
            e -> {
              assertThat(e.permanent()).isTrue();
              assertThat(e.attempts()).isEqualTo(1);
              assertThat(e).hasMessageContaining("STARTTLS");
            });
    assertThat(SMTP.getReceivedMessages()).isEmpty();
  }
}
