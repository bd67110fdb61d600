package org.electronicpayments.testkit.stripe;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A charge in the emulator's ledger, as {@link StripeEmulator#charges()} shows it: what a test
 * asserts on to prove that a payment was taken exactly once.
 *
 * @param id the {@code ch_…} id
 * @param account the connected account ({@code Stripe-Account}), or null for the platform
 * @param paymentIntent the PaymentIntent it belongs to
 * @param customer the customer, if any
 * @param paymentMethod the PaymentMethod charged
 * @param amount in minor units
 * @param currency lower-case ISO code
 * @param status {@code succeeded} or {@code failed}
 * @param amountRefunded in minor units
 * @param metadata the PaymentIntent's metadata when it was charged
 * @param created when it was made, by the emulator's clock
 */
public record ChargeRecord(
    String id,
    @Nullable String account,
    String paymentIntent,
    @Nullable String customer,
    String paymentMethod,
    long amount,
    String currency,
    String status,
    long amountRefunded,
    Map<String, String> metadata,
    Instant created) {

  /** Copies the metadata and checks the required fields. */
  public ChargeRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(status, "status");
    metadata = Map.copyOf(metadata);
  }

  /** Whether the money was taken. */
  public boolean succeeded() {
    return "succeeded".equals(status);
  }
}
