package org.electronicpayments.spring.boot;

import java.util.Objects;
import org.electronicpayments.mail.SmtpReceiptDelivery;
import org.electronicpayments.mail.SmtpReceiptDeliveryBuilder;
import org.electronicpayments.mail.TlsMode;
import org.electronicpayments.spi.ReceiptDelivery;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mail.autoconfigure.MailProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Receipts by email through the mail module's {@link SmtpReceiptDelivery}, on the SMTP server of
 * Spring's {@code spring.mail.*} properties: host, port, username and password; the sender and TLS
 * mode from {@code electronic-payments.receipts.*}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass({SmtpReceiptDelivery.class, MailProperties.class})
@ConditionalOnProperty(prefix = "spring.mail", name = "host")
@EnableConfigurationProperties(MailProperties.class)
class MailReceiptsConfiguration {

  @Bean
  @ConditionalOnMissingBean(ReceiptDelivery.class)
  SmtpReceiptDelivery electronicPaymentsSmtpReceipts(
      MailProperties mail, ElectronicPaymentsProperties properties) {
    ElectronicPaymentsProperties.Receipts receipts = properties.receipts();
    SmtpReceiptDeliveryBuilder b =
        SmtpReceiptDelivery.builder()
            .host(
                Objects.requireNonNull(
                    mail.getHost(), "spring.mail.host, which this configuration requires"))
            .tls(TlsMode.valueOf(receipts.tls().name()));
    if (mail.getPort() != null) {
      b.port(mail.getPort());
    }
    if (mail.getUsername() != null && mail.getPassword() != null) {
      b.credentials(mail.getUsername(), mail.getPassword());
    }
    String from = receipts.from() != null ? receipts.from() : mail.getUsername();
    if (from == null) {
      throw new IllegalStateException(
          "Set electronic-payments.receipts.from: the address receipts are sent from");
    }
    b.from(from);
    if (receipts.replyTo() != null) {
      b.replyTo(receipts.replyTo());
    }
    return b.build();
  }
}
