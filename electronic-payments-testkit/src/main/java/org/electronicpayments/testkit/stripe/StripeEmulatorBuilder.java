package org.electronicpayments.testkit.stripe;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Configures and starts a {@link StripeEmulator}.
 *
 * <pre>{@code
 * StripeEmulator emulator = StripeEmulator.builder()
 *     .webhookUrl(URI.create("http://127.0.0.1:8080/stripe/webhook"))
 *     .webhookSecret("whsec_test_emulator")
 *     .idempotencyRetention(Duration.ofHours(24))
 *     .start();
 * }</pre>
 */
public final class StripeEmulatorBuilder {

  /** Port 0: any free port. */
  public static final int ANY_PORT = 0;

  /** How long Stripe keeps idempotency keys: 24 hours. */
  public static final Duration DEFAULT_IDEMPOTENCY_RETENTION = Duration.ofHours(24);

  /** How many requests the request log keeps by default; older ones are forgotten. */
  public static final int DEFAULT_REQUEST_LOG_CAPACITY = 100_000;

  /** The signing secret used when none is set. */
  public static final String DEFAULT_WEBHOOK_SECRET = "whsec_emulator";

  private int port = ANY_PORT;
  private Clock clock = Clock.systemUTC();
  private Duration idempotencyRetention = DEFAULT_IDEMPOTENCY_RETENTION;
  private String webhookSecret = DEFAULT_WEBHOOK_SECRET;
  private @Nullable URI webhookUrl;
  private int requestLogCapacity = DEFAULT_REQUEST_LOG_CAPACITY;

  StripeEmulatorBuilder() {}

  /** The loopback port to listen on; {@link #ANY_PORT} (the default) picks a free one. */
  public StripeEmulatorBuilder port(int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
    }
    this.port = port;
    return this;
  }

  /**
   * The clock for {@code created} times, events and idempotency-key expiry; UTC system clock by
   * default.
   */
  public StripeEmulatorBuilder clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /** How long an idempotency key's first response is replayed; 24 hours by default. */
  public StripeEmulatorBuilder idempotencyRetention(Duration retention) {
    Objects.requireNonNull(retention, "idempotencyRetention");
    if (retention.isNegative() || retention.isZero()) {
      throw new IllegalArgumentException("idempotencyRetention must be positive, was " + retention);
    }
    this.idempotencyRetention = retention;
    return this;
  }

  /** The endpoint secret webhooks are signed with, {@code whsec_…}. */
  public StripeEmulatorBuilder webhookSecret(String secret) {
    Objects.requireNonNull(secret, "webhookSecret");
    if (!secret.startsWith("whsec_")) {
      throw new IllegalArgumentException("webhookSecret must start with whsec_");
    }
    this.webhookSecret = secret;
    return this;
  }

  /** Where to POST every event, signed; none by default (events are still listable). */
  public StripeEmulatorBuilder webhookUrl(URI url) {
    Objects.requireNonNull(url, "webhookUrl");
    if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
      throw new IllegalArgumentException("webhookUrl must be http or https, was " + url);
    }
    this.webhookUrl = url;
    return this;
  }

  /** How many requests {@link StripeEmulator#requests()} keeps, the newest; 100 000 by default. */
  public StripeEmulatorBuilder requestLogCapacity(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("requestLogCapacity must be at least 1, was " + capacity);
    }
    this.requestLogCapacity = capacity;
    return this;
  }

  /** Starts the emulator with these settings. */
  public StripeEmulator start() {
    return new StripeEmulator(
        port, clock, idempotencyRetention, webhookSecret, webhookUrl, requestLogCapacity);
  }
}
