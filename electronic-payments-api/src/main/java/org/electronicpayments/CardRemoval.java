package org.electronicpayments;

import java.time.Instant;
import java.util.Objects;

/**
 * The record kept when a saved card is removed: which card, whose, who removed it and when. The
 * card itself is no longer listed or usable; this record stays.
 *
 * @param cardId the removed card
 * @param agencyId the agency it was saved with
 * @param clientId the client it belonged to
 * @param display what was shown of it, such as {@code Visa •••• 4242}
 * @param removedBy the audit name of the person who removed it
 * @param removedAt when, on the facade's clock
 */
public record CardRemoval(
    PaymentMethodId cardId,
    AgencyId agencyId,
    ClientId clientId,
    String display,
    String removedBy,
    Instant removedAt) {

  /** Requires every part. */
  public CardRemoval {
    Objects.requireNonNull(cardId, "cardId");
    Objects.requireNonNull(agencyId, "agencyId");
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(display, "display");
    Objects.requireNonNull(removedBy, "removedBy");
    Objects.requireNonNull(removedAt, "removedAt");
  }
}
