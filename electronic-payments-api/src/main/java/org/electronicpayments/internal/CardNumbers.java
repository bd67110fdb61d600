package org.electronicpayments.internal;

/**
 * Finds card numbers in free text (G5): a run of 13 to 19 digits, single spaces or dashes allowed
 * between them, that passes the Luhn check. Longer runs are checked at both ends, so a card number
 * followed by an expiry date is still found.
 */
public final class CardNumbers {

  private static final int MIN = 13;
  private static final int MAX = 19;

  private CardNumbers() {}

  public static boolean containsCardNumber(String text) {
    int[] digits = new int[text.length()];
    int n = 0;
    for (int i = 0; i <= text.length(); i++) {
      char c = i < text.length() ? text.charAt(i) : '\0';
      if (c >= '0' && c <= '9') {
        digits[n++] = c - '0';
      } else if (!(n > 0 && separatesDigits(text, i))) {
        if (n >= MIN && anyWindowPassesLuhn(digits, n)) {
          return true;
        }
        n = 0;
      }
    }
    return false;
  }

  /** Whether the character at {@code i} is a single space or dash between two digits. */
  private static boolean separatesDigits(String text, int i) {
    return i > 0
        && i + 1 < text.length()
        && (text.charAt(i) == ' ' || text.charAt(i) == '-')
        && Character.isDigit(text.charAt(i + 1))
        && Character.isDigit(text.charAt(i - 1));
  }

  /**
   * A run of 13 to 19 digits is checked whole. A longer run (a number written next to an expiry or
   * a second number) is checked by its leading and trailing windows of 13 to 19 digits.
   */
  private static boolean anyWindowPassesLuhn(int[] digits, int n) {
    if (n <= MAX) {
      return luhn(digits, 0, n);
    }
    for (int len = MIN; len <= MAX; len++) {
      if (luhn(digits, 0, len) || luhn(digits, n - len, len)) {
        return true;
      }
    }
    return false;
  }

  static boolean luhn(int[] digits, int start, int len) {
    int sum = 0;
    boolean dbl = false;
    for (int i = start + len - 1; i >= start; i--) {
      int d = digits[i];
      if (dbl) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      dbl = !dbl;
    }
    return sum % 10 == 0;
  }
}
