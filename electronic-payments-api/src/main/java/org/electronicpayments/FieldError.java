package org.electronicpayments;

import java.util.Objects;

/**
 * One rejected field of a request: which field, and what is expected of it. The message says what
 * is expected, never the rejected value (which might be a card number).
 *
 * @param field the field's name as in {@link PaymentRequest}, for example {@code amountReceived}
 * @param message what the field must be, for example {@code must be written like 10.00}
 */
public record FieldError(String field, String message) {

  /** Checks both parts are present. */
  public FieldError {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return field + " " + message;
  }
}
