package org.electronicpayments.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SmtpReceiptDeliveryBuilderTest {

  private static final String PASSWORD = "hunter2-Very-Secret";

  @Test
  void hostAndFromAreRequiredAndNamedWhenMissing() {
    assertThatThrownBy(
            () -> SmtpReceiptDelivery.builder().from("receipts@riverside.example").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("host is required");
    assertThatThrownBy(() -> SmtpReceiptDelivery.builder().host("smtp.example.org").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("from is required");
  }

  @Test
  void eachSettingRefusesBadValuesNamingTheSetting() {
    SmtpReceiptDeliveryBuilder b = SmtpReceiptDelivery.builder();
    assertThatThrownBy(() -> b.host("smtp://smtp.example.org")).hasMessageStartingWith("host");
    assertThatThrownBy(() -> b.host(" ")).hasMessageStartingWith("host");
    assertThatThrownBy(() -> b.port(0)).hasMessageStartingWith("port");
    assertThatThrownBy(() -> b.port(65_536)).hasMessageStartingWith("port");
    assertThatThrownBy(() -> b.from("Riverside <receipts@riverside.example>"))
        .hasMessageStartingWith("from");
    assertThatThrownBy(() -> b.from("receipts")).hasMessageStartingWith("from");
    assertThatThrownBy(() -> b.replyTo("a@x.example, b@x.example"))
        .hasMessageStartingWith("replyTo");
    assertThatThrownBy(() -> b.connectTimeout(Duration.ZERO))
        .hasMessageStartingWith("connectTimeout");
    assertThatThrownBy(() -> b.readTimeout(Duration.ofMinutes(6)))
        .hasMessageStartingWith("readTimeout");
    assertThatThrownBy(() -> b.writeTimeout(Duration.ofMillis(-1)))
        .hasMessageStartingWith("writeTimeout");
    assertThatThrownBy(() -> b.retries(0, Duration.ZERO)).hasMessageStartingWith("maxAttempts");
    assertThatThrownBy(() -> b.retries(11, Duration.ZERO)).hasMessageStartingWith("maxAttempts");
    assertThatThrownBy(() -> b.retries(2, Duration.ofMillis(-1))).hasMessageStartingWith("backoff");
    assertThatThrownBy(() -> b.credentials("receipts", "")).hasMessageStartingWith("password");
    assertThatThrownBy(() -> b.credentials(" ", PASSWORD)).hasMessageStartingWith("username");
  }

  @Test
  void theDefaultIsStartTlsOnTheSubmissionPortWithTenSecondTimeoutsAndThreeAttempts() {
    SmtpSettings s =
        SmtpReceiptDelivery.builder()
            .host("smtp.example.org")
            .from("receipts@riverside.example")
            .build()
            .settings();

    assertThat(s.tls()).isEqualTo(TlsMode.STARTTLS);
    assertThat(s.port()).isEqualTo(587);
    assertThat(s.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(s.readTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(s.writeTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(s.maxAttempts()).isEqualTo(3);
    assertThat(s.sessionProperties())
        .containsEntry("mail.smtp.starttls.required", "true")
        .containsEntry("mail.smtp.ssl.checkserveridentity", "true")
        .containsEntry("mail.smtp.timeout", "10000");
  }

  @Test
  void implicitTlsDefaultsToPort465AndPlainTo25() {
    assertThat(
            SmtpReceiptDelivery.builder()
                .host("h.example")
                .from("r@h.example")
                .tls(TlsMode.IMPLICIT)
                .build()
                .settings()
                .port())
        .isEqualTo(465);
    assertThat(
            SmtpReceiptDelivery.builder()
                .host("h.example")
                .from("r@h.example")
                .tls(TlsMode.NONE)
                .build()
                .settings()
                .port())
        .isEqualTo(25);
  }

  @Test
  void thePasswordIsInNoDescriptionAndNotInTheSessionProperties() {
    SmtpReceiptDeliveryBuilder b =
        SmtpReceiptDelivery.builder()
            .host("smtp.example.org")
            .from("receipts@riverside.example")
            .credentials("receipts", PASSWORD);
    SmtpReceiptDelivery delivery = b.build();

    assertThat(b.toString()).contains("password=****").doesNotContain(PASSWORD);
    assertThat(delivery.toString()).contains("password=****").doesNotContain(PASSWORD);
    assertThat(delivery.settings().toString()).contains("password=****").doesNotContain(PASSWORD);
    assertThat(delivery.settings().sessionProperties().toString()).doesNotContain(PASSWORD);
    assertThat(delivery.settings().sessionProperties()).containsEntry("mail.debug.auth", "false");
  }
}
