package org.electronicpayments.stripe;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.electronicpayments.ElectronicPayments;
import org.jspecify.annotations.Nullable;

/**
 * Configures {@link StripeWebhooks}: the endpoint's signing secret and the facade to refresh are
 * required. The secret never appears in a message or in {@link #toString()}.
 *
 * <pre>{@code
 * StripeWebhooks webhooks = StripeWebhooks.builder()
 *     .secret(System.getenv("STRIPE_WEBHOOK_SECRET"))
 *     .payments(payments)
 *     .tolerance(Duration.ofMinutes(5))
 *     .build();
 * }</pre>
 */
public final class StripeWebhooksBuilder {

  /** How old a delivery's signature may be by default: stripe-java's five minutes. */
  public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

  /** How many event ids are remembered to drop duplicates by default. */
  public static final int DEFAULT_CAPACITY = 10_000;

  @Nullable String secret;
  @Nullable ElectronicPayments payments;
  @Nullable StripePaymentProcessor processor;
  Duration tolerance = DEFAULT_TOLERANCE;
  Clock clock = Clock.systemUTC();
  int capacity = DEFAULT_CAPACITY;

  StripeWebhooksBuilder() {}

  /**
   * The endpoint's signing secret from the Stripe Dashboard (required).
   *
   * @param secret {@code whsec_…}
   * @return this builder
   */
  public StripeWebhooksBuilder secret(String secret) {
    Objects.requireNonNull(secret, "secret");
    if (!secret.startsWith("whsec_") || secret.length() < 7) {
      throw new IllegalArgumentException(
          "secret must be the endpoint's signing secret, whsec_… (the value is not shown)");
    }
    this.secret = secret;
    return this;
  }

  /**
   * The facade's Stripe processor (optional): dispute events ({@code charge.dispute.*}) name only
   * the PaymentIntent, so the receiver reads the payment's id from it through this processor.
   * Without it, dispute events are ignored and a dispute is recorded at the payment's next {@link
   * ElectronicPayments#refresh refresh}.
   *
   * @param processor the processor the facade was built with
   * @return this builder
   */
  public StripeWebhooksBuilder processor(StripePaymentProcessor processor) {
    this.processor = Objects.requireNonNull(processor, "processor");
    return this;
  }

  /**
   * The facade whose payments the events settle (required).
   *
   * @param payments the facade
   * @return this builder
   */
  public StripeWebhooksBuilder payments(ElectronicPayments payments) {
    this.payments = Objects.requireNonNull(payments, "payments");
    return this;
  }

  /**
   * How old a signed delivery may be.
   *
   * @param tolerance 1 s to 1 h (default 300 s)
   * @return this builder
   */
  public StripeWebhooksBuilder tolerance(Duration tolerance) {
    Objects.requireNonNull(tolerance, "tolerance");
    if (tolerance.toSeconds() < 1 || tolerance.compareTo(Duration.ofHours(1)) > 0) {
      throw new IllegalArgumentException("tolerance must be between 1 s and 1 h");
    }
    this.tolerance = tolerance;
    return this;
  }

  /**
   * The clock signatures' ages are measured with (for tests).
   *
   * @param clock the clock (default system UTC)
   * @return this builder
   */
  public StripeWebhooksBuilder clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /**
   * How many recent event ids are remembered to drop repeated deliveries.
   *
   * @param capacity 1 to 1,000,000 (default 10,000)
   * @return this builder
   */
  public StripeWebhooksBuilder capacity(int capacity) {
    if (capacity < 1 || capacity > 1_000_000) {
      throw new IllegalArgumentException("capacity must be between 1 and 1000000");
    }
    this.capacity = capacity;
    return this;
  }

  /**
   * Checks the settings and builds the receiver.
   *
   * @return the receiver
   * @throws IllegalStateException naming the missing setting
   */
  public StripeWebhooks build() {
    if (secret == null) {
      throw new IllegalStateException(
          "secret is required: the webhook endpoint's signing secret (whsec_…)");
    }
    if (payments == null) {
      throw new IllegalStateException(
          "payments is required: the ElectronicPayments facade to refresh");
    }
    return new StripeWebhooks(this);
  }

  /** Shows the settings without the secret. */
  @Override
  public String toString() {
    return "StripeWebhooksBuilder[secret="
        + (secret == null ? "null" : "whsec_[redacted]")
        + ", tolerance="
        + tolerance
        + ", capacity="
        + capacity
        + "]";
  }
}
