package org.electronicpayments.testkit;

/**
 * Stripe's test payment methods, as the {@link FakePaymentProcessor} knows them (the table in
 * the project's {@code stripe-behaviour.md}). Stripe's legacy aliases ({@code pm_card_chargeDeclined}…)
 * and the {@code tok_…} form of each ({@code tok_visa} for {@code pm_card_visa}) work as well.
 *
 * <pre>{@code
 * PaymentRequest request = PaymentRequest.builder()…oneTimeCard(StripeTestCards.VISA)…build();
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
  /** Attaches to a customer, then every charge is declined ({@code card_declined} / {@code generic_decline}). */
  public static final String CUSTOMER_FAIL = "pm_card_chargeCustomerFail";
  /** Always needs 3-D Secure: action required on-session, {@code authentication_required} off-session. */
  public static final String AUTHENTICATION_REQUIRED = "pm_card_authenticationRequired";
  /** Needs 3-D Secure unless set up for future use; once saved, off-session charges succeed. */
  public static final String AUTHENTICATION_REQUIRED_ON_SETUP = "pm_card_authenticationRequiredOnSetup";

  private StripeTestCards() {}
}
