package org.electronicpayments.stripe;

import com.stripe.exception.ApiConnectionException;
import com.stripe.net.HttpHeaders;
import com.stripe.net.HttpURLConnectionClient;
import com.stripe.net.StripeRequest;
import com.stripe.net.StripeResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * stripe-java's own HTTP client, told about the deadline of the operation running on this
 * thread. stripe-java calls {@link #request} once per try and decides on retries itself; this
 * client lets a retry happen only while a full read timeout still fits before the deadline.
 * When it does not, a failed try is reported to stripe-java as not retryable (a connection
 * failure with a non-retryable cause, or a response marked {@code Stripe-Should-Retry: false}),
 * so stripe-java neither sleeps nor retries, and the caller reports the outcome as unknown on time.
 */
final class DeadlineHttpClient extends HttpURLConnectionClient {

  private static final ThreadLocal<@Nullable Budget> BUDGET = new ThreadLocal<>();
  private static final long MIN_RETRY_MILLIS = 500;

  /** Runs stripe-java calls of this thread under a deadline until {@link Budget#close()}. */
  static Budget start(Deadline deadline) {
    Budget budget = new Budget(deadline);
    BUDGET.set(budget);
    return budget;
  }

  @Override
  public StripeResponse request(StripeRequest request) throws ApiConnectionException {
    Budget budget = BUDGET.get();
    if (budget == null) {
      return super.request(request);
    }
    if (budget.tries++ > 0 && !budget.retryFits(request)) {
      throw new ApiConnectionException("No time left before the deadline for another try of "
          + request.method() + " " + request.url().getPath());
    }
    StripeResponse response;
    try {
      response = super.request(request);
    } catch (ApiConnectionException e) {
      if (budget.retryFits(request)) {
        throw e;
      }
      throw new ApiConnectionException(e.getMessage(), new IOException("no time left for a retry", e.getCause()));
    }
    if (response.code() < 400 || budget.retryFits(request)) {
      return response;
    }
    Map<String, List<String>> headers = new LinkedHashMap<>(response.headers().map());
    headers.keySet().removeIf(name -> name == null || name.equalsIgnoreCase("Stripe-Should-Retry"));
    headers.put("Stripe-Should-Retry", List.of("false"));
    return new StripeResponse(response.code(), HttpHeaders.of(headers), response.body());
  }

  /** The deadline of the operation running on this thread and the tries of its current request. */
  static final class Budget implements AutoCloseable {
    private final Deadline deadline;
    private int tries;

    private Budget(Deadline deadline) {
      this.deadline = deadline;
    }

    /** Whether a retry (back-off and a whole read timeout) still fits before the deadline. */
    boolean retryFits(StripeRequest request) {
      Integer read = request.options().getReadTimeout();
      long left = deadline.remainingMillis();
      return left > MIN_RETRY_MILLIS + (read == null ? 0 : read);
    }

    @Override
    public void close() {
      BUDGET.remove();
    }
  }
}
