package org.electronicpayments;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A card a client saved for future use. Holds what may be shown of the card, never its number.
 *
 * @param id the saved card's id (the processor's reusable payment method id)
 * @param agencyId the agency the card was saved with; only that agency may list, manage or charge
 *     it
 * @param clientId the client who owns the card
 * @param nickname the name shown to staff and client, such as {@code Visa 1000}
 * @param card brand, last four, expiry and fingerprint
 * @param savedBy who saved it (an actor's audit name)
 * @param savedAt when it was saved
 * @param consent the consent to keep the card on file recorded when it was saved; {@code null} only
 *     for a card saved before consent was recorded
 */
public record PaymentMethod(
    PaymentMethodId id,
    AgencyId agencyId,
    ClientId clientId,
    String nickname,
    CardDetails card,
    String savedBy,
    Instant savedAt,
    @Nullable CardConsent consent) {

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
   * A card without a consent record (saved before consent was recorded).
   *
   * @param id the saved card's id
   * @param agencyId the agency
   * @param clientId the client
   * @param nickname the name shown
   * @param card what may be shown of the card
   * @param savedBy who saved it
   * @param savedAt when
   */
  public PaymentMethod(
      PaymentMethodId id,
      AgencyId agencyId,
      ClientId clientId,
      String nickname,
      CardDetails card,
      String savedBy,
      Instant savedAt) {
    this(id, agencyId, clientId, nickname, card, savedBy, savedAt, null);
  }

  /**
   * The same card under another name.
   *
   * @param newNickname the new name
   * @return the renamed card
   */
  public PaymentMethod withNickname(String newNickname) {
    return new PaymentMethod(id, agencyId, clientId, newNickname, card, savedBy, savedAt, consent);
  }

  /**
   * The same card with other details (a new expiry).
   *
   * @param newCard the new details
   * @return the updated card
   */
  public PaymentMethod withCard(CardDetails newCard) {
    return new PaymentMethod(id, agencyId, clientId, nickname, newCard, savedBy, savedAt, consent);
  }
}
