package org.electronicpayments.testkit.stripe;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One API call as an endpoint sees it.
 *
 * @param engine the emulator's state
 * @param data the objects of the account the call is made on
 * @param params the decoded parameters
 * @param pathId the {@code {id}} of the URL, or empty
 * @param requestId the {@code req_…} id answered in {@code Request-Id}; null when called from Java
 * @param idempotencyKey the {@code Idempotency-Key}, if any
 * @param apiVersion the {@code Stripe-Version} sent, or the default
 * @param now the emulator's clock when the call started
 */
record Call(
    Engine engine,
    AccountData data,
    Params params,
    String pathId,
    @Nullable String requestId,
    @Nullable String idempotencyKey,
    String apiVersion,
    Instant now) {

  long created() {
    return now.getEpochSecond();
  }
}
