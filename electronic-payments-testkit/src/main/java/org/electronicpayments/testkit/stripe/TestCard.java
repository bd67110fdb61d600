package org.electronicpayments.testkit.stripe;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/** Stripe's test PaymentMethods ({@code pm_card_…}) and what each does, per stripe-behaviour.md. */
@SuppressWarnings("ImmutableEnumChecker") // its fields are records of strings and List.of lists
enum TestCard {
  VISA("4242424242424242", "visa", Behaviour.SUCCEED, null, "pm_card_visa"),
  MASTERCARD("5555555555554444", "mastercard", Behaviour.SUCCEED, null, "pm_card_mastercard"),
  AMEX("371449635398431", "amex", Behaviour.SUCCEED, null, "pm_card_amex"),
  CHARGE_DECLINED("4000000000000002", "visa", Behaviour.DECLINE,
      new Decline("card_declined", "generic_decline", "Your card was declined.", null),
      "pm_card_visa_chargeDeclined", "pm_card_chargeDeclined"),
  INSUFFICIENT_FUNDS("4000000000009995", "visa", Behaviour.DECLINE,
      new Decline("card_declined", "insufficient_funds", "Your card has insufficient funds.", null),
      "pm_card_visa_chargeDeclinedInsufficientFunds", "pm_card_chargeDeclinedInsufficientFunds"),
  LOST_CARD("4000000000009987", "visa", Behaviour.DECLINE,
      new Decline("card_declined", "lost_card", "Your card was declined.", null),
      "pm_card_visa_chargeDeclinedLostCard"),
  STOLEN_CARD("4000000000009979", "visa", Behaviour.DECLINE,
      new Decline("card_declined", "stolen_card", "Your card was declined.", null),
      "pm_card_visa_chargeDeclinedStolenCard"),
  EXPIRED_CARD("4000000000000069", "visa", Behaviour.DECLINE,
      new Decline("expired_card", null, "Your card has expired.", "exp_month"),
      "pm_card_chargeDeclinedExpiredCard"),
  INCORRECT_CVC("4000000000000127", "visa", Behaviour.DECLINE,
      new Decline("incorrect_cvc", null, "Your card's security code is incorrect.", "cvc"),
      "pm_card_chargeDeclinedIncorrectCvc"),
  PROCESSING_ERROR("4000000000000119", "visa", Behaviour.DECLINE,
      new Decline("processing_error", null,
          "An error occurred while processing your card. Try again in a little bit.", null),
      "pm_card_chargeDeclinedProcessingError"),
  CHARGE_CUSTOMER_FAIL("4000000000000341", "visa", Behaviour.CHARGE_FAILS,
      new Decline("card_declined", "generic_decline", "Your card was declined.", null),
      "pm_card_chargeCustomerFail"),
  AUTHENTICATION_REQUIRED("4000002760003184", "visa", Behaviour.ALWAYS_AUTHENTICATE,
      Decline.AUTHENTICATION_REQUIRED, "pm_card_authenticationRequired"),
  AUTHENTICATION_REQUIRED_ON_SETUP("4000002500003155", "visa",
      Behaviour.AUTHENTICATE_UNLESS_SET_UP, Decline.AUTHENTICATION_REQUIRED,
      "pm_card_authenticationRequiredOnSetup");

  private static final Map<String, TestCard> BY_TOKEN =
      Stream.of(values())
          .flatMap(card -> card.tokens.stream().map(token -> Map.entry(token, card)))
          .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));

  final String number;
  final String brand;
  final Behaviour behaviour;
  final @Nullable Decline decline;
  final List<String> tokens;
  final String fingerprint;

  TestCard(String number, String brand, Behaviour behaviour, @Nullable Decline decline,
      String... tokens) {
    this.number = number;
    this.brand = brand;
    this.behaviour = behaviour;
    this.decline = decline;
    this.tokens = List.of(tokens);
    this.fingerprint = fingerprintOf(number);
  }

  /** The test card for a {@code pm_card_…} token, if it is one. */
  static Optional<TestCard> forToken(String id) {
    return Optional.ofNullable(BY_TOKEN.get(id));
  }

  String last4() {
    return number.substring(number.length() - 4);
  }

  /** Rows 2–7 of the table: the card is declined whenever it is used, attaching included. */
  boolean declinesAlways() {
    return behaviour == Behaviour.DECLINE;
  }

  private static String fingerprintOf(String number) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256")
          .digest(("emulator-fingerprint:" + number).getBytes(StandardCharsets.UTF_8));
      String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
      StringBuilder s = new StringBuilder();
      for (int i = 0; i < 16; i++) {
        s.append(alphabet.charAt((hash[i] & 0xff) % alphabet.length()));
      }
      return s.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** How a test card reacts to a charge. */
  enum Behaviour {
    SUCCEED, DECLINE, CHARGE_FAILS, ALWAYS_AUTHENTICATE, AUTHENTICATE_UNLESS_SET_UP
  }

  /** The card error a decline produces. */
  record Decline(String code, @Nullable String declineCode, String message,
      @Nullable String param) {

    static final Decline AUTHENTICATION_REQUIRED = new Decline("authentication_required",
        "authentication_required",
        "Your card was declined. This transaction requires authentication.", null);

    static final Decline AUTHENTICATION_FAILED = new Decline(
        "payment_intent_authentication_failure", null,
        "The provided PaymentMethod has failed authentication. You can provide payment_method_data"
            + " or a new PaymentMethod to attempt to fulfill this PaymentIntent again.", null);
  }
}
