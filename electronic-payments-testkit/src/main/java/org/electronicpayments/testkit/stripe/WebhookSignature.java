package org.electronicpayments.testkit.stripe;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs webhook payloads the way Stripe does, so host tests can forge valid deliveries: {@code
 * Stripe-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.payload">}.
 *
 * <pre>{@code
 * String header = WebhookSignature.header(payload, "whsec_test", Instant.now());
 * Event event = Webhook.constructEvent(payload, header, "whsec_test"); // stripe-java accepts it
 * }</pre>
 */
public final class WebhookSignature {

  /** The header Stripe puts the signature in. */
  public static final String HEADER = "Stripe-Signature";

  private WebhookSignature() {}

  /**
   * The value of a {@code Stripe-Signature} header for a payload.
   *
   * @param payload the exact body that is delivered
   * @param secret the endpoint's signing secret, {@code whsec_…}
   * @param timestamp the signing time, written as {@code t=} in whole seconds
   * @return {@code t=…,v1=…}
   */
  public static String header(String payload, String secret, Instant timestamp) {
    Objects.requireNonNull(timestamp, "timestamp");
    long seconds = timestamp.getEpochSecond();
    return "t=" + seconds + ",v1=" + signature(payload, secret, seconds);
  }

  /**
   * The hex HMAC-SHA256 of {@code "<timestamp>.<payload>"} keyed with the secret.
   *
   * @param payload the exact body that is delivered
   * @param secret the signing secret, {@code whsec_…}
   * @param timestampSeconds the signing time in Unix seconds
   * @return the lower-case hex signature, as sent in {@code v1=}
   */
  public static String signature(String payload, String secret, long timestampSeconds) {
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(secret, "secret");
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] digest =
          mac.doFinal((timestampSeconds + "." + payload).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
