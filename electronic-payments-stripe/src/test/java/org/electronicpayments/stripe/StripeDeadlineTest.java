package org.electronicpayments.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.electronicpayments.ProcessorException;
import org.electronicpayments.spi.CardUse;
import org.electronicpayments.spi.ChargeOutcome;
import org.electronicpayments.spi.ChargeRequest;
import org.electronicpayments.spi.CustomerRequest;
import org.electronicpayments.testkit.stripe.StripeEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The processor returns by the deadline on its own, however slowly the server answers, so the
 * facade may call it on the caller's thread.
 */
class StripeDeadlineTest {

  ServerSocket server;
  Thread dripper;
  volatile boolean dripBody;

  @BeforeEach
  void startDrippingServer() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    dripper = new Thread(this::drip, "dripping-server");
    dripper.setDaemon(true);
    dripper.start();
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
    dripper.join(2000);
  }

  @Test
  @DisplayName(
      "The Stripe processor promises to return by the deadline; one on an injected client does not")
  void returnsByDeadline() {
    try (StripeEmulator emulator = StripeEmulator.start()) {
      assertThat(Fixtures.processor(emulator).returnsByDeadline()).isTrue();
      assertThat(
              Fixtures.builder(emulator)
                  .stripeClient(new com.stripe.StripeClient("sk_test_x"))
                  .build()
                  .returnsByDeadline())
          .isFalse();
    }
  }

  @Test
  @DisplayName(
      "A server dripping one header byte every 100 ms cannot hold a charge past its deadline")
  void dripFeedingServerCannotHoldAChargePastTheDeadline() {
    StripePaymentProcessor stripe = processor(Duration.ofSeconds(2), Duration.ofSeconds(30));
    Duration deadline = Duration.ofMillis(1500);
    ChargeRequest r =
        Fixtures.withDeadline(Fixtures.charge("pm_card_visa", CardUse.ONE_TIME, null), deadline);

    long start = System.nanoTime();
    ChargeOutcome outcome = stripe.prepare(r);
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(outcome).isInstanceOf(ChargeOutcome.Unknown.class);
    assertThat(took).isLessThan(deadline.plusSeconds(1));
  }

  @Test
  @DisplayName(
      "A server that sends its headers at once, then one body byte every 100 ms, cannot hold a charge past its deadline")
  void dripFedBodyCannotHoldAChargePastTheDeadline() {
    dripBody = true;
    StripePaymentProcessor stripe = processor(Duration.ofSeconds(2), Duration.ofSeconds(30));
    Duration deadline = Duration.ofMillis(1500);
    ChargeRequest r =
        Fixtures.withDeadline(Fixtures.charge("pm_card_visa", CardUse.ONE_TIME, null), deadline);

    long start = System.nanoTime();
    ChargeOutcome outcome = stripe.prepare(r);
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(outcome).isInstanceOf(ChargeOutcome.Unknown.class);
    assertThat(took).isLessThan(deadline.plusSeconds(1));
  }

  @Test
  @DisplayName(
      "A call without a caller's deadline is bounded by the read timeout per try, each byte arriving in time")
  void dripFeedingServerIsBoundedByTheReadTimeoutOutsideACharge() {
    StripePaymentProcessor stripe = processor(Duration.ofMillis(800), Duration.ofSeconds(30));

    long start = System.nanoTime();
    assertThatThrownBy(
            () ->
                stripe.ensureCustomer(
                    new CustomerRequest(Fixtures.AGENCY, Fixtures.CLIENT, "customer-drip")))
        .as("the customer is not made")
        .isInstanceOf(ProcessorException.class);
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    // two tries of 800 ms (maxNetworkRetries 1) and stripe-java's 0.5 s back-off between them
    assertThat(took).isLessThan(Duration.ofMillis(2 * 800 + 500 + 1000));
  }

  private StripePaymentProcessor processor(Duration readTimeout, Duration deadline) {
    return StripePaymentProcessor.builder()
        .secretKey("sk_test_drip")
        .apiBase("http://127.0.0.1:" + server.getLocalPort())
        .connectTimeout(Duration.ofSeconds(1))
        .readTimeout(readTimeout)
        .maxNetworkRetries(1)
        .deadline(deadline)
        .build();
  }

  /** Answers every connection with a status line, then one header (or body) byte every 100 ms. */
  private void drip() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        Thread t = new Thread(() -> dripTo(socket), "drip");
        t.setDaemon(true);
        t.start();
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void dripTo(Socket socket) {
    try (socket;
        InputStream in = socket.getInputStream();
        OutputStream out = socket.getOutputStream()) {
      in.read(new byte[8192]); // the request (its first segment is enough)
      String head =
          dripBody
              ? "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"
              : "HTTP/1.1 200 OK\r\n";
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      byte[] slow =
          (dripBody
                  ? " "
                  : "X-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")
              .repeat(100)
              .getBytes(StandardCharsets.US_ASCII);
      for (byte b : slow) {
        out.write(b);
        out.flush();
        Thread.sleep(100);
      }
    } catch (IOException | InterruptedException gone) {
      // the client gave up
    }
  }
}
