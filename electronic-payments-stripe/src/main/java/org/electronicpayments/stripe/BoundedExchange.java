package org.electronicpayments.stripe;

import com.stripe.exception.ApiConnectionException;
import com.stripe.net.ApiResource;
import com.stripe.net.HttpHeaders;
import com.stripe.net.StripeRequest;
import com.stripe.net.StripeResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.PasswordAuthentication;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocketFactory;

/**
 * One try of a stripe-java request, on the caller's thread, bounded as a whole: the connect, the
 * TLS handshake and every read end by the try's end, so a server that stalls or trickles its answer
 * anywhere (status line, headers or body), or never closes a body without a length, cannot hold the
 * caller longer. Sends what stripe-java's {@code HttpURLConnectionClient} sends (its headers,
 * {@code User-Agent}, {@code X-Stripe-Client-User-Agent}, the content with its type) over
 * kept-alive HTTP/1.1 connections ({@link Connections}), honouring the request's connection proxy
 * and proxy credential.
 *
 * <p>Failures become {@link ApiConnectionException}s as there; a connect failure or a timeout keeps
 * its {@link java.net.ConnectException} or {@link SocketTimeoutException} cause, which stripe-java
 * retries. A request that changes something at Stripe (a POST) is written once and never silently
 * sent again: a connection that closes without an answer is reported, and the idempotency key makes
 * any later retry a replay. A GET, which changes nothing, is sent once more on a new connection,
 * within the same try, when the kept-alive connection it was written to turns out to have been
 * closed by the server while idle (it ends, or is reset, before a byte of the answer): servers and
 * load balancers close idle connections at any moment, and a read that fails so would otherwise
 * leave a settled outcome unknown for no reason.
 */
final class BoundedExchange {

  private final int connectTimeoutMillis;
  private final Connections connections;

  BoundedExchange(Duration connectTimeout) {
    this(connectTimeout, (SSLSocketFactory) SSLSocketFactory.getDefault());
  }

  BoundedExchange(Duration connectTimeout, SSLSocketFactory tls) {
    this.connectTimeoutMillis =
        (int) Math.max(1, Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()));
    this.connections = new Connections(tls);
  }

  /**
   * Sends one try and reads its whole answer within {@code waitMillis}.
   *
   * @throws ApiConnectionException when it failed or did not complete in time
   */
  StripeResponse send(
      StripeRequest request, long waitMillis, String userAgent, String clientUserAgent)
      throws ApiConnectionException {
    if (waitMillis <= 0) {
      throw failure(request, new SocketTimeoutException("no time left before the deadline"));
    }
    long endNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
    HttpConnection connection = null;
    try {
      Connections.Route route =
          Connections.Route.of(request.url(), request.options().getConnectionProxy());
      PasswordAuthentication credential = request.options().getProxyCredential();
      byte[] bytes = bytes(request, route, credential, userAgent, clientUserAgent);
      Integer connect = request.options().getConnectTimeout();
      int connectMillis = connect != null && connect > 0 ? connect : connectTimeoutMillis;
      connection = connections.take(route, credential, connectMillis, endNanos);
      HttpConnection.Answer answer;
      try {
        connection.write(bytes);
        answer = connection.read(endNanos, false);
      } catch (IOException e) {
        if (!connection.closedWhileIdle(e) || !withoutEffect(request)) {
          throw e;
        }
        // The server closed the kept-alive connection while it was idle, before this request
        // could be answered; a GET changes nothing at Stripe, so it goes once more on a new one.
        connection.close();
        connection = null;
        connection = connections.open(route, credential, connectMillis, endNanos);
        connection.write(bytes);
        answer = connection.read(endNanos, false);
      }
      if (answer.reusable()) {
        connections.give(route, connection);
      } else {
        connection.close();
      }
      connection = null;
      return new StripeResponse(
          answer.code(),
          HttpHeaders.of(answer.headers()),
          new String(answer.body(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw failure(request, e);
    } finally {
      if (connection != null) {
        connection.close(); // an answer not read to its end leaves the connection unusable
      }
    }
  }

  /**
   * Whether sending the request changes nothing at Stripe (a GET), so that sending it once more
   * cannot do anything twice.
   */
  private static boolean withoutEffect(StripeRequest request) {
    return request.method() == ApiResource.RequestMethod.GET;
  }

  /** The request as written: request line, headers, body. */
  private static byte[] bytes(
      StripeRequest request,
      Connections.Route route,
      PasswordAuthentication credential,
      String userAgent,
      String clientUserAgent)
      throws IOException {
    URL url = request.url();
    String file = url.getFile().isEmpty() ? "/" : url.getFile();
    String hostHeader =
        (route.host().contains(":") ? "[" + route.host() + "]" : route.host())
            + (url.getPort() < 0 || url.getPort() == url.getDefaultPort()
                ? ""
                : ":" + url.getPort());
    StringBuilder head =
        new StringBuilder(1024)
            .append(request.method().name())
            .append(' ')
            .append(route.absoluteTarget() ? url.getProtocol() + "://" + hostHeader + file : file)
            .append(" HTTP/1.1\r\n");
    header(head, "Host", hostHeader);
    for (Map.Entry<String, List<String>> h : request.headers().map().entrySet()) {
      header(head, h.getKey(), String.join(",", h.getValue()));
    }
    header(head, "User-Agent", userAgent);
    header(head, "X-Stripe-Client-User-Agent", clientUserAgent);
    if (route.absoluteTarget() && credential != null) {
      header(head, "Proxy-Authorization", Connections.basic(credential));
    }
    byte[] content = request.content() == null ? null : request.content().byteArrayContent();
    if (content != null) {
      header(head, "Content-Type", request.content().contentType());
    }
    if (content != null || request.method() == ApiResource.RequestMethod.POST) {
      header(head, "Content-Length", Integer.toString(content == null ? 0 : content.length));
    }
    head.append("\r\n");
    byte[] headBytes = HttpConnection.ascii(head);
    if (content == null || content.length == 0) {
      return headBytes;
    }
    ByteArrayOutputStream all = new ByteArrayOutputStream(headBytes.length + content.length);
    all.write(headBytes);
    all.write(content);
    return all.toByteArray();
  }

  private static void header(StringBuilder head, String name, String value) throws IOException {
    if (name.isEmpty()
        || name.indexOf('\r') >= 0
        || name.indexOf('\n') >= 0
        || name.indexOf(':') >= 0
        || value.indexOf('\r') >= 0
        || value.indexOf('\n') >= 0) {
      throw new IOException("a request header holds a line break or an invalid name");
    }
    head.append(name).append(": ").append(value).append("\r\n");
  }

  private static ApiConnectionException failure(StripeRequest request, IOException cause) {
    return new ApiConnectionException(
        "IOException during API request to Stripe ("
            + request.method()
            + " "
            + request.url().getPath()
            + "): "
            + cause.getMessage(),
        cause);
  }
}
