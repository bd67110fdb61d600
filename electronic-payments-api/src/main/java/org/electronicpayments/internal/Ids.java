package org.electronicpayments.internal;

import org.electronicpayments.PaymentValidationException;

/** Checks the form shared by every typed id. */
public final class Ids {

  static final int MAX_LENGTH = 64;

  private Ids() {}

  public static void check(String value, String field) {
    if (value == null) {
      throw PaymentValidationException.of(field, "is required");
    }
    if (value.isEmpty() || value.length() > MAX_LENGTH) {
      throw PaymentValidationException.of(field, "must be 1 to " + MAX_LENGTH + " characters");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '_'
              || c == '-'
              || c == '.'
              || c == ':';
      if (!ok) {
        throw PaymentValidationException.of(
            field,
            "may contain only letters, digits and _ - . : (found a character at position "
                + (i + 1)
                + ")");
      }
    }
  }
}
