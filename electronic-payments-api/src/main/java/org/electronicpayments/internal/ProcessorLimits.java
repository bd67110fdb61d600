package org.electronicpayments.internal;

import java.util.List;
import java.util.Map;
import org.electronicpayments.FieldError;
import org.electronicpayments.Money;

/**
 * The processor's amount limits, checked before any network call: Stripe charges at least a
 * currency-specific minimum (USD 0.50) and at most eight digits of minor units (999,999.99).
 */
public final class ProcessorLimits {

  static final long MAX_MINOR_UNITS = 99_999_999L;
  private static final Map<String, Long> MINIMUMS =
      Map.of("USD", 50L, "EUR", 50L, "CAD", 50L, "AUD", 50L, "GBP", 30L, "JPY", 50L);

  private ProcessorLimits() {}

  public static void check(String field, Money amount, List<FieldError> errors) {
    Long min = MINIMUMS.get(amount.currency().getCurrencyCode());
    if (min != null && amount.minorUnits() < min) {
      errors.add(
          new FieldError(
              field,
              "must be at least "
                  + Money.ofMinor(min, amount.currency()).toPlainString()
                  + " for a card payment"));
    }
    if (amount.minorUnits() > MAX_MINOR_UNITS) {
      errors.add(
          new FieldError(
              field,
              "must be at most "
                  + Money.ofMinor(MAX_MINOR_UNITS, amount.currency()).toPlainString()
                  + " for a card payment"));
    }
  }
}
