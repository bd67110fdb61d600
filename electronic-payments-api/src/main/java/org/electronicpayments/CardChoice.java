package org.electronicpayments;

import java.util.Objects;

/**
 * Which card an electronic payment uses: a card entered for this payment only, a new card
 * saved for future use under a nickname, or a card the client saved before.
 *
 * <p>Cards never arrive as numbers: a new card is a processor token or PaymentMethod id made
 * by the processor's own card form (Stripe Elements gives {@code pm_…}).
 *
 * <pre>{@code
 * CardChoice once = CardChoice.oneTime("pm_1Q…");
 * CardChoice save = CardChoice.saveNew("pm_1Q…", "Visa 1000");
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
   * A new card, saved for future use under a nickname once the charge succeeds.
   *
   * @param token the processor's token or PaymentMethod id
   * @param nickname the name staff and client will see, such as {@code Visa 1000}
   * @return the choice
   */
  static CardChoice saveNew(String token, String nickname) {
    return new SaveNew(token, nickname);
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
   */
  record SaveNew(String token, String nickname) implements CardChoice {
    /** Requires both parts; their form is checked by validation. */
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
