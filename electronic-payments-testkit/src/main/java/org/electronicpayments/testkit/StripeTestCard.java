package org.electronicpayments.testkit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One of Stripe's test cards as both test backends know it (the {@link FakePaymentProcessor} and
 * the Stripe emulator): the {@code pm_card_…} payment method that stands for it, every other name
 * Stripe accepts for it, the card numbers that type it into a card field, and how it behaves. The
 * whole table is {@link StripeTestCards#all()}.
 *
 * <pre>{@code
 * StripeTestCard card = StripeTestCards.find("tok_chargeDeclinedInsufficientFunds").orElseThrow();
 * card.behaviour();               // DECLINES
 * card.decline().declineCode();   // "insufficient_funds"
 * }</pre>
 *
 * @param paymentMethod the test payment method id, such as {@code pm_card_visa}
 * @param aliases the other ids Stripe accepts for it: legacy names and the {@code tok_…} form of
 *     each {@code pm_card_…} name ({@code tok_visa} for {@code pm_card_visa})
 * @param numbers the card numbers that stand for it; the first is the one its payment method
 *     carries (brand, last four and fingerprint come from it)
 * @param brand Stripe's brand: {@code visa}, {@code mastercard}, {@code amex}
 * @param behaviour what charging (and attaching) it does
 * @param decline the card error it ends with, or {@code null} when it never declines by itself
 */
public record StripeTestCard(
    String paymentMethod,
    List<String> aliases,
    List<String> numbers,
    String brand,
    Behaviour behaviour,
    @Nullable Decline decline) {

  private static final String FINGERPRINT_ALPHABET =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

  /** Requires every field but the decline, which a declining behaviour requires. */
  public StripeTestCard {
    Objects.requireNonNull(paymentMethod, "paymentMethod");
    aliases = List.copyOf(aliases);
    numbers = List.copyOf(numbers);
    Objects.requireNonNull(brand, "brand");
    Objects.requireNonNull(behaviour, "behaviour");
    if (numbers.isEmpty()) {
      throw new IllegalArgumentException("numbers must not be empty");
    }
    if ((behaviour == Behaviour.DECLINES || behaviour == Behaviour.ATTACHES_THEN_DECLINES)
        != (decline != null)) {
      throw new IllegalArgumentException("decline must be given exactly when the card declines");
    }
  }

  /** A card from its {@code pm_card_…} id and its numbers; the {@code tok_…} aliases are added. */
  static StripeTestCard of(
      String paymentMethod,
      List<String> legacy,
      List<String> numbers,
      String brand,
      Behaviour behaviour,
      @Nullable Decline decline) {
    List<String> aliases = new ArrayList<>(legacy);
    for (String id : concat(paymentMethod, legacy)) {
      aliases.add("tok_" + id.substring("pm_card_".length()));
    }
    return new StripeTestCard(paymentMethod, aliases, numbers, brand, behaviour, decline);
  }

  /**
   * The number its payment method carries.
   *
   * @return the first of {@link #numbers()}
   */
  public String number() {
    return numbers.get(0);
  }

  /**
   * The last four digits of {@link #number()}.
   *
   * @return such as {@code 4242}
   */
  public String last4() {
    return lastFour(number());
  }

  /**
   * The fingerprint of {@link #number()}: the same on both backends, and the same each time the
   * card is used, as Stripe's is for one card number.
   *
   * @return a 16-character fingerprint
   */
  public String fingerprint() {
    return fingerprintOf(number());
  }

  /**
   * Every id that names it: {@link #paymentMethod()} then {@link #aliases()}.
   *
   * @return the ids
   */
  public List<String> ids() {
    return concat(paymentMethod, aliases);
  }

  /**
   * Whether it can be attached to a customer: every card but those that always decline.
   *
   * @return false for {@link Behaviour#DECLINES}
   */
  public boolean attachable() {
    return behaviour != Behaviour.DECLINES;
  }

  /**
   * The last four digits of a card number.
   *
   * @param number the digits
   * @return its last four
   */
  public static String lastFour(String number) {
    return number.substring(number.length() - 4);
  }

  /**
   * The fingerprint both backends give a card number: derived from the number alone, so two cards
   * with the same number share it and no two test numbers do.
   *
   * @param number the card number
   * @return a 16-character fingerprint
   */
  public static String fingerprintOf(String number) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest(("emulator-fingerprint:" + number).getBytes(StandardCharsets.UTF_8));
      StringBuilder s = new StringBuilder(16);
      for (int i = 0; i < 16; i++) {
        s.append(FINGERPRINT_ALPHABET.charAt((hash[i] & 0xff) % FINGERPRINT_ALPHABET.length()));
      }
      return s.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  private static List<String> concat(String first, List<String> rest) {
    List<String> all = new ArrayList<>(rest.size() + 1);
    all.add(first);
    all.addAll(rest);
    return List.copyOf(all);
  }

  /** What a test card does when it is charged or attached. */
  public enum Behaviour {
    /** Charged; attaches to a customer. */
    SUCCEEDS,
    /** Declined with its {@link #decline()} whenever used, attaching to a customer included. */
    DECLINES,
    /** Attaches to a customer; then every charge is declined with its {@link #decline()}. */
    ATTACHES_THEN_DECLINES,
    /**
     * Always needs 3-D Secure: on-session the PaymentIntent requires action; off-session it is
     * declined with {@link Decline#AUTHENTICATION_REQUIRED}.
     */
    REQUIRES_AUTHENTICATION,
    /**
     * Needs 3-D Secure unless set up for future use: the on-session charge that saves it requires
     * action; once that is completed, off-session charges succeed. Saved without it, it is declined
     * off-session with {@link Decline#AUTHENTICATION_REQUIRED}.
     */
    REQUIRES_AUTHENTICATION_UNLESS_SET_UP
  }

  /**
   * The card error a decline produces, as Stripe sends it.
   *
   * @param code the error's {@code code}, such as {@code card_declined} or {@code expired_card}
   * @param declineCode the {@code decline_code}, or {@code null} when Stripe sends none
   * @param message the error's {@code message}
   * @param param the {@code param} Stripe names, such as {@code cvc}, or {@code null}
   */
  public record Decline(
      String code, @Nullable String declineCode, String message, @Nullable String param) {

    /** {@code card_declined} / {@code generic_decline}: "Your card was declined." */
    public static final Decline GENERIC =
        new Decline("card_declined", "generic_decline", "Your card was declined.", null);

    /** The off-session decline of a card that needs 3-D Secure. */
    public static final Decline AUTHENTICATION_REQUIRED =
        new Decline(
            "authentication_required",
            "authentication_required",
            "Your card was declined. This transaction requires authentication.",
            null);

    /** Requires a code and a message. */
    public Decline {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(message, "message");
    }
  }
}
