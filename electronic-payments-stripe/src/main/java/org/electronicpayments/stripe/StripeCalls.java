package org.electronicpayments.stripe;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.StripeException;
import com.stripe.net.RequestOptions;
import org.jspecify.annotations.Nullable;

/**
 * Runs stripe-java calls on the processor's one {@link StripeClient}: each with its idempotency
 * key, the {@code Stripe-Account} of the settings, and connect/read timeouts cut to the time left
 * before the operation's deadline, which {@link DeadlineHttpClient} enforces for the request as a
 * whole (stripe-java's retries included).
 */
final class StripeCalls {

  private final StripeClient client;
  private final StripeSettings settings;
  private final boolean bounded;

  StripeCalls(StripeSettings settings, @Nullable StripeClient injected) {
    this.settings = settings;
    this.client = injected != null ? injected : newClient(settings);
    this.bounded = injected == null;
  }

  /**
   * Whether every call returns by its deadline on its own: true for the processor's own client,
   * whose {@link DeadlineHttpClient} bounds each try as a whole; not for a client a test injected.
   */
  boolean returnsByDeadline() {
    return bounded;
  }

  /**
   * Runs one request (stripe-java's retries included) before the deadline.
   *
   * @param deadline the operation's deadline
   * @param idempotencyKey the key for a POST; {@code null} for reads and naturally idempotent
   *     writes
   * @param call the request
   * @throws StripeException as stripe-java throws it; an {@link ApiConnectionException} when no
   *     time is left
   */
  @SuppressWarnings("try") // the budget bounds the HTTP calls made on this thread while it is open
  <T> T call(Deadline deadline, @Nullable String idempotencyKey, Call<T> call)
      throws StripeException {
    long left = deadline.remainingMillis();
    if (left == 0) {
      throw new ApiConnectionException(
          "The operation's deadline passed before the request was sent");
    }
    RequestOptions.RequestOptionsBuilder options =
        RequestOptions.builder()
            .setConnectTimeout((int) Math.min(settings.connectTimeout().toMillis(), left))
            .setReadTimeout((int) Math.min(settings.readTimeout().toMillis(), left));
    if (idempotencyKey != null) {
      options.setIdempotencyKey(idempotencyKey);
    }
    if (settings.stripeAccount() != null) {
      options.setStripeAccount(settings.stripeAccount());
    }
    try (DeadlineHttpClient.Budget budget = DeadlineHttpClient.start(deadline)) {
      return call.run(client, options.build());
    }
  }

  private static StripeClient newClient(StripeSettings settings) {
    StripeClient.StripeClientBuilder builder =
        StripeClient.builder()
            .setApiKey(settings.secretKey())
            .setApiBase(settings.apiBase())
            .setConnectTimeout((int) settings.connectTimeout().toMillis())
            .setReadTimeout((int) settings.readTimeout().toMillis())
            .setMaxNetworkRetries(settings.maxNetworkRetries())
            .setHttpClient(new DeadlineHttpClient(settings.connectTimeout()));
    if (settings.stripeAccount() != null) {
      builder.setStripeAccount(settings.stripeAccount());
    }
    if (settings.proxy() != null) {
      builder.setConnectionProxy(settings.proxy());
    }
    if (settings.proxyCredential() != null) {
      builder.setProxyCredential(settings.proxyCredential());
    }
    return builder.build();
  }

  /** One stripe-java request. */
  @FunctionalInterface
  interface Call<T> {
    T run(StripeClient client, RequestOptions options) throws StripeException;
  }
}
