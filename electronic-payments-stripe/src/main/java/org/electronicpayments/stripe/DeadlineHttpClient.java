package org.electronicpayments.stripe;

import com.stripe.exception.ApiConnectionException;
import com.stripe.net.HttpURLConnectionClient;
import com.stripe.net.StripeRequest;
import com.stripe.net.StripeResponse;
import org.jspecify.annotations.Nullable;

/**
 * stripe-java's own HTTP client, told about the deadline of the operation running on this
 * thread. stripe-java calls {@link #request} once per try; the first try always runs (its timeouts
 * are already cut to the time left), and a retry runs only while a full read timeout still fits
 * before the deadline. Otherwise the try fails as a connection failure without a retryable cause,
 * which ends stripe-java's retries: the caller then reports the outcome as unknown.
 */
final class DeadlineHttpClient extends HttpURLConnectionClient {

  private static final ThreadLocal<@Nullable Budget> BUDGET = new ThreadLocal<>();

  /** Runs stripe-java calls of this thread under a deadline until {@link Budget#close()}. */
  static Budget start(Deadline deadline) {
    Budget budget = new Budget(deadline);
    BUDGET.set(budget);
    return budget;
  }

  @Override
  public StripeResponse request(StripeRequest request) throws ApiConnectionException {
    Budget budget = BUDGET.get();
    if (budget != null) {
      long left = budget.deadline.remainingMillis();
      Integer read = request.options().getReadTimeout();
      boolean retry = budget.tries++ > 0;
      if (left == 0 || (retry && read != null && left < read)) {
        throw new ApiConnectionException("No time left before the deadline for another try of "
            + request.method() + " " + request.url().getPath());
      }
    }
    return super.request(request);
  }

  /** The deadline of the operation running on this thread and the tries of its current request. */
  static final class Budget implements AutoCloseable {
    private final Deadline deadline;
    private int tries;

    private Budget(Deadline deadline) {
      this.deadline = deadline;
    }

    @Override
    public void close() {
      BUDGET.remove();
    }
  }
}
