package org.electronicpayments;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The journal record of saving a card without a payment. It is stored, with its idempotency key,
 * before the processor is called, and after every change, so an unknown outcome can be settled by
 * {@code reconcile} and a card is never saved twice.
 *
 * @param id the setup
 * @param agencyId the agency
 * @param clientId the client who will own the card
 * @param token the processor's token or PaymentMethod id of the card to save
 * @param nickname the name the saved card gets
 * @param consent the consent recorded for the card
 * @param idempotencyKey the key every processor call of this setup derives its own from
 * @param status where it stands
 * @param processorReference the processor's id for the setup (Stripe's {@code seti_…}), once known
 * @param savedCard the card saved for the client, once {@link CardSetupStatus#SUCCEEDED}
 * @param failure why nothing was saved, once {@link CardSetupStatus#FAILED}
 * @param createdBy the audit name of who asked
 * @param createdAt when it was journaled
 * @param updatedAt when it last changed
 * @param version the store's compare-and-set version, 0 when first stored
 */
public record CardSetup(
    CardSetupId id,
    AgencyId agencyId,
    ClientId clientId,
    String token,
    String nickname,
    CardConsent consent,
    String idempotencyKey,
    CardSetupStatus status,
    @Nullable String processorReference,
    @Nullable PaymentMethodId savedCard,
    @Nullable PaymentFailure failure,
    String createdBy,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  /** Requires the parts that are always present. */
  public CardSetup {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(agencyId, "agencyId");
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(nickname, "nickname");
    Objects.requireNonNull(consent, "consent");
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(createdBy, "createdBy");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  /**
   * The same setup moved to another status at the given time, with the given processor reference,
   * saved card and failure; the version is left for the store to move on.
   *
   * @param newStatus the status
   * @param reference the processor's reference, or {@code null} to keep the current one
   * @param card the saved card, if any
   * @param why the failure, if any
   * @param at when
   * @return the changed setup
   */
  public CardSetup moved(
      CardSetupStatus newStatus,
      @Nullable String reference,
      @Nullable PaymentMethodId card,
      @Nullable PaymentFailure why,
      Instant at) {
    return new CardSetup(
        id,
        agencyId,
        clientId,
        token,
        nickname,
        consent,
        idempotencyKey,
        newStatus,
        reference != null ? reference : processorReference,
        card,
        why,
        createdBy,
        createdAt,
        at,
        version);
  }

  /**
   * The same setup as the store holds it after one more write.
   *
   * @return the setup with the version moved on by one
   */
  public CardSetup nextVersion() {
    return new CardSetup(
        id,
        agencyId,
        clientId,
        token,
        nickname,
        consent,
        idempotencyKey,
        status,
        processorReference,
        savedCard,
        failure,
        createdBy,
        createdAt,
        updatedAt,
        version + 1);
  }

  /** Leaves out the token. */
  @Override
  public String toString() {
    return "CardSetup[id="
        + id
        + ", client="
        + clientId
        + ", status="
        + status
        + ", reference="
        + processorReference
        + ", savedCard="
        + savedCard
        + ", version="
        + version
        + "]";
  }
}
