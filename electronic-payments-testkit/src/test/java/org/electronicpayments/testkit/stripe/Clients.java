package org.electronicpayments.testkit.stripe;

import com.stripe.StripeClient;
import com.stripe.net.RequestOptions;

/** stripe-java clients pointed at an emulator, with short timeouts and no retries unless asked. */
final class Clients {

  static final String API_KEY = "sk_test_emulator";

  private Clients() {}

  static StripeClient client(StripeEmulator emulator) {
    return client(emulator, 0, 5_000);
  }

  static StripeClient client(StripeEmulator emulator, int maxRetries, int readTimeoutMillis) {
    return StripeClient.builder()
        .setApiKey(API_KEY)
        .setApiBase(emulator.baseUrl())
        .setConnectTimeout(1_000)
        .setReadTimeout(readTimeoutMillis)
        .setMaxNetworkRetries(maxRetries)
        .build();
  }

  static RequestOptions key(String idempotencyKey) {
    return RequestOptions.builder().setIdempotencyKey(idempotencyKey).build();
  }

  static RequestOptions account(String account) {
    return RequestOptions.builder().setStripeAccount(account).build();
  }
}
