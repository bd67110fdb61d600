package org.electronicpayments.testkit.stripe;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Says which fault to inject into the calls chosen by {@link Faults#onNext}, {@link Faults#onCall}
 * or {@link Faults#onEvery}; each terminal method registers the rule and returns it.
 *
 * <pre>{@code
 * emulator.faults().onNext("POST /v1/payment_intents/*\/confirm").commitThenDrop();
 * emulator.faults().onNext("POST /v1/payment_intents").times(2).fail(503);
 * emulator.faults().onCall("GET /v1/payment_intents/*", 2).delay(Duration.ofMillis(300));
 * }</pre>
 */
public final class FaultRuleBuilder {

  /** How long {@link #hang()} holds a request when the client does not give up first. */
  public static final Duration DEFAULT_HANG = Duration.ofSeconds(60);

  private final Faults faults;
  private final String pattern;
  private final int skip;
  private int times;

  FaultRuleBuilder(Faults faults, String pattern, int skip, int times) {
    this.faults = faults;
    this.pattern = pattern;
    this.skip = skip;
    this.times = times;
  }

  /**
   * Applies the fault to this many consecutive matching calls instead of one.
   *
   * @param count at least 1
   * @return this builder
   */
  public FaultRuleBuilder times(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("times must be at least 1, was " + count);
    }
    this.times = count;
    return this;
  }

  /**
   * Added latency: the call waits, then runs and is answered normally. With an idempotency key, the
   * key is in use while it waits.
   */
  public FaultRule delay(Duration latency) {
    return register(FaultKind.DELAY, positive(latency, "latency"), 0, null);
  }

  /**
   * Holds the call without running it until {@link #DEFAULT_HANG} has passed (or the emulator is
   * reset or closed), then drops the connection: the client times out and nothing happened.
   */
  public FaultRule hang() {
    return hang(DEFAULT_HANG);
  }

  /** As {@link #hang()}, holding the call at most {@code max}. */
  public FaultRule hang(Duration max) {
    return register(FaultKind.HANG, positive(max, "max"), 0, null);
  }

  /** Closes the connection without running the call or answering: nothing happened. */
  public FaultRule drop() {
    return register(FaultKind.DROP, Duration.ZERO, 0, null);
  }

  /**
   * Runs the call and commits it (its idempotent response is kept), then closes the connection
   * without answering: the client cannot know it happened. Note that the JDK's {@code
   * HttpURLConnection}, which stripe-java uses, silently sends a request once more when the
   * connection closes without a response; use {@code times(2)} to make it give up. The Stripe
   * module streams a POST's body, which {@code HttpURLConnection} does not re-send; one is enough
   * there.
   */
  public FaultRule commitThenDrop() {
    return register(FaultKind.COMMIT_THEN_DROP, Duration.ZERO, 0, null);
  }

  /**
   * Answers the status (500, 503, 429…) in Stripe's error shape before running the call; nothing is
   * stored for its idempotency key.
   */
  public FaultRule fail(int status) {
    return register(FaultKind.ERROR, Duration.ZERO, errorStatus(status), null);
  }

  /** As {@link #fail(int)}, with the header {@code Stripe-Should-Retry: true|false}. */
  public FaultRule fail(int status, boolean shouldRetry) {
    return register(FaultKind.ERROR, Duration.ZERO, errorStatus(status), shouldRetry);
  }

  /**
   * Runs and answers the call, then drops the next request that arrives, whatever it is, before it
   * runs.
   */
  public FaultRule respondThenDropNext() {
    return register(FaultKind.RESPOND_THEN_DROP_NEXT, Duration.ZERO, 0, null);
  }

  private FaultRule register(
      FaultKind kind, Duration duration, int status, @Nullable Boolean shouldRetry) {
    FaultRule rule = new FaultRule(pattern, kind, skip, times, duration, status, shouldRetry);
    faults.add(rule);
    return rule;
  }

  private static Duration positive(Duration duration, String name) {
    Objects.requireNonNull(duration, name);
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, was " + duration);
    }
    return duration;
  }

  private static int errorStatus(int status) {
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException(
          "status must be an HTTP error (4xx or 5xx), was " + status);
    }
    return status;
  }
}
