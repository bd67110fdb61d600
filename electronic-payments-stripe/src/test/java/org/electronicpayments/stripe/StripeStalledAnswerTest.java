package org.electronicpayments.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.electronicpayments.spi.CardUse;
import org.electronicpayments.spi.ChargeOutcome;
import org.electronicpayments.spi.ChargeRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * G4 with the builder's default timeouts, against a server of the test's own that answers in the
 * worst ways a network allows: the answer starts late and then stops, trickles, or never ends.
 * Whatever it does, the charge returns by its deadline plus a small slack, its outcome unknown.
 */
class StripeStalledAnswerTest {

  static final Duration DEADLINE = Duration.ofMillis(1500);
  static final Duration SLACK = Duration.ofMillis(400);

  /** How the server answers. */
  enum Answer {
    /**
     * Headers at 85% of the deadline, then part of the body, then silence with the connection open.
     */
    HEADERS_LATE_THEN_PART_OF_THE_BODY_THEN_SILENCE,
    /** Headers at once, then the body one byte every 20 ms, far longer than the deadline. */
    BODY_ONE_BYTE_AT_A_TIME,
    /** Headers at 85% of the deadline, a body without a length, and a connection never closed. */
    BODY_WITHOUT_LENGTH_CONNECTION_NEVER_CLOSED,
    /** The request is read, then nothing at all is sent back. */
    NOTHING_AT_ALL
  }

  ServerSocket server;
  final List<Socket> accepted = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() throws IOException {
    server.close();
    for (Socket s : accepted) {
      s.close();
    }
  }

  @ParameterizedTest
  @EnumSource(Answer.class)
  @DisplayName(
      "With the default settings, a charge returns by its deadline however the answer stalls or trickles")
  void chargeReturnsByItsDeadline(Answer answer) throws IOException {
    start(answer);
    StripePaymentProcessor stripe =
        StripePaymentProcessor.builder()
            .secretKey("sk_test_stall")
            .apiBase("http://127.0.0.1:" + server.getLocalPort())
            .build();
    ChargeRequest r =
        Fixtures.withDeadline(Fixtures.charge("pm_card_visa", CardUse.ONE_TIME, null), DEADLINE);

    long start = System.nanoTime();
    ChargeOutcome outcome = stripe.prepare(r);
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(outcome).isInstanceOf(ChargeOutcome.Unknown.class);
    assertThat(took).isLessThan(DEADLINE.plus(SLACK));
  }

  private void start(Answer answer) throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor =
        new Thread(
            () -> {
              while (!server.isClosed()) {
                try {
                  Socket socket = server.accept();
                  accepted.add(socket);
                  Thread t = new Thread(() -> answer(socket, answer), "stalling-answer");
                  t.setDaemon(true);
                  t.start();
                } catch (IOException closed) {
                  return;
                }
              }
            },
            "stalling-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  private static void answer(Socket socket, Answer answer) {
    try {
      InputStream in = socket.getInputStream();
      OutputStream out = socket.getOutputStream();
      in.read(new byte[16384]); // the request (its first segment is enough)
      long late = DEADLINE.toMillis() * 85 / 100;
      switch (answer) {
        case HEADERS_LATE_THEN_PART_OF_THE_BODY_THEN_SILENCE -> {
          Thread.sleep(late);
          send(
              out,
              "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 400\r\n\r\n"
                  + "{\"id\": \"pi_1\", \"object\": \"payment_intent\",");
        }
        case BODY_ONE_BYTE_AT_A_TIME -> {
          send(
              out,
              "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{");
          for (int i = 0; i < 100_000; i++) {
            send(out, " ");
            Thread.sleep(20);
          }
        }
        case BODY_WITHOUT_LENGTH_CONNECTION_NEVER_CLOSED -> {
          Thread.sleep(late);
          send(out, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n{\"id\": \"pi_1\",");
        }
        case NOTHING_AT_ALL -> {
          // silence
        }
      }
      in.read(); // keeps the connection open until the client or the test closes it
    } catch (IOException | InterruptedException gone) {
      // the client gave up
    }
  }

  private static void send(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }
}
