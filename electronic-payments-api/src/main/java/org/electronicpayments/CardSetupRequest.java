package org.electronicpayments;

import org.jspecify.annotations.Nullable;

/**
 * A card to save for a client without charging it: the portal's "add a card", or staff saving a
 * card the client gave by phone. The card arrives as the processor's token or PaymentMethod id from
 * its card form, never as a number. The facade validates every part and reports each problem as a
 * field error ({@code clientId}, {@code token}, {@code nickname}, {@code consent}).
 *
 * <pre>{@code
 * CardSetupResult r = payments.saveCard(actor, new CardSetupRequest(ClientId.of("1000"), "pm_1Q…",
 *     "Visa 1000", Consent.of(ConsentGiver.CLIENT, ConsentChannel.PORTAL)));
 * }</pre>
 *
 * @param clientId the client who will own the card
 * @param token the processor's token or PaymentMethod id
 * @param nickname the name staff and client will see
 * @param consent who agreed to keep the card on file and where; required
 */
public record CardSetupRequest(
    @Nullable ClientId clientId,
    @Nullable String token,
    @Nullable String nickname,
    @Nullable Consent consent) {

  /** Leaves out the token. */
  @Override
  public String toString() {
    return "CardSetupRequest[client="
        + clientId
        + ", nickname="
        + nickname
        + ", consent="
        + consent
        + "]";
  }
}
