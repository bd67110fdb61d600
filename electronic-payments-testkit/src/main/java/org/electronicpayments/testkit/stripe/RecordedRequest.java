package org.electronicpayments.testkit.stripe;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A request the emulator received, as {@link StripeEmulator#requests()} shows it.
 *
 * @param requestId the {@code req_…} id (answered in {@code Request-Id} when there was an answer)
 * @param receivedAt when it arrived, by the emulator's clock
 * @param method {@code GET} or {@code POST}
 * @param path the path without the query, such as {@code /v1/payment_intents/pi_123/confirm}
 * @param headers the request headers, names in lower case, first value of each; the API key is
 *     masked
 * @param params the decoded form or query parameters by their raw name ({@code
 *     metadata[client_id]}), first value of each
 * @param idempotencyKey the {@code Idempotency-Key} header, if sent
 * @param stripeAccount the {@code Stripe-Account} header, if sent
 * @param status the HTTP status answered, {@link #IN_FLIGHT} while it runs, {@link #NO_RESPONSE} if
 *     the connection was dropped
 * @param executed whether the endpoint ran (false for replays, collisions and faults before it)
 * @param replayed whether the answer was an idempotent replay
 * @param fault the fault injected, if any
 */
public record RecordedRequest(
    String requestId,
    Instant receivedAt,
    String method,
    String path,
    Map<String, String> headers,
    Map<String, String> params,
    @Nullable String idempotencyKey,
    @Nullable String stripeAccount,
    int status,
    boolean executed,
    boolean replayed,
    @Nullable FaultKind fault) {

  /** {@link #status()} of a request still running. */
  public static final int IN_FLIGHT = 0;

  /** {@link #status()} of a request whose connection was dropped without an answer. */
  public static final int NO_RESPONSE = -1;

  /** Copies the maps and checks the required fields. */
  public RecordedRequest {
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(receivedAt, "receivedAt");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    headers = Map.copyOf(headers);
    params = Map.copyOf(params);
  }

  /** Whether the client got no answer. */
  public boolean dropped() {
    return status == NO_RESPONSE;
  }

  /** {@code METHOD /path}, as written in fault patterns. */
  public String endpoint() {
    return method + " " + path;
  }

  /**
   * Whether this request matches a fault-style pattern such as {@code POST /v1/payment_intents/*}.
   */
  public boolean matches(String pattern) {
    return Faults.matches(pattern, method, path);
  }
}
