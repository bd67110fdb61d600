package org.electronicpayments.testkit;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.electronicpayments.CardDetails;
import org.electronicpayments.PaymentFailure;
import org.jspecify.annotations.Nullable;

/** One of Stripe's test payment methods: the card it stands for and how it behaves. */
record TestCard(String id, Behaviour behaviour, CardDetails details, @Nullable PaymentFailure failure) {

  /** Far enough ahead that a test card never expires during a test run. */
  @SuppressWarnings("TimeInStaticInitializer") // years ahead: when the class loads does not matter
  static final YearMonth EXPIRY = YearMonth.now(ZoneOffset.UTC).plusYears(3).withMonth(12);
  static final String DECLINED_MESSAGE = "Your card was declined.";
  static final PaymentFailure GENERIC_DECLINE =
      PaymentFailure.declined("card_declined", "generic_decline", DECLINED_MESSAGE);
  static final PaymentFailure AUTHENTICATION_REQUIRED = PaymentFailure.declined("authentication_required",
      "authentication_required", "Your card was declined. This transaction requires authentication.");

  private static final Map<String, TestCard> CARDS = new HashMap<>();

  static {
    add(StripeTestCards.VISA, Behaviour.SUCCEED, "visa", "4242", null);
    add(StripeTestCards.MASTERCARD, Behaviour.SUCCEED, "mastercard", "4444", null);
    add(StripeTestCards.AMEX, Behaviour.SUCCEED, "amex", "8431", null);
    add(StripeTestCards.DECLINED, Behaviour.DECLINE, "visa", "0002", GENERIC_DECLINE);
    alias("pm_card_chargeDeclined", StripeTestCards.DECLINED);
    add(StripeTestCards.INSUFFICIENT_FUNDS, Behaviour.DECLINE, "visa", "9995",
        PaymentFailure.declined("card_declined", "insufficient_funds", "Your card has insufficient funds."));
    alias("pm_card_chargeDeclinedInsufficientFunds", StripeTestCards.INSUFFICIENT_FUNDS);
    add(StripeTestCards.LOST_CARD, Behaviour.DECLINE, "visa", "9987",
        PaymentFailure.declined("card_declined", "lost_card", DECLINED_MESSAGE));
    alias("pm_card_chargeDeclinedLostCard", StripeTestCards.LOST_CARD);
    add(StripeTestCards.STOLEN_CARD, Behaviour.DECLINE, "visa", "9979",
        PaymentFailure.declined("card_declined", "stolen_card", DECLINED_MESSAGE));
    alias("pm_card_chargeDeclinedStolenCard", StripeTestCards.STOLEN_CARD);
    add(StripeTestCards.EXPIRED_CARD, Behaviour.DECLINE, "visa", "0069",
        PaymentFailure.declined("expired_card", null, "Your card has expired."));
    add(StripeTestCards.INCORRECT_CVC, Behaviour.DECLINE, "visa", "0127",
        PaymentFailure.declined("incorrect_cvc", null, "Your card's security code is incorrect."));
    add(StripeTestCards.PROCESSING_ERROR, Behaviour.DECLINE, "visa", "0119", PaymentFailure.declined(
        "processing_error", null, "An error occurred while processing your card. Try again in a little bit."));
    add(StripeTestCards.CUSTOMER_FAIL, Behaviour.CUSTOMER_FAIL, "visa", "0341", GENERIC_DECLINE);
    add(StripeTestCards.AUTHENTICATION_REQUIRED, Behaviour.AUTHENTICATION_REQUIRED, "visa", "3184", null);
    add(StripeTestCards.AUTHENTICATION_REQUIRED_ON_SETUP, Behaviour.AUTHENTICATION_ON_SETUP, "visa", "3155", null);
  }

  /**
   * The test card a payment method id names, {@code tok_…} forms included.
   *
   * @param paymentMethod the id
   * @return the card, or {@code null} when it is not a test payment method
   */
  static @Nullable TestCard find(String paymentMethod) {
    TestCard card = CARDS.get(paymentMethod);
    if (card == null && paymentMethod.startsWith("tok_")) {
      card = CARDS.get("pm_card_" + paymentMethod.substring(4));
    }
    return card;
  }

  /** Whether the card can be attached to a customer. */
  boolean attachable() {
    return behaviour != Behaviour.DECLINE;
  }

  private static void add(String id, Behaviour behaviour, String brand, String last4,
      @Nullable PaymentFailure failure) {
    CardDetails details = new CardDetails(brand, last4, EXPIRY, "fakefp" + brand + last4);
    CARDS.put(id, new TestCard(id, behaviour, details, failure));
  }

  private static void alias(String alias, String id) {
    CARDS.put(alias, CARDS.get(id));
  }

  /** How a test card behaves. */
  enum Behaviour {
    SUCCEED, DECLINE, CUSTOMER_FAIL, AUTHENTICATION_REQUIRED, AUTHENTICATION_ON_SETUP
  }
}
