package org.electronicpayments.testkit.stripe;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Answers one exchange and records the outcome in its log entry. */
final class Reply {

  private final HttpExchange exchange;
  private final String requestId;
  private final String apiVersion;
  private final @Nullable String key;
  final RequestLog.Entry entry;

  Reply(
      HttpExchange exchange,
      String requestId,
      String apiVersion,
      @Nullable String key,
      RequestLog.Entry entry) {
    this.exchange = exchange;
    this.requestId = requestId;
    this.apiVersion = apiVersion;
    this.key = key;
    this.entry = entry;
  }

  void send(int status, byte[] body, @Nullable String originalRequest) throws IOException {
    send(status, body, originalRequest, Map.of());
  }

  void send(int status, byte[] body, @Nullable String originalRequest, Map<String, String> extra)
      throws IOException {
    Headers out = exchange.getResponseHeaders();
    if (exchange.getRequestHeaders().containsKey("Origin")) {
      // A page on another origin (the host's) calls the API from the browser, as with Stripe.
      out.set("Access-Control-Allow-Origin", "*");
    }
    out.set("Content-Type", "application/json");
    out.set("Request-Id", requestId);
    out.set("Stripe-Version", apiVersion);
    if (key != null) {
      out.set("Idempotency-Key", key);
    }
    if (originalRequest != null) {
      out.set("Idempotent-Replayed", "true");
      out.set("Original-Request", originalRequest);
    }
    extra.forEach(out::set);
    entry.status = status;
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream stream = exchange.getResponseBody()) {
      stream.write(body);
    }
  }

  void error(ApiError error) throws IOException {
    send(error.status, Json.bytes(error.body()), null);
  }

  void fault(FaultRule fault) throws IOException {
    int status = fault.status();
    ApiError error =
        status == 429
            ? ApiError.of(
                429,
                "invalid_request_error",
                "Too many requests hit the API too"
                    + " quickly. We recommend an exponential backoff of your requests.",
                "rate_limit",
                null,
                false)
            : ApiError.of(
                status,
                "api_error",
                status == 503 ? "Stripe is temporarily unavailable." : "An unknown error occurred",
                null,
                null,
                false);
    Boolean retry = fault.shouldRetry();
    send(
        status,
        Json.bytes(error.body()),
        null,
        retry == null ? Map.of() : Map.of("Stripe-Should-Retry", retry.toString()));
  }

  /** Marks the request unanswered; throwing the result makes the server close the connection. */
  RuntimeException drop() {
    entry.status = RecordedRequest.NO_RESPONSE;
    return new RequestHandler.DroppedConnection();
  }
}
