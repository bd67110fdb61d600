package org.electronicpayments;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Which card an electronic payment uses: a card entered for this payment only, a new card saved for
 * future use under a nickname, or a card the client saved before.
 *
 * <p>Cards never arrive as numbers: a new card is a processor token or PaymentMethod id made by the
 * processor's own card form (Stripe Elements gives {@code pm_…}).
 *
 * <pre>{@code
 * CardChoice once = CardChoice.oneTime("pm_1Q…");
 * CardChoice save = CardChoice.saveNew("pm_1Q…", "Visa 1000",
 *     Consent.of(ConsentGiver.CLIENT, ConsentChannel.FRONT_DESK));
 * CardChoice saved = CardChoice.saved(PaymentMethodId.of("pm_1P…"));
 * }</pre>
 */
public sealed interface CardChoice {

  /**
   * A card used for this payment only.
   *
   * @param token the processor's token or PaymentMethod id
   * @return the choice
   */
  static CardChoice oneTime(String token) {
    return new OneTime(token);
  }

  /**
   * A new card, saved for future use under a nickname once the charge succeeds, with the client's
   * consent to keep it on file (required: a request without it is refused with a field error on
   * {@code card.consent}).
   *
   * @param token the processor's token or PaymentMethod id
   * @param nickname the name staff and client will see, such as {@code Visa 1000}
   * @param consent who agreed to keep the card on file, and where
   * @return the choice
   */
  static CardChoice saveNew(String token, String nickname, Consent consent) {
    return new SaveNew(token, nickname, Objects.requireNonNull(consent, "consent"));
  }

  /**
   * A card the client saved before.
   *
   * @param id the saved card
   * @return the choice
   */
  static CardChoice saved(PaymentMethodId id) {
    return new Saved(id);
  }

  /**
   * A card for this payment only.
   *
   * @param token the processor's token or PaymentMethod id
   */
  record OneTime(String token) implements CardChoice {
    /** Requires the token; its form is checked by validation. */
    public OneTime {
      Objects.requireNonNull(token, "token");
    }
  }

  /**
   * A new card to save for future use.
   *
   * @param token the processor's token or PaymentMethod id
   * @param nickname the saved card's name
   * @param consent consent to keep the card on file; required, checked by validation (a request
   *     read from a form or JSON without it is refused with a field error, not a null pointer)
   */
  record SaveNew(String token, String nickname, @Nullable Consent consent) implements CardChoice {
    /** Requires token and nickname; their form, and the consent, are checked by validation. */
    public SaveNew {
      Objects.requireNonNull(token, "token");
      Objects.requireNonNull(nickname, "nickname");
    }
  }

  /**
   * A previously saved card.
   *
   * @param paymentMethodId the saved card
   */
  record Saved(PaymentMethodId paymentMethodId) implements CardChoice {
    /** Requires the id. */
    public Saved {
      Objects.requireNonNull(paymentMethodId, "paymentMethodId");
    }
  }
}
