package org.electronicpayments.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock tests move by hand. Thread-safe; every zone view shares the same instant.
 *
 * <pre>{@code
 * TestClock clock = TestClock.at("2026-01-01T15:00:00Z");
 * clock.advance(Duration.ofMinutes(5));
 * }</pre>
 */
public final class TestClock extends Clock {

  private final AtomicReference<Instant> now;
  private final ZoneId zone;

  private TestClock(AtomicReference<Instant> now, ZoneId zone) {
    this.now = now;
    this.zone = zone;
  }

  /**
   * A clock standing at an instant, in UTC.
   *
   * @param instant ISO-8601, such as {@code 2026-01-01T15:00:00Z}
   * @return the clock
   */
  public static TestClock at(String instant) {
    return at(Instant.parse(instant));
  }

  /**
   * A clock standing at an instant, in UTC.
   *
   * @param instant the instant
   * @return the clock
   */
  public static TestClock at(Instant instant) {
    return new TestClock(
        new AtomicReference<>(Objects.requireNonNull(instant, "instant")), ZoneOffset.UTC);
  }

  /**
   * Moves the clock on.
   *
   * @param amount how far; not negative
   * @return the new instant
   */
  public Instant advance(Duration amount) {
    if (amount.isNegative()) {
      throw new IllegalArgumentException("a clock does not go back; use set()");
    }
    return now.updateAndGet(t -> t.plus(amount));
  }

  /**
   * Sets the clock.
   *
   * @param instant the new instant
   */
  public void set(Instant instant) {
    now.set(Objects.requireNonNull(instant, "instant"));
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId newZone) {
    return new TestClock(now, newZone);
  }

  @Override
  public Instant instant() {
    return Objects.requireNonNull(now.get(), "now"); // set only to non-null instants
  }
}
