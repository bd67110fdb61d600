package org.electronicpayments.stripe;

import com.stripe.Stripe;
import com.stripe.exception.ApiConnectionException;
import com.stripe.net.ApiMode;
import com.stripe.net.HttpClient;
import com.stripe.net.HttpHeaders;
import com.stripe.net.StripeRequest;
import com.stripe.net.StripeResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * stripe-java's HTTP client for this module, told about the deadline of the operation running on
 * this thread. Each try is sent by {@link BoundedExchange} on the calling thread, which gives up at
 * the sooner of the read timeout and the deadline however the server answers, so a request does not
 * hold its caller past the deadline. stripe-java calls {@link #request} once per try and decides on
 * retries itself; this client lets a retry happen only while stripe-java's back-off and a full read
 * timeout still fit before the deadline. When they do not, a failed try is reported to stripe-java
 * as not retryable (a connection failure with a non-retryable cause, or a response marked {@code
 * Stripe-Should-Retry: false}), so stripe-java neither sleeps nor retries, and the caller reports
 * the outcome as unknown on time.
 */
final class DeadlineHttpClient extends HttpClient {

  private static final ThreadLocal<@Nullable Budget> BUDGET = new ThreadLocal<>();

  private final BoundedExchange exchange;

  /** stripe-java's two client headers as last built, with what they were built from. */
  private volatile @Nullable ClientHeaders headers;

  DeadlineHttpClient(Duration connectTimeout) {
    this.exchange = new BoundedExchange(connectTimeout);
  }

  /** Runs stripe-java calls of this thread under a deadline until {@link Budget#close()}. */
  static Budget start(Deadline deadline) {
    Budget budget = new Budget(deadline);
    BUDGET.set(budget);
    return budget;
  }

  @Override
  public StripeResponse request(StripeRequest request) throws ApiConnectionException {
    Budget budget = BUDGET.get();
    // stripe-java's headers are made before the try's wait is taken: work done before the first
    // byte is written counts against the deadline, never on top of it.
    ClientHeaders client = headers();
    String userAgent = client.userAgent(request);
    String clientUserAgent = client.clientUserAgent();
    if (budget == null) {
      return exchange.send(request, readTimeoutMillis(request), userAgent, clientUserAgent);
    }
    if (budget.tries++ > 0 && budget.deadline.passed()) {
      throw new ApiConnectionException(
          "No time left before the deadline for another try of "
              + request.method()
              + " "
              + request.url().getPath(),
          new IOException("deadline passed"));
    }
    StripeResponse response;
    try {
      long wait = Math.min(readTimeoutMillis(request), budget.deadline.remainingMillis());
      response = exchange.send(request, wait, userAgent, clientUserAgent);
    } catch (ApiConnectionException e) {
      if (budget.retryFits(request)) {
        throw e;
      }
      throw new ApiConnectionException(
          e.getMessage(), new IOException("no time left for a retry", e.getCause()));
    }
    if (response.code() < 400 || budget.retryFits(request)) {
      return response;
    }
    Map<String, List<String>> headers = new LinkedHashMap<>(response.headers().map());
    headers.keySet().removeIf(name -> name == null || name.equalsIgnoreCase("Stripe-Should-Retry"));
    headers.put("Stripe-Should-Retry", List.of("false"));
    return new StripeResponse(response.code(), HttpHeaders.of(headers), response.body());
  }

  /**
   * The headers stripe-java would build for this request. stripe-java builds them again for every
   * request (reading a resource from its jar and writing JSON each time); they change only with
   * {@link Stripe#setAppInfo} and {@link Stripe#enableTelemetry}, so they are built again only when
   * those differ from what the last ones were built from.
   */
  private ClientHeaders headers() {
    Map<String, String> appInfo = Stripe.getAppInfo();
    boolean telemetry = Stripe.enableTelemetry;
    ClientHeaders h = headers;
    if (h == null || !h.builtFrom(appInfo, telemetry)) {
      h =
          new ClientHeaders(
              appInfo == null ? null : new HashMap<>(appInfo),
              telemetry,
              buildXStripeClientUserAgentString(),
              new ConcurrentHashMap<>());
      headers = h;
    }
    return h;
  }

  /** stripe-java's {@code X-Stripe-Client-User-Agent} and {@code User-Agent} (per API mode). */
  private record ClientHeaders(
      @Nullable Map<String, String> appInfo,
      boolean telemetry,
      String clientUserAgent,
      ConcurrentHashMap<ApiMode, String> userAgents) {

    boolean builtFrom(@Nullable Map<String, String> info, boolean telemetryOn) {
      return telemetry == telemetryOn && Objects.equals(appInfo, info);
    }

    String userAgent(StripeRequest request) {
      ApiMode mode = request.apiMode();
      String agent = mode == null ? null : userAgents.get(mode);
      if (agent == null) {
        agent = buildUserAgentString(request);
        if (mode != null) {
          userAgents.put(mode, agent);
        }
      }
      return agent;
    }
  }

  private static long readTimeoutMillis(StripeRequest request) {
    Integer read = request.options().getReadTimeout();
    return read == null || read <= 0
        ? StripePaymentProcessorBuilder.DEFAULT_READ_TIMEOUT.toMillis()
        : read;
  }

  /** The deadline of the operation running on this thread and the tries of its current request. */
  static final class Budget implements AutoCloseable {
    private final Deadline deadline;
    private int tries;

    private Budget(Deadline deadline) {
      this.deadline = deadline;
    }

    /**
     * Whether a retry still fits before the deadline: the longest back-off stripe-java sleeps
     * before it (its {@code sleepTime}: 0.5 s doubled per retry, at most 5 s) and a whole read
     * timeout.
     */
    boolean retryFits(StripeRequest request) {
      long minDelay = minNetworkRetriesDelay.toMillis();
      long backOff =
          Math.min(
              maxNetworkRetriesDelay.toMillis(), minDelay << Math.max(0, Math.min(tries - 1, 20)));
      return deadline.remainingMillis() > Math.max(minDelay, backOff) + readTimeoutMillis(request);
    }

    @Override
    public void close() {
      BUDGET.remove();
    }
  }
}
