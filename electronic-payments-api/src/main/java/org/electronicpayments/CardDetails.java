package org.electronicpayments;

import java.time.YearMonth;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What may be shown of a card: brand, last four digits, expiry, and the processor's fingerprint (a
 * hash that recognises the same card twice). Never the number.
 *
 * @param brand the brand, such as {@code visa}
 * @param last4 the last four digits
 * @param expiry the expiry month
 * @param fingerprint the processor's fingerprint, if known
 */
public record CardDetails(
    String brand, String last4, YearMonth expiry, @Nullable String fingerprint) {

  /** Checks the parts. */
  public CardDetails {
    Objects.requireNonNull(brand, "brand");
    Objects.requireNonNull(expiry, "expiry");
    if (last4 == null || !last4.matches("[0-9]{4}")) {
      throw new IllegalArgumentException("last4 must be four digits");
    }
  }

  /**
   * The card as a receipt shows it: {@code Visa •••• 4242}.
   *
   * @return brand and last four
   */
  public String display() {
    String b =
        brand.isEmpty() ? "Card" : Character.toUpperCase(brand.charAt(0)) + brand.substring(1);
    return b + " •••• " + last4;
  }
}
