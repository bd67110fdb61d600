package org.electronicpayments.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("SmtpReceiptDelivery against servers that refuse, fail or hang")
class DeliveryFailuresTest {

  private static SmtpReceiptDeliveryBuilder to(int port) {
    return SmtpReceiptDelivery.builder()
        .host("127.0.0.1")
        .port(port)
        .tls(TlsMode.NONE)
        .from("receipts@riverside.example")
        .retries(3, Duration.ofMillis(20));
  }

  private static ReceiptDeliveryException failure(SmtpReceiptDelivery delivery) {
    Throwable t = catchThrowable(() -> delivery.send(SampleReceipts.card(), "pat@example.org"));
    assertThat(t).isInstanceOf(ReceiptDeliveryException.class);
    return (ReceiptDeliveryException) t;
  }

  @Nested
  @DisplayName("a permanent refusal (5xx) is reported at once, never retried")
  class Permanent {

    @Test
    void recipientRefusedWith550() throws Exception {
      try (ScriptedSmtpServer server =
          ScriptedSmtpServer.start().reply("RCPT", "550 5.1.1 mailbox unavailable")) {
        ReceiptDeliveryException e = failure(to(server.port()).build());

        assertThat(e.permanent()).isTrue();
        assertThat(e.attempts()).isEqualTo(1);
        assertThat(e.replyCode()).isEqualTo(550);
        assertThat(e)
            .hasMessageContaining("SMTP 550")
            .hasMessageContaining("permanent")
            .hasMessageContaining(e.paymentId().toString());
        assertThat(server.connections()).isEqualTo(1);
        assertThat(server.received()).isEmpty();
      }
    }

    @Test
    void messageRejectedAfterDataWith554() throws Exception {
      try (ScriptedSmtpServer server =
          ScriptedSmtpServer.start().reply("DATA", "554 5.7.1 rejected as spam")) {
        ReceiptDeliveryException e = failure(to(server.port()).build());

        assertThat(e.permanent()).isTrue();
        assertThat(e.replyCode()).isEqualTo(554);
        assertThat(server.connections()).isEqualTo(1);
      }
    }

    @Test
    void theMessageNeverCarriesTheReceipt() throws Exception {
      try (ScriptedSmtpServer server =
          ScriptedSmtpServer.start().reply("DATA", "554 5.7.1 rejected")) {
        ReceiptDeliveryException e = failure(to(server.port()).build());

        assertThat(e.getMessage())
            .doesNotContain("Pat Doe")
            .doesNotContain("$10.00")
            .doesNotContain("4242")
            .doesNotContain("pat@example.org");
      }
    }
  }

  @Nested
  @DisplayName("a transient failure (4xx, no connection) is retried, then reported")
  class Transient {

    @Test
    void temporaryRefusalIsRetriedUpToTheAttemptsThenReported() throws Exception {
      try (ScriptedSmtpServer server =
          ScriptedSmtpServer.start().reply("MAIL", "451 4.3.0 try again later")) {
        ReceiptDeliveryException e = failure(to(server.port()).build());

        assertThat(e.permanent()).isFalse();
        assertThat(e.attempts()).isEqualTo(3);
        assertThat(e.replyCode()).isEqualTo(451);
        assertThat(e).hasMessageContaining("transient");
        assertThat(server.connections()).isEqualTo(3);
      }
    }

    @Test
    void aServerBusyAtTheGreetingIsRetried() throws Exception {
      try (ScriptedSmtpServer server = ScriptedSmtpServer.start().greeting("421 4.3.2 too busy")) {
        ReceiptDeliveryException e = failure(to(server.port()).retries(2, Duration.ZERO).build());

        assertThat(e.permanent()).isFalse();
        assertThat(e.replyCode()).isEqualTo(421);
        assertThat(server.connections()).isEqualTo(2);
      }
    }

    @Test
    void aRefusedConnectionIsRetriedAndReportedWithoutAReplyCode() throws Exception {
      int closedPort;
      try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        closedPort = s.getLocalPort();
      }
      ReceiptDeliveryException e = failure(to(closedPort).retries(2, Duration.ZERO).build());

      assertThat(e.permanent()).isFalse();
      assertThat(e.attempts()).isEqualTo(2);
      assertThat(e.replyCode()).isEqualTo(-1);
      assertThat(e).hasMessageContaining("refused");
    }

    @Test
    void theSameDeliverySendsOnceTheServerTakesMailAgain() throws Exception {
      try (ScriptedSmtpServer server =
          ScriptedSmtpServer.start().reply("MAIL", "451 4.3.0 try again later")) {
        SmtpReceiptDelivery delivery = to(server.port()).retries(1, Duration.ZERO).build();
        assertThat(failure(delivery).attempts()).isEqualTo(1);

        server.reply("MAIL", "250 OK");
        delivery.send(SampleReceipts.card(), "pat@example.org");

        assertThat(server.received()).hasSize(1);
        assertThat(server.received().get(0).data()).contains("Subject:", "multipart/alternative");
      }
    }
  }

  @Nested
  @DisplayName("a server that hangs does not hold the caller past the timeouts")
  class Hanging {

    @Test
    void aServerThatAcceptsAndNeverSpeaksTimesOutAtEachAttempt() throws Exception {
      try (ScriptedSmtpServer server = ScriptedSmtpServer.start().silent()) {
        SmtpReceiptDelivery delivery =
            to(server.port())
                .readTimeout(Duration.ofMillis(300))
                .connectTimeout(Duration.ofMillis(300))
                .retries(2, Duration.ofMillis(10))
                .build();

        long start = System.nanoTime();
        ReceiptDeliveryException e = failure(delivery);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(e.permanent()).isFalse();
        assertThat(e.attempts()).isEqualTo(2);
        assertThat(e).hasMessageContaining("did not answer in time");
        assertThat(server.connections()).isEqualTo(2);
        // Two attempts of one 300 ms read each; the bound is loose on purpose (a busy machine), yet
        // far
        // below what an unbounded wait would take.
        assertThat(took).isLessThan(Duration.ofSeconds(10));
      }
    }

    @Test
    void aServerThatHangsAfterTheMessageTimesOutToo() throws Exception {
      try (ScriptedSmtpServer server = ScriptedSmtpServer.start().withholdReplyAfterData()) {
        SmtpReceiptDelivery delivery =
            to(server.port()).readTimeout(Duration.ofMillis(300)).retries(1, Duration.ZERO).build();

        long start = System.nanoTime();
        ReceiptDeliveryException e = failure(delivery);

        assertThat(e.permanent()).isFalse();
        assertThat(e.replyCode()).isEqualTo(-1);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
      }
    }
  }
}
