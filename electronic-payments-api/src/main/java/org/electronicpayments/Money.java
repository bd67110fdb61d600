package org.electronicpayments;

import java.util.Currency;
import java.util.Objects;

/**
 * An amount of money in the currency's minor units (cents for USD), never floating point.
 *
 * <p>Parsing demands the currency's exact fraction digits, as the New Payment window does: {@code
 * 10.00} is accepted; {@code 10}, {@code 10.5}, {@code 10.001}, {@code -1}, {@code 0}, {@code 1e3}
 * and {@code 1,000.00} are rejected with a message showing the expected form.
 *
 * <pre>{@code
 * Money copay = Money.of("25.00", Currency.getInstance("USD"));
 * Money same = Money.usd("25.00");
 * long cents = copay.minorUnits(); // 2500
 * }</pre>
 *
 * @param minorUnits the amount in minor units, zero or more
 * @param currency the ISO 4217 currency
 */
public record Money(long minorUnits, Currency currency) implements Comparable<Money> {

  /** US dollars. */
  public static final Currency USD = Currency.getInstance("USD");

  private static final int MAX_INTEGER_DIGITS = 13;

  /** Checks the amount is not negative. */
  public Money {
    Objects.requireNonNull(currency, "currency");
    if (minorUnits < 0) {
      throw PaymentValidationException.of("amount", "must not be negative");
    }
    if (currency.getDefaultFractionDigits() < 0) {
      throw PaymentValidationException.of("currency", "must be a currency with minor units");
    }
  }

  /**
   * Parses an amount typed by a person: digits, then a point and exactly the currency's fraction
   * digits ({@code 10.00} for USD, {@code 1000} for JPY). The amount must be above zero.
   *
   * @param text the amount as typed
   * @param currency the currency
   * @return the amount
   * @throws PaymentValidationException naming the field {@code amount} and the expected form
   */
  public static Money of(String text, Currency currency) {
    Objects.requireNonNull(currency, "currency");
    String expected = "must be written like " + example(currency);
    if (text == null || text.isBlank()) {
      throw PaymentValidationException.of("amount", "is required and " + expected);
    }
    int digits = currency.getDefaultFractionDigits();
    int point = text.indexOf('.');
    String whole = point < 0 ? text : text.substring(0, point);
    String fraction = point < 0 ? "" : text.substring(point + 1);
    boolean wellFormed =
        allDigits(whole)
            && !whole.isEmpty()
            && whole.length() <= MAX_INTEGER_DIGITS
            && (digits == 0
                ? point < 0
                : point >= 0 && fraction.length() == digits && allDigits(fraction))
            && (whole.length() == 1 || whole.charAt(0) != '0');
    if (!wellFormed) {
      throw PaymentValidationException.of("amount", expected);
    }
    long units = Long.parseLong(whole + fraction);
    if (units == 0) {
      throw PaymentValidationException.of("amount", "must be more than " + zero(currency));
    }
    return new Money(units, currency);
  }

  /**
   * Parses a US dollar amount such as {@code 10.00}.
   *
   * @param text the amount as typed
   * @return the amount
   */
  public static Money usd(String text) {
    return of(text, USD);
  }

  /**
   * The amount with the given number of minor units.
   *
   * @param minorUnits the amount in minor units
   * @param currency the currency
   * @return the amount
   */
  public static Money ofMinor(long minorUnits, Currency currency) {
    return new Money(minorUnits, currency);
  }

  /**
   * Adds two amounts of the same currency.
   *
   * @param other the amount to add
   * @return the sum
   */
  public Money plus(Money other) {
    requireSameCurrency(other);
    return new Money(Math.addExact(minorUnits, other.minorUnits), currency);
  }

  /**
   * Subtracts an amount of the same currency; the result may not be negative.
   *
   * @param other the amount to subtract
   * @return the difference
   */
  public Money minus(Money other) {
    requireSameCurrency(other);
    return new Money(Math.subtractExact(minorUnits, other.minorUnits), currency);
  }

  /**
   * Whether the amount is zero.
   *
   * @return true for zero
   */
  public boolean isZero() {
    return minorUnits == 0;
  }

  /**
   * The amount as typed: {@code 10.00}, without a currency.
   *
   * @return the plain amount
   */
  public String toPlainString() {
    int digits = currency.getDefaultFractionDigits();
    if (digits == 0) {
      return Long.toString(minorUnits);
    }
    StringBuilder s = new StringBuilder(Long.toString(minorUnits));
    while (s.length() <= digits) {
      s.insert(0, '0');
    }
    s.insert(s.length() - digits, '.');
    return s.toString();
  }

  /**
   * The amount for a person: {@code $10.00} for US dollars, {@code EUR 10.00} otherwise.
   *
   * @return the displayed amount
   */
  public String toDisplayString() {
    return currency.equals(USD)
        ? "$" + toPlainString()
        : currency.getCurrencyCode() + " " + toPlainString();
  }

  @Override
  public int compareTo(Money other) {
    requireSameCurrency(other);
    return Long.compare(minorUnits, other.minorUnits);
  }

  @Override
  public String toString() {
    return currency.getCurrencyCode() + " " + toPlainString();
  }

  private void requireSameCurrency(Money other) {
    if (!currency.equals(other.currency)) {
      throw new IllegalArgumentException("Cannot combine " + currency + " with " + other.currency);
    }
  }

  private static boolean allDigits(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static String example(Currency currency) {
    int digits = currency.getDefaultFractionDigits();
    return digits == 0 ? "1000" : "10." + "0".repeat(digits);
  }

  private static String zero(Currency currency) {
    int digits = currency.getDefaultFractionDigits();
    return digits == 0 ? "0" : "0." + "0".repeat(digits);
  }
}
