package org.electronicpayments.testkit.stripe;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Stripe's amount rules: minimum charge per currency, at most eight digits, zero-decimal
 * currencies.
 */
final class Amounts {

  static final long MAX = 99_999_999L;

  private static final Set<String> ZERO_DECIMAL =
      Set.of(
          "bif", "clp", "djf", "gnf", "jpy", "kmf", "krw", "mga", "pyg", "rwf", "ugx", "vnd", "vuv",
          "xaf", "xof", "xpf");
  private static final Map<String, Long> MINIMUM =
      Map.of(
          "usd", 50L, "eur", 50L, "gbp", 30L, "cad", 50L, "aud", 50L, "chf", 50L, "jpy", 50L, "hkd",
          400L, "mxn", 1000L, "inr", 50L);

  private Amounts() {}

  /** Checks {@code amount} and {@code currency} as Stripe does when a PaymentIntent is created. */
  static void validate(long amount, String currency) {
    if (!currency.matches("[a-z]{3}")) {
      throw ApiError.invalidRequest("Invalid currency: " + currency + ".", "currency", null);
    }
    long minimum = MINIMUM.getOrDefault(currency, 50L);
    if (amount < minimum) {
      throw ApiError.invalidRequest(
          "Amount must be at least " + format(minimum, currency) + " " + currency,
          "amount",
          "amount_too_small");
    }
    if (amount > MAX) {
      throw ApiError.invalidRequest(
          "Amount must be no more than " + format(MAX, currency), "amount", "amount_too_large");
    }
  }

  /** {@code $0.50}, {@code ¥50} style rendering used in error messages. */
  static String format(long amount, String currency) {
    String symbol =
        switch (currency) {
          case "usd", "cad", "aud", "hkd", "mxn" -> "$";
          case "eur" -> "€";
          case "gbp" -> "£";
          case "jpy" -> "¥";
          default -> currency.toUpperCase(Locale.ROOT) + " ";
        };
    if (ZERO_DECIMAL.contains(currency)) {
      return symbol + String.format(Locale.ROOT, "%,d", amount);
    }
    return symbol + String.format(Locale.ROOT, "%,d.%02d", amount / 100, amount % 100);
  }
}
