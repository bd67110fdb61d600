package org.electronicpayments.spi;

import java.util.Objects;
import org.electronicpayments.AgencyId;
import org.electronicpayments.ClientId;

/**
 * Asks the processor for the client's customer, the owner of their saved cards. The processor sees
 * opaque ids only.
 *
 * @param agencyId the agency
 * @param clientId the client
 * @param idempotencyKey a key derived from agency and client, so a retry makes no second customer
 */
public record CustomerRequest(AgencyId agencyId, ClientId clientId, String idempotencyKey) {

  /** Requires every part. */
  public CustomerRequest {
    Objects.requireNonNull(agencyId, "agencyId");
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
  }
}
