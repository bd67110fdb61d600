package org.electronicpayments.spi;

import java.time.Instant;
import java.util.Objects;
import org.electronicpayments.AgencyId;
import org.electronicpayments.CardSetupId;
import org.electronicpayments.ClientId;

/**
 * Saving a card for later off-session charges without charging it (Stripe: a SetupIntent with
 * {@code usage=off_session}), as the processor receives it: opaque ids, the card and the customer.
 *
 * @param setupId the setup
 * @param agencyId the agency
 * @param clientId the client
 * @param idempotencyKey the setup's key; every processor call derives its own from it ({@code key +
 *     "-create"}, {@code key + "-confirm"}…)
 * @param paymentMethod the processor's token or PaymentMethod id of the card
 * @param customerReference the client's customer at the processor, who will own the card
 * @param deadline when the caller stops waiting, on the system clock; never sent to the processor
 */
public record SetupRequest(
    CardSetupId setupId,
    AgencyId agencyId,
    ClientId clientId,
    String idempotencyKey,
    String paymentMethod,
    String customerReference,
    Instant deadline) {

  /** Requires every part. */
  public SetupRequest {
    Objects.requireNonNull(setupId, "setupId");
    Objects.requireNonNull(agencyId, "agencyId");
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    Objects.requireNonNull(paymentMethod, "paymentMethod");
    Objects.requireNonNull(customerReference, "customerReference");
    Objects.requireNonNull(deadline, "deadline");
  }

  /** Leaves out the card. */
  @Override
  public String toString() {
    return "SetupRequest[setup=" + setupId + ", client=" + clientId + "]";
  }
}
