package org.electronicpayments.stripe;

import com.stripe.exception.ApiConnectionException;
import com.stripe.net.ApiResource;
import com.stripe.net.HttpHeaders;
import com.stripe.net.StripeRequest;
import com.stripe.net.StripeResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpRetryException;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * One try of a stripe-java request over {@link HttpURLConnection}, on the caller's thread, as
 * stripe-java's {@code HttpURLConnectionClient} sends it (its headers, {@code User-Agent} and
 * {@code X-Stripe-Client-User-Agent}, no caches, the content with its type, kept-alive
 * connections), bounded as a whole: connect and read timeouts are the try's wait, and a
 * {@link Cutoff} disconnects the connection when the wait is over, so a server that trickles its
 * answer, each read in time, cannot hold the caller longer.
 *
 * <p>Failures become {@link ApiConnectionException}s as there; a connect failure or timeout, or a
 * cut-off, keeps a {@link java.net.ConnectException} or {@link SocketTimeoutException} cause,
 * which stripe-java retries. A POST body is sent in fixed-length streaming mode, so unlike
 * {@code HttpURLConnectionClient} a POST whose connection closes without an answer is not
 * silently sent again; stripe-java reports it.
 */
final class BoundedExchange {

  /**
   * What a 401 to a streamed POST becomes: {@link HttpURLConnection} drops that answer's body,
   * so stripe-java gets Stripe's error shape with this message instead.
   */
  static final String UNAUTHORIZED = "{\"error\": {\"type\": \"invalid_request_error\", \"message\":"
      + " \"Stripe answered 401 Unauthorized: the API key was not accepted\"}}";

  /**
   * How recently the last answer must have come for a POST to skip the JDK's check that a
   * kept-alive connection is still open (a read waiting 1 ms, made before every streamed POST).
   */
  static final long FRESH_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final int connectTimeoutMillis;
  private volatile long lastAnswerNanos = System.nanoTime() - 2 * FRESH_NANOS;

  BoundedExchange(Duration connectTimeout) {
    this.connectTimeoutMillis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()));
  }

  /**
   * Sends one try and reads its whole response within {@code waitMillis} (a response body that
   * stops arriving altogether: within one more read timeout).
   *
   * @throws ApiConnectionException when it failed or did not complete in time
   */
  StripeResponse send(StripeRequest request, long waitMillis, String userAgent, String clientUserAgent)
      throws ApiConnectionException {
    if (waitMillis <= 0) {
      throw failure(request, new IOException("no time left before the deadline"));
    }
    int wait = (int) Math.min(Integer.MAX_VALUE, waitMillis);
    HttpURLConnection connection;
    try {
      connection = (HttpURLConnection) request.url().openConnection();
    } catch (IOException e) {
      throw failure(request, e);
    }
    Integer connect = request.options().getConnectTimeout();
    connection.setConnectTimeout(Math.min(wait, connect != null && connect > 0 ? connect : connectTimeoutMillis));
    connection.setReadTimeout(wait);
    Cutoff cutoff = Cutoff.arm(connection, wait);
    try {
      StripeResponse response = exchange(request, connection, cutoff, userAgent, clientUserAgent, fresh());
      cutoff.disarm(); // complete: kept even when the cut-off marked it late after its last read
      lastAnswerNanos = System.nanoTime();
      return response;
    } catch (IOException | RuntimeException e) {
      if (cutoff.disarm()) {
        connection.disconnect(); // a connection opened while it was being cut is not left open
        throw timedOut(request, wait, e);
      }
      if (e instanceof HttpRetryException retry && retry.responseCode() == HttpURLConnection.HTTP_UNAUTHORIZED) {
        return new StripeResponse(retry.responseCode(), HttpHeaders.of(Map.of()), UNAUTHORIZED);
      }
      if (e instanceof IOException io) {
        throw failure(request, io);
      }
      throw (RuntimeException) e;
    }
  }

  /** Whether an answer came within {@link #FRESH_NANOS}: the kept-alive connections are most likely open. */
  private boolean fresh() {
    return System.nanoTime() - lastAnswerNanos < FRESH_NANOS;
  }

  private static StripeResponse exchange(StripeRequest request, HttpURLConnection connection, Cutoff cutoff,
      String userAgent, String clientUserAgent, boolean fresh) throws IOException {
    connection.setUseCaches(false);
    connection.setInstanceFollowRedirects(false);
    for (Map.Entry<String, List<String>> header : request.headers().map().entrySet()) {
      connection.setRequestProperty(header.getKey(), String.join(",", header.getValue()));
    }
    connection.setRequestProperty("User-Agent", userAgent);
    connection.setRequestProperty("X-Stripe-Client-User-Agent", clientUserAgent);
    byte[] content = null;
    if (request.content() != null) {
      content = request.content().byteArrayContent();
      connection.setDoOutput(true);
      connection.setFixedLengthStreamingMode(content.length); // never re-sent by the JDK
      connection.setRequestProperty("Content-Type", request.content().contentType());
    }
    // A streamed POST makes the JDK check its kept-alive connection first, with a read that waits
    // 1 ms. Right after an answer the connection is open, so a POST is then left a GET until its
    // body is written, which makes it a POST (the JDK's long-standing rule for doOutput).
    if (!(fresh && content != null && request.method() == ApiResource.RequestMethod.POST)) {
      connection.setRequestMethod(request.method().name());
    }
    connection.connect();
    if (cutoff.cut()) { // cut while connecting, before there was a connection to disconnect
      throw new SocketTimeoutException("cut off while connecting");
    }
    if (content != null) {
      try (OutputStream out = connection.getOutputStream()) {
        out.write(content);
      }
    }
    int code = connection.getResponseCode();
    if (!cutoff.reading()) {
      throw new SocketTimeoutException("cut off before the response was read");
    }
    InputStream stream = code < 400 ? connection.getInputStream() : connection.getErrorStream();
    String body = read(stream, cutoff);
    if (code == HttpURLConnection.HTTP_UNAUTHORIZED && body.isEmpty()) {
      body = UNAUTHORIZED;
    }
    return new StripeResponse(code, HttpHeaders.of(connection.getHeaderFields()), body);
  }

  /** The whole body; closing the stream at its end keeps the connection alive for the next try. */
  private static String read(@Nullable InputStream stream, Cutoff cutoff) throws IOException {
    if (stream == null) {
      return "";
    }
    try (stream) {
      ByteArrayOutputStream body = new ByteArrayOutputStream(2048);
      byte[] buffer = new byte[8192];
      for (int n = stream.read(buffer); n >= 0; n = stream.read(buffer)) {
        if (cutoff.late()) {
          throw new SocketTimeoutException("the response did not arrive in time");
        }
        body.write(buffer, 0, n);
      }
      return body.toString(StandardCharsets.UTF_8);
    }
  }

  private static ApiConnectionException timedOut(StripeRequest request, int wait, Exception cause) {
    SocketTimeoutException timeout = new SocketTimeoutException("no complete answer within " + wait + " ms");
    timeout.initCause(cause);
    return failure(request, timeout);
  }

  private static ApiConnectionException failure(StripeRequest request, IOException cause) {
    return new ApiConnectionException("IOException during API request to Stripe (" + request.method() + " "
        + request.url().getPath() + "): " + cause.getMessage(), cause);
  }
}
