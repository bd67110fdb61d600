package org.electronicpayments.testkit.stripe;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * An injected fault waiting for the calls it applies to; made by {@link FaultRuleBuilder}.
 * Thread-safe. Every call matching {@link #pattern()} counts; the rule applies to calls after the
 * skipped ones until it has applied {@link #times()} times.
 */
public final class FaultRule {

  private final String pattern;
  private final FaultKind kind;
  private final int skip;
  private final int times;
  private final Duration duration;
  private final int status;
  private final @Nullable Boolean shouldRetry;
  private final CountDownLatch holding = new CountDownLatch(1);
  private int seen;
  private int applied;
  private boolean cancelled;

  FaultRule(
      String pattern,
      FaultKind kind,
      int skip,
      int times,
      Duration duration,
      int status,
      @Nullable Boolean shouldRetry) {
    this.pattern = pattern;
    this.kind = kind;
    this.skip = skip;
    this.times = times;
    this.duration = duration;
    this.status = status;
    this.shouldRetry = shouldRetry;
  }

  /**
   * The pattern of the calls it applies to, such as {@code POST /v1/payment_intents/}{@literal
   * *}{@code /confirm}.
   */
  public String pattern() {
    return pattern;
  }

  /** What it does. */
  public FaultKind kind() {
    return kind;
  }

  /** How many times it applies at most ({@link Integer#MAX_VALUE} for every call). */
  public int times() {
    return times;
  }

  /** How many times it has applied so far. */
  public synchronized int applied() {
    return applied;
  }

  /** Whether it will not apply any more: used up or cancelled. */
  public synchronized boolean isDone() {
    return cancelled || applied >= times;
  }

  /** Stops it applying to further calls. */
  public synchronized void cancel() {
    cancelled = true;
  }

  /**
   * Waits until this rule holds a call: a {@code delay} whose call is waiting (with an idempotency
   * key, the key is already claimed by then, so a second request under it collides) or a {@code
   * hang}. Lets a test act while a call is held without sleeping to guess when that is.
   *
   * <pre>{@code
   * FaultRule slow = emulator.faults().onNext("POST /v1/payment_intents").delay(Duration.ofSeconds(2));
   * CompletableFuture<?> first = CompletableFuture.runAsync(() -> createWithKey("k"));
   * assertThat(slow.awaitHolding(Duration.ofSeconds(5))).isTrue();
   * // a second request with key "k" now gets 409 idempotency_key_in_use
   * }</pre>
   *
   * @param timeout how long to wait at most
   * @return whether a call was held within the timeout
   * @throws InterruptedException if the waiting thread is interrupted
   */
  public boolean awaitHolding(Duration timeout) throws InterruptedException {
    return holding.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** The handler is about to hold a call under this rule. */
  void holding() {
    holding.countDown();
  }

  Duration duration() {
    return duration;
  }

  int status() {
    return status;
  }

  /** {@code Stripe-Should-Retry} to send with an error: true, false, or null for none. */
  @Nullable Boolean shouldRetry() {
    return shouldRetry;
  }

  /** Counts a matching call; true if the rule is due on it. Caller holds the Faults lock. */
  synchronized boolean countCall() {
    seen++;
    return !cancelled && seen > skip && applied < times;
  }

  synchronized void consume() {
    applied++;
  }

  @Override
  public String toString() {
    return kind + " on " + pattern + " (applied " + applied() + "/" + times + ")";
  }
}
