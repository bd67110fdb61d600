package org.electronicpayments;

import java.time.Instant;
import java.util.Objects;

/**
 * A card a client saved for future use. Holds what may be shown of the card, never its number.
 *
 * @param id the saved card's id (the processor's reusable payment method id)
 * @param agencyId the agency the card was saved with; only that agency may list, manage or charge it
 * @param clientId the client who owns the card
 * @param nickname the name shown to staff and client, such as {@code Visa 1000}
 * @param card brand, last four, expiry and fingerprint
 * @param savedBy who saved it (an actor's audit name)
 * @param savedAt when it was saved
 */
public record PaymentMethod(PaymentMethodId id, AgencyId agencyId, ClientId clientId, String nickname,
    CardDetails card, String savedBy, Instant savedAt) {

  /** Checks the parts are present. */
  public PaymentMethod {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(agencyId, "agencyId");
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(nickname, "nickname");
    Objects.requireNonNull(card, "card");
    Objects.requireNonNull(savedBy, "savedBy");
    Objects.requireNonNull(savedAt, "savedAt");
  }

  /**
   * The same card under another name.
   *
   * @param newNickname the new name
   * @return the renamed card
   */
  public PaymentMethod withNickname(String newNickname) {
    return new PaymentMethod(id, agencyId, clientId, newNickname, card, savedBy, savedAt);
  }

  /**
   * The same card with other details (a new expiry).
   *
   * @param newCard the new details
   * @return the updated card
   */
  public PaymentMethod withCard(CardDetails newCard) {
    return new PaymentMethod(id, agencyId, clientId, nickname, newCard, savedBy, savedAt);
  }
}
