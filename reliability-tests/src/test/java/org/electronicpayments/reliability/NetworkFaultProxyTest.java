package org.electronicpayments.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The proxy does to the wire exactly what each fault says, one request of a kept-alive connection
 * at a time: proven against a small server that records every byte it receives and answers a fixed
 * response (chunked for {@code GET /chunked}).
 */
class NetworkFaultProxyTest {

  static final String REQUEST =
      "POST /v1/refunds HTTP/1.1\r\nHost: x\r\nContent-Length: 11\r\n\r\namount=1000";
  static final String ANSWER = "HTTP/1.1 200 OK\r\nContent-Length: 13\r\n\r\n{\"id\":\"re_1\"}";
  static final String CHUNKED =
      "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\n{\"a\"\r\n3\r\n:1}\r\n0\r\n\r\n";

  ServerSocket upstream;
  final List<String> received = new CopyOnWriteArrayList<>();
  final CountDownLatch receivedOne = new CountDownLatch(1);
  NetworkFaultProxy proxy;

  @BeforeEach
  void start() throws IOException {
    upstream = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
    Thread server = new Thread(this::serve, "recording-upstream");
    server.setDaemon(true);
    server.start();
    proxy = NetworkFaultProxy.start(upstream.getLocalPort(), Duration.ofSeconds(5));
  }

  @AfterEach
  void stop() throws IOException {
    proxy.close();
    upstream.close();
  }

  @Test
  @DisplayName(
      "Without a fault, requests of one kept-alive connection go through whole, chunked answers too")
  void requestsGoThroughWhole() throws IOException {
    try (Socket client = client()) {
      send(client, REQUEST);
      assertThat(readMessage(client)).isEqualTo(ANSWER);
      send(client, "GET /chunked HTTP/1.1\r\nHost: x\r\n\r\n");
      assertThat(readMessage(client)).isEqualTo(CHUNKED);
    }
    assertThat(received).containsExactly(REQUEST, "GET /chunked HTTP/1.1\r\nHost: x\r\n\r\n");
    assertThat(proxy.statistics()).containsEntry("requests proxied", 2L);
  }

  @Test
  @DisplayName("A cut request reaches the server as a strict prefix, and the client gets no answer")
  void cutRequestForwardsAStrictPrefix() throws Exception {
    proxy.arm("POST /v1/refunds", NetworkFault.CUT_REQUEST, 7, Duration.ZERO);
    try (Socket client = client()) {
      send(client, REQUEST);
      assertThat(readAll(client)).isEmpty();
    }
    assertThat(receivedOne.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(received)
        .singleElement()
        .satisfies(
            prefix -> {
              assertThat(REQUEST).startsWith(prefix);
              assertThat(prefix.length()).isBetween(1, REQUEST.length() - 1);
            });
  }

  @Test
  @DisplayName("Drop and reset before forwarding: the server never sees the request")
  void dropAndResetNeverForward() throws IOException {
    proxy.arm("POST /v1/refunds", NetworkFault.DROP, 1, Duration.ZERO);
    proxy.arm("POST /v1/refunds", NetworkFault.RESET_BEFORE_FORWARDING, 2, Duration.ZERO);
    for (int i = 0; i < 2; i++) {
      try (Socket client = client()) {
        send(client, REQUEST);
        assertThat(readAll(client)).isEmpty();
      }
    }
    try (Socket client = client()) { // the faults are used up: the next request goes through
      send(client, REQUEST);
      assertThat(readMessage(client)).isEqualTo(ANSWER);
    }
    assertThat(received).containsExactly(REQUEST);
  }

  @Test
  @DisplayName(
      "Commit then drop, reset after commit: the server got the whole request, the client nothing")
  void commitThenNoAnswer() throws IOException {
    proxy.arm("POST /v1/refunds", NetworkFault.COMMIT_THEN_DROP, 1, Duration.ZERO);
    proxy.arm("POST /v1/refunds", NetworkFault.RESET_AFTER_COMMIT, 2, Duration.ZERO);
    for (int i = 0; i < 2; i++) {
      try (Socket client = client()) {
        send(client, REQUEST);
        assertThat(readAll(client)).isEmpty();
      }
    }
    assertThat(received).containsExactly(REQUEST, REQUEST);
  }

  @Test
  @DisplayName("A truncated answer is a strict prefix of the server's answer")
  void truncatedResponseIsAPrefix() throws IOException {
    proxy.arm("POST /v1/refunds", NetworkFault.TRUNCATED_RESPONSE, 3, Duration.ZERO);
    try (Socket client = client()) {
      send(client, REQUEST);
      String got = readAll(client);
      assertThat(ANSWER).startsWith(got);
      assertThat(got.length()).isBetween(1, ANSWER.length() - 1);
    }
    assertThat(received).containsExactly(REQUEST);
  }

  @Test
  @DisplayName("Headers, then part of the body, then silence on an open connection")
  void headersThenPartOfTheBodyThenSilence() throws IOException {
    proxy.arm(
        "POST /v1/refunds",
        NetworkFault.HEADERS_THEN_PART_OF_BODY_THEN_SILENCE,
        4,
        Duration.ofMillis(50));
    try (Socket client = client()) {
      send(client, REQUEST);
      ByteArrayOutputStream got = new ByteArrayOutputStream();
      InputStream in = client.getInputStream();
      while (!got.toString(StandardCharsets.ISO_8859_1)
          .endsWith("\r\n\r\n")) { // the headers, in time
        int b = in.read();
        assertThat(b).as("the connection stays open").isNotNegative();
        got.write(b);
      }
      client.setSoTimeout(500); // then the part of the body written with them, and nothing more
      assertThatThrownBy(
              () -> {
                for (int b = in.read(); b >= 0; b = in.read()) {
                  got.write(b);
                }
              })
          .as("the connection stays open and silent")
          .isInstanceOf(SocketTimeoutException.class);
      String head = ANSWER.substring(0, ANSWER.indexOf("\r\n\r\n") + 4);
      assertThat(got.toString(StandardCharsets.ISO_8859_1)).startsWith(head).isNotEqualTo(ANSWER);
      assertThat(ANSWER).startsWith(got.toString(StandardCharsets.ISO_8859_1));
    }
  }

  @Test
  @DisplayName("A stall forwards nothing and answers nothing until released")
  void stallUntilReleased() throws Exception {
    proxy.arm("POST /v1/refunds", NetworkFault.STALL, 5, Duration.ZERO);
    try (Socket client = client()) {
      client.setSoTimeout(300);
      send(client, REQUEST);
      assertThatThrownBy(() -> client.getInputStream().read())
          .isInstanceOf(SocketTimeoutException.class);
      proxy.releaseHeld();
      client.setSoTimeout(5000);
      assertThat(readAll(client)).isEmpty();
    }
    assertThat(received).isEmpty();
  }

  @Test
  @DisplayName("An idle kept-alive connection is closed by the server right after a normal answer")
  void idleKeptAliveConnectionIsClosed() throws IOException {
    proxy.arm("POST /v1/refunds", NetworkFault.CLOSE_IDLE_KEPT_ALIVE, 6, Duration.ZERO);
    try (Socket client = client()) {
      send(client, REQUEST);
      assertThat(readMessage(client)).isEqualTo(ANSWER);
      assertThat(client.getInputStream().read()).isEqualTo(-1);
    }
    assertThat(received).containsExactly(REQUEST);
  }

  @Test
  @DisplayName("A fault applies to the request it matches, not to the others of the connection")
  void faultsMatchByMethodAndPath() throws IOException {
    proxy.arm("POST /v1/payment_intents/*/confirm", NetworkFault.DROP, 1, Duration.ZERO);
    try (Socket client = client()) {
      send(client, REQUEST);
      assertThat(readMessage(client)).isEqualTo(ANSWER);
      send(
          client,
          "POST /v1/payment_intents/pi_1/confirm HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n");
      assertThat(readAll(client)).isEmpty();
    }
    assertThat(received).containsExactly(REQUEST);
    assertThat(proxy.statistics()).containsEntry("applied: drop", 1L);
  }

  private Socket client() throws IOException {
    Socket s =
        new Socket(
            InetAddress.getLoopbackAddress(),
            Integer.parseInt(proxy.baseUrl().replaceAll(".*:", "")));
    s.setSoTimeout(5000);
    return s;
  }

  private static void send(Socket client, String request) throws IOException {
    OutputStream out = client.getOutputStream();
    out.write(request.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  private static String readMessage(Socket client) throws IOException {
    HttpMessage m = HttpMessage.read(client.getInputStream(), "GET");
    return m == null ? "" : new String(m.bytes(), StandardCharsets.ISO_8859_1);
  }

  private static String readAll(Socket client) throws IOException {
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    try {
      client.getInputStream().transferTo(got);
    } catch (java.net.SocketException reset) {
      // a reset ends the stream too
    }
    return got.toString(StandardCharsets.ISO_8859_1);
  }

  /**
   * Records each request's bytes (what arrived before the connection ended, for a cut one) and
   * answers.
   */
  private void serve() {
    while (!upstream.isClosed()) {
      try {
        Socket s = upstream.accept();
        Thread t = new Thread(() -> connection(s), "recording-connection");
        t.setDaemon(true);
        t.start();
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void connection(Socket s) {
    try (s) {
      InputStream in = new BufferedInputStream(s.getInputStream());
      while (true) {
        ByteArrayOutputStream partial = new ByteArrayOutputStream();
        HttpMessage m;
        try {
          m = HttpMessage.read(new TeeInput(in, partial), null);
        } catch (IOException cut) {
          received.add(partial.toString(StandardCharsets.ISO_8859_1));
          receivedOne.countDown();
          return;
        }
        if (m == null) {
          return;
        }
        received.add(new String(m.bytes(), StandardCharsets.ISO_8859_1));
        receivedOne.countDown();
        String answer = m.path().equals("/chunked") ? CHUNKED : ANSWER;
        s.getOutputStream().write(answer.getBytes(StandardCharsets.ISO_8859_1));
        s.getOutputStream().flush();
      }
    } catch (IOException gone) {
      // the proxy closed the connection
    }
  }

  /** Copies what is read, so a request cut short is still recorded. */
  private static final class TeeInput extends InputStream {
    private final InputStream in;
    private final ByteArrayOutputStream copy;

    TeeInput(InputStream in, ByteArrayOutputStream copy) {
      this.in = in;
      this.copy = copy;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        copy.write(b);
      }
      return b;
    }
  }
}
