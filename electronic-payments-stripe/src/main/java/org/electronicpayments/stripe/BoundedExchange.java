package org.electronicpayments.stripe;

import com.stripe.exception.ApiConnectionException;
import com.stripe.net.HttpHeaders;
import com.stripe.net.StripeRequest;
import com.stripe.net.StripeResponse;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.ProxySelector;
import java.net.SocketTimeoutException;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One try of a stripe-java request over the JDK's {@link HttpClient} (HTTP/1.1, one instance per
 * processor), bounded as a whole: the caller waits for the complete response (connect, DNS,
 * headers and body included) at most the given time, then cancels the exchange. Unlike
 * stripe-java's {@code HttpURLConnectionClient}, whose timeouts bound each read only, a server
 * that sends its answer a byte at a time cannot hold the caller longer. The exchange runs on the
 * JDK client's own selector thread, so a hung server holds no thread of ours either.
 *
 * <p>Sends what {@code HttpURLConnectionClient} sends: stripe-java's request headers, its
 * {@code User-Agent} and {@code X-Stripe-Client-User-Agent}, and the content with its type.
 * Failures become {@link ApiConnectionException}s as there; a connect failure or timeout keeps a
 * {@link ConnectException} or {@link SocketTimeoutException} cause, which stripe-java retries.
 * Unlike {@code HttpURLConnection}, a POST whose connection closes without an answer is not
 * silently sent again; stripe-java reports it.
 */
final class BoundedExchange {

  private final HttpClient http;

  BoundedExchange(Duration connectTimeout) {
    HttpClient.Builder builder = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(connectTimeout)
        .followRedirects(HttpClient.Redirect.NEVER);
    ProxySelector proxies = ProxySelector.getDefault(); // the http(s).proxyHost properties, as HttpURLConnection
    if (proxies != null) {
      builder.proxy(proxies);
    }
    this.http = builder.build();
  }

  /**
   * Sends one try and waits for its whole response at most {@code waitMillis}.
   *
   * @throws ApiConnectionException when it failed or did not complete in time
   */
  StripeResponse send(StripeRequest request, long waitMillis, String userAgent, String clientUserAgent)
      throws ApiConnectionException {
    if (waitMillis <= 0) {
      throw failure(request, new IOException("no time left before the deadline"));
    }
    CompletableFuture<HttpResponse<byte[]>> answer =
        http.sendAsync(build(request, waitMillis, userAgent, clientUserAgent), HttpResponse.BodyHandlers.ofByteArray());
    try {
      HttpResponse<byte[]> response = answer.get(waitMillis, TimeUnit.MILLISECONDS);
      return new StripeResponse(response.statusCode(), HttpHeaders.of(response.headers().map()),
          new String(response.body(), StandardCharsets.UTF_8));
    } catch (TimeoutException e) {
      answer.cancel(true);
      throw failure(request, new SocketTimeoutException("no complete answer within " + waitMillis + " ms"));
    } catch (InterruptedException e) {
      answer.cancel(true);
      Thread.currentThread().interrupt();
      throw failure(request, new InterruptedIOException("interrupted while waiting for the answer"));
    } catch (ExecutionException e) {
      throw failure(request, cause(e.getCause()));
    }
  }

  private static HttpRequest build(StripeRequest request, long waitMillis, String userAgent, String clientUserAgent)
      throws ApiConnectionException {
    HttpRequest.Builder builder;
    try {
      builder = HttpRequest.newBuilder(request.url().toURI()).timeout(Duration.ofMillis(waitMillis));
    } catch (URISyntaxException e) {
      throw failure(request, new IOException(e.getMessage(), e));
    }
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (Map.Entry<String, List<String>> header : request.headers().map().entrySet()) {
      headers.put(header.getKey(), String.join(",", header.getValue()));
    }
    headers.put("User-Agent", userAgent);
    headers.put("X-Stripe-Client-User-Agent", clientUserAgent);
    HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
    if (request.content() != null) {
      headers.put("Content-Type", request.content().contentType());
      body = HttpRequest.BodyPublishers.ofByteArray(request.content().byteArrayContent());
    }
    headers.forEach(builder::header);
    return builder.method(request.method().name(), body).build();
  }

  /** The JDK client's failure as the {@code java.net} cause stripe-java's retry rules know. */
  private static IOException cause(Throwable thrown) {
    Throwable t = thrown instanceof CompletionException && thrown.getCause() != null ? thrown.getCause() : thrown;
    if (t instanceof HttpConnectTimeoutException) {
      return (IOException) new ConnectException("connect timed out: " + t.getMessage()).initCause(t);
    }
    if (t instanceof HttpTimeoutException) {
      return (IOException) new SocketTimeoutException("read timed out: " + t.getMessage()).initCause(t);
    }
    return t instanceof IOException io ? io : new IOException(t.toString(), t);
  }

  private static ApiConnectionException failure(StripeRequest request, IOException cause) {
    return new ApiConnectionException("IOException during API request to Stripe (" + request.method() + " "
        + request.url().getPath() + "): " + cause.getMessage(), cause);
  }
}
