package org.electronicpayments.testkit.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Stripe never executes a request that did not arrive whole, and neither does the emulator: a
 * connection closed inside the header block, or before the body reached its {@code Content-Length},
 * runs nothing and leaves its idempotency key unused, so the complete retry under the same key
 * runs.
 */
@ExtendWith(StripeEmulatorExtension.class)
class IncompleteRequestTest {

  private static final String BODY = "email=jenny%40example.com&metadata[client_id]=1000";

  private final StripeEmulator emulator;

  IncompleteRequestTest(StripeEmulator emulator) {
    this.emulator = emulator;
  }

  @BeforeEach
  void noCustomers() throws IOException {
    assertThat(customers()).doesNotContain("\"object\" : \"customer\"");
  }

  /**
   * Cut inside the request line, inside header values, and after the last header line but before
   * the blank line.
   */
  @ParameterizedTest(name = "cut after {0} bytes of the header block")
  @ValueSource(ints = {10, 40, 75, 113, -2})
  void aRequestWhoseHeaderBlockWasCutRunsNothingAndLeavesItsKeyUnused(int cut) throws Exception {
    byte[] request = request("cut-headers-" + cut, BODY);
    int headerEnd = headerBlockLength(request);
    int length = cut < 0 ? headerEnd + cut : cut;

    writeAndClose(request, length);

    assertNothingRan("cut-headers-" + cut);
  }

  @ParameterizedTest(name = "{0} of {1} body bytes")
  @ValueSource(ints = {0, 1, 20, 49})
  void aRequestWhoseBodyStoppedShortOfItsContentLengthRunsNothingAndLeavesItsKeyUnused(
      int bodyBytes) throws Exception {
    byte[] request = request("cut-body-" + bodyBytes, BODY);

    writeAndClose(request, headerBlockLength(request) + bodyBytes);

    assertNothingRan("cut-body-" + bodyBytes);
  }

  @Test
  void aCompleteRequestWhoseClientHalfClosesIsAnsweredAndRunsOnce() throws Exception {
    byte[] request = request("whole", BODY);
    try (Socket socket = connect()) {
      socket.getOutputStream().write(request);
      socket.shutdownOutput();

      String response = readAll(socket.getInputStream());

      assertThat(response).startsWith("HTTP/1.1 200").contains("\"email\" : \"jenny@example.com\"");
    }
    assertThat(emulator.requests("POST /v1/customers"))
        .singleElement()
        .satisfies(r -> assertThat(r.executed()).isTrue());
  }

  @Test
  void aChunkedBodyCutBeforeItsLastChunkRunsNothingAndTheWholeOneRuns() throws Exception {
    byte[] cut = chunked("chunked", BODY.substring(0, 20), BODY.substring(20), false);

    writeAndClose(cut, cut.length);
    assertThat(emulator.requests("POST /v1/customers")).isEmpty();

    try (Socket socket = connect()) {
      socket
          .getOutputStream()
          .write(chunked("chunked", BODY.substring(0, 20), BODY.substring(20), true));
      assertThat(readResponse(socket.getInputStream()))
          .startsWith("HTTP/1.1 200")
          .contains("\"email\" : \"jenny@example.com\"", "\"client_id\" : \"1000\"");
    }
  }

  @Test
  void aClientThatExpects100ContinueGetsItBeforeSendingTheBody() throws Exception {
    String head =
        new String(request("continue", BODY), StandardCharsets.US_ASCII)
            .replace("\r\n\r\n" + BODY, "\r\nExpect: 100-continue\r\n\r\n");
    try (Socket socket = connect()) {
      socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
      assertThat(new String(socket.getInputStream().readNBytes(25), StandardCharsets.US_ASCII))
          .isEqualTo("HTTP/1.1 100 Continue\r\n\r\n");

      socket.getOutputStream().write(BODY.getBytes(StandardCharsets.US_ASCII));

      assertThat(readResponse(socket.getInputStream())).startsWith("HTTP/1.1 200");
    }
  }

  @Test
  void twoRequestsOnOneKeptAliveConnectionAreBothAnswered() throws Exception {
    byte[] first = request("first", BODY);
    byte[] second = request("second", "email=sam%40example.com");
    try (Socket socket = connect()) {
      OutputStream out = socket.getOutputStream();
      out.write(first);
      out.write(second);
      out.flush();
      socket.shutdownOutput();

      String responses = readAll(socket.getInputStream());

      assertThat(responses.split("HTTP/1.1 200", -1)).hasSize(3);
      assertThat(responses).contains("jenny@example.com", "sam@example.com");
    }
  }

  private void assertNothingRan(String key) throws Exception {
    assertThat(emulator.requests("POST /v1/customers")).isEmpty();
    assertThat(customers()).doesNotContain("\"object\" : \"customer\"");

    try (Socket socket = connect()) {
      socket.getOutputStream().write(request(key, BODY));
      String response = readResponse(socket.getInputStream());

      assertThat(response)
          .startsWith("HTTP/1.1 200")
          .doesNotContain("Idempotent-Replayed")
          .contains("\"email\" : \"jenny@example.com\"", "\"client_id\" : \"1000\"");
    }
    assertThat(emulator.requests("POST /v1/customers"))
        .singleElement()
        .satisfies(r -> assertThat(r.executed()).isTrue());
  }

  private void writeAndClose(byte[] request, int length) throws Exception {
    try (Socket socket = connect()) {
      OutputStream out = socket.getOutputStream();
      out.write(request, 0, length);
      out.flush();
      socket.shutdownOutput();
      // The server closes its side without an answer; an answer would mean it ran the request.
      assertThat(readAll(socket.getInputStream())).isEmpty();
    }
  }

  private String customers() throws IOException {
    try (Socket socket = connect()) {
      socket
          .getOutputStream()
          .write(
              ("GET /v1/customers HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                      + "Authorization: Bearer "
                      + Clients.API_KEY
                      + "\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      return readResponse(socket.getInputStream());
    }
  }

  private Socket connect() throws IOException {
    Socket socket = new Socket();
    socket.connect(new InetSocketAddress("127.0.0.1", emulator.port()), 2_000);
    socket.setSoTimeout(5_000);
    return socket;
  }

  private static byte[] request(String key, String body) {
    return ("POST /v1/customers HTTP/1.1\r\n"
            + "Host: 127.0.0.1\r\n"
            + "Authorization: Bearer "
            + Clients.API_KEY
            + "\r\n"
            + "Idempotency-Key: "
            + key
            + "\r\n"
            + "Content-Type: application/x-www-form-urlencoded\r\n"
            + "Content-Length: "
            + body.length()
            + "\r\n"
            + "\r\n"
            + body)
        .getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] chunked(String key, String first, String second, boolean last) {
    String head =
        new String(request(key, ""), StandardCharsets.US_ASCII)
            .replace("Content-Length: 0\r\n", "Transfer-Encoding: chunked\r\n");
    return (head
            + Integer.toHexString(first.length())
            + "\r\n"
            + first
            + "\r\n"
            + Integer.toHexString(second.length())
            + "\r\n"
            + second
            + "\r\n"
            + (last ? "0\r\n\r\n" : ""))
        .getBytes(StandardCharsets.US_ASCII);
  }

  private static int headerBlockLength(byte[] request) {
    String text = new String(request, StandardCharsets.US_ASCII);
    return text.indexOf("\r\n\r\n") + 4;
  }

  /** One response: headers, then {@code Content-Length} bytes of body. */
  private static String readResponse(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      head.write(b);
    }
    String headers = head.toString(StandardCharsets.US_ASCII);
    int length = 0;
    for (String line : headers.split("\r\n")) {
      if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
        length = Integer.parseInt(line.substring(15).trim());
      }
    }
    return headers + new String(in.readNBytes(length), StandardCharsets.UTF_8);
  }

  private static String readAll(InputStream in) throws IOException {
    try {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (SocketTimeoutException e) {
      throw new AssertionError("the server neither answered nor closed the connection", e);
    }
  }
}
