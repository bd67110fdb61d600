package org.electronicpayments.testkit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.electronicpayments.testkit.StripeTestCard.Behaviour;
import org.electronicpayments.testkit.StripeTestCard.Decline;
import org.jspecify.annotations.Nullable;

/**
 * Stripe's test cards: the one table of test-card behaviour that the {@link FakePaymentProcessor}
 * and the Stripe emulator both use, so a host test gets the same outcome on either backend. Each
 * card is named by its {@code pm_card_…} id (the constants below), Stripe's legacy aliases ({@code
 * pm_card_chargeDeclined}…) and the {@code tok_…} form of each ({@code tok_visa}); a card field
 * takes its numbers ({@code 4242 4242 4242 4242}).
 *
 * <pre>{@code
 * PaymentRequest request = PaymentRequest.builder()…oneTimeCard(StripeTestCards.VISA)…build();
 * StripeTestCard card = StripeTestCards.byNumber("4000000000009995").orElseThrow();
 * }</pre>
 */
public final class StripeTestCards {

  /** Visa 4242; succeeds. */
  public static final String VISA = "pm_card_visa";

  /** Mastercard 4444; succeeds. */
  public static final String MASTERCARD = "pm_card_mastercard";

  /** American Express 8431; succeeds. */
  public static final String AMEX = "pm_card_amex";

  /** Declined: {@code card_declined} / {@code generic_decline}; cannot be attached. */
  public static final String DECLINED = "pm_card_visa_chargeDeclined";

  /** Declined: {@code card_declined} / {@code insufficient_funds}; cannot be attached. */
  public static final String INSUFFICIENT_FUNDS = "pm_card_visa_chargeDeclinedInsufficientFunds";

  /** Declined: {@code card_declined} / {@code lost_card}; cannot be attached. */
  public static final String LOST_CARD = "pm_card_visa_chargeDeclinedLostCard";

  /** Declined: {@code card_declined} / {@code stolen_card}; cannot be attached. */
  public static final String STOLEN_CARD = "pm_card_visa_chargeDeclinedStolenCard";

  /** Declined: {@code expired_card}, no decline code; cannot be attached. */
  public static final String EXPIRED_CARD = "pm_card_chargeDeclinedExpiredCard";

  /** Declined: {@code incorrect_cvc}, no decline code; cannot be attached. */
  public static final String INCORRECT_CVC = "pm_card_chargeDeclinedIncorrectCvc";

  /** Declined: {@code processing_error}, no decline code; cannot be attached. */
  public static final String PROCESSING_ERROR = "pm_card_chargeDeclinedProcessingError";

  /**
   * Attaches to a customer, then every charge is declined ({@code card_declined} / {@code
   * generic_decline}).
   */
  public static final String CUSTOMER_FAIL = "pm_card_chargeCustomerFail";

  /**
   * Always needs 3-D Secure: action required on-session, {@code authentication_required}
   * off-session.
   */
  public static final String AUTHENTICATION_REQUIRED = "pm_card_authenticationRequired";

  /**
   * Needs 3-D Secure unless set up for future use: the on-session charge that saves it needs the
   * client's action; once that is completed, off-session charges succeed. One-time charges need
   * action on-session, and a card saved without completing it is declined off-session ({@code
   * authentication_required}).
   */
  public static final String AUTHENTICATION_REQUIRED_ON_SETUP =
      "pm_card_authenticationRequiredOnSetup";

  private static final String DECLINED_MESSAGE = "Your card was declined.";

  private static final List<StripeTestCard> ALL =
      List.of(
          card(VISA, List.of(), List.of("4242424242424242"), "visa", Behaviour.SUCCEEDS, null),
          card(
              MASTERCARD,
              List.of(),
              List.of("5555555555554444"),
              "mastercard",
              Behaviour.SUCCEEDS,
              null),
          card(
              AMEX,
              List.of(),
              List.of("371449635398431", "378282246310005"),
              "amex",
              Behaviour.SUCCEEDS,
              null),
          card(
              DECLINED,
              List.of("pm_card_chargeDeclined"),
              List.of("4000000000000002"),
              "visa",
              Behaviour.DECLINES,
              Decline.GENERIC),
          card(
              INSUFFICIENT_FUNDS,
              List.of("pm_card_chargeDeclinedInsufficientFunds"),
              List.of("4000000000009995"),
              "visa",
              Behaviour.DECLINES,
              new Decline(
                  "card_declined",
                  "insufficient_funds",
                  "Your card has insufficient funds.",
                  null)),
          card(
              LOST_CARD,
              List.of("pm_card_chargeDeclinedLostCard"),
              List.of("4000000000009987"),
              "visa",
              Behaviour.DECLINES,
              new Decline("card_declined", "lost_card", DECLINED_MESSAGE, null)),
          card(
              STOLEN_CARD,
              List.of("pm_card_chargeDeclinedStolenCard"),
              List.of("4000000000009979"),
              "visa",
              Behaviour.DECLINES,
              new Decline("card_declined", "stolen_card", DECLINED_MESSAGE, null)),
          card(
              EXPIRED_CARD,
              List.of(),
              List.of("4000000000000069"),
              "visa",
              Behaviour.DECLINES,
              new Decline("expired_card", null, "Your card has expired.", "exp_month")),
          card(
              INCORRECT_CVC,
              List.of(),
              List.of("4000000000000127"),
              "visa",
              Behaviour.DECLINES,
              new Decline("incorrect_cvc", null, "Your card's security code is incorrect.", "cvc")),
          card(
              PROCESSING_ERROR,
              List.of(),
              List.of("4000000000000119"),
              "visa",
              Behaviour.DECLINES,
              new Decline(
                  "processing_error",
                  null,
                  "An error occurred while processing your card. Try again in a little bit.",
                  null)),
          card(
              CUSTOMER_FAIL,
              List.of(),
              List.of("4000000000000341"),
              "visa",
              Behaviour.ATTACHES_THEN_DECLINES,
              Decline.GENERIC),
          card(
              AUTHENTICATION_REQUIRED,
              List.of(),
              List.of("4000002760003184"),
              "visa",
              Behaviour.REQUIRES_AUTHENTICATION,
              null),
          card(
              AUTHENTICATION_REQUIRED_ON_SETUP,
              List.of(),
              List.of("4000002500003155"),
              "visa",
              Behaviour.REQUIRES_AUTHENTICATION_UNLESS_SET_UP,
              null));

  private static final Map<String, StripeTestCard> BY_ID = new HashMap<>();
  private static final Map<String, StripeTestCard> BY_NUMBER = new HashMap<>();

  static {
    for (StripeTestCard card : ALL) {
      card.ids().forEach(id -> index(BY_ID, id, card));
      card.numbers().forEach(number -> index(BY_NUMBER, number, card));
    }
  }

  private StripeTestCards() {}

  /**
   * Every test card, in the order of the constants above.
   *
   * @return the table, unmodifiable
   */
  public static List<StripeTestCard> all() {
    return ALL;
  }

  /**
   * The test card an id names: its {@code pm_card_…} id, a legacy alias or a {@code tok_…} form.
   *
   * @param id the id, such as {@code pm_card_visa} or {@code tok_chargeDeclined}
   * @return the card, or empty when the id names no test card
   */
  public static Optional<StripeTestCard> find(String id) {
    return Optional.ofNullable(BY_ID.get(id));
  }

  /**
   * The test card a card number stands for, as typed into a card field (spaces allowed). A payment
   * method made from a typed number carries that number's own last four and fingerprint ({@link
   * StripeTestCard#lastFour}, {@link StripeTestCard#fingerprintOf}), which differ from the card's
   * when the number is not its first.
   *
   * @param number the card number, such as {@code 4242 4242 4242 4242}
   * @return the card, or empty when the number is not one of Stripe's test numbers here
   */
  public static Optional<StripeTestCard> byNumber(String number) {
    return Optional.ofNullable(BY_NUMBER.get(number.replace(" ", "")));
  }

  private static StripeTestCard card(
      String id,
      List<String> legacy,
      List<String> numbers,
      String brand,
      Behaviour behaviour,
      @Nullable Decline decline) {
    return StripeTestCard.of(id, legacy, numbers, brand, behaviour, decline);
  }

  private static void index(Map<String, StripeTestCard> index, String key, StripeTestCard card) {
    if (index.putIfAbsent(key, card) != null) {
      throw new IllegalStateException("Two test cards share " + key);
    }
  }
}
