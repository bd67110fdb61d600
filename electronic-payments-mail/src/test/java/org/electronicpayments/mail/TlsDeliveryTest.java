package org.electronicpayments.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * TLS with the host name checked: GreenMail's SMTPS and the scripted server's STARTTLS serve the
 * test certificate (see {@link TestTls}), which names localhost and 127.0.0.1.
 */
@DisplayName("SmtpReceiptDelivery over TLS")
class TlsDeliveryTest {

  @RegisterExtension
  static final GreenMailExtension SMTPS = new GreenMailExtension(GreenMailSetups.smtps());

  private static SmtpReceiptDeliveryBuilder builder(int port, TlsMode tls) {
    return SmtpReceiptDelivery.builder()
        .host("127.0.0.1")
        .port(port)
        .tls(tls)
        .from("receipts@riverside.example")
        .retries(2, Duration.ZERO);
  }

  @Test
  void implicitTlsDeliversToAServerWhoseCertificateIsTrustedAndNamesTheHost() throws Exception {
    builder(SMTPS.getSmtps().getPort(), TlsMode.IMPLICIT)
        .sslContext(TestTls.trustingTestCertificate())
        .build()
        .send(SampleReceipts.card(), "pat@example.org");

    MimeMessage[] got = SMTPS.getReceivedMessages();
    assertThat(got).hasSize(1);
    assertThat(got[0].getSubject()).contains("ref. 1.1.2026 1000 CC");
  }

  @Test
  void implicitTlsRefusesAnUntrustedCertificatePermanently() {
    // The JVM's own trust store does not know the self-signed test certificate.
    SmtpReceiptDelivery delivery = builder(SMTPS.getSmtps().getPort(), TlsMode.IMPLICIT).build();

    assertThatThrownBy(() -> delivery.send(SampleReceipts.card(), "pat@example.org"))
        .isInstanceOfSatisfying(
            ReceiptDeliveryException.class,
            e -> {
              assertThat(e.permanent()).isTrue();
              assertThat(e.attempts()).isEqualTo(1);
              assertThat(e).hasMessageContaining("TLS handshake failed");
            });
    assertThat(SMTPS.getReceivedMessages()).isEmpty();
  }

  @Test
  void aTrustedCertificateOfAnotherHostIsRefusedPermanently() throws Exception {
    // Trusted, but it names mail.other.example, not 127.0.0.1: the host-name check refuses it.
    try (ScriptedSmtpServer server =
        ScriptedSmtpServer.start().startTls(TestTls.server(TestTls.OTHER_HOST))) {
      SmtpReceiptDelivery delivery =
          builder(server.port(), TlsMode.STARTTLS)
              .sslContext(TestTls.trusting(TestTls.OTHER_HOST))
              .build();

      assertThatThrownBy(() -> delivery.send(SampleReceipts.card(), "pat@example.org"))
          .isInstanceOfSatisfying(
              ReceiptDeliveryException.class,
              e -> {
                assertThat(e.permanent()).isTrue();
                assertThat(e).hasMessageContaining("TLS handshake failed");
              });
      assertThat(server.received()).isEmpty();
    }
  }

  @Test
  void startTlsUpgradesBeforeTheMessageIsSent() throws Exception {
    try (ScriptedSmtpServer server = ScriptedSmtpServer.start().startTls(TestTls.server())) {
      builder(server.port(), TlsMode.STARTTLS)
          .sslContext(TestTls.trustingTestCertificate())
          .build()
          .send(SampleReceipts.card(), "pat@example.org");

      assertThat(server.received()).hasSize(1);
      assertThat(server.received().get(0).overTls()).isTrue();
    }
  }

  @Test
  void startTlsWithAnUntrustedCertificateSendsNothingInTheClear() throws Exception {
    try (ScriptedSmtpServer server = ScriptedSmtpServer.start().startTls(TestTls.server())) {
      SmtpReceiptDelivery delivery = builder(server.port(), TlsMode.STARTTLS).build();

      assertThatThrownBy(() -> delivery.send(SampleReceipts.card(), "pat@example.org"))
          .isInstanceOfSatisfying(
              ReceiptDeliveryException.class,
              e -> {
                assertThat(e.permanent()).isTrue();
                assertThat(e.attempts()).isEqualTo(1);
              });
      assertThat(server.received()).isEmpty();
    }
  }
}
