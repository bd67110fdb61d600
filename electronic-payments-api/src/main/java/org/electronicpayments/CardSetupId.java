package org.electronicpayments;

import org.electronicpayments.internal.Ids;

/**
 * Identifies a card setup: the saving of a card without a payment.
 *
 * <p>Ids are opaque: 1 to 64 characters of letters, digits, {@code _ - . :}.
 *
 * @param value the id
 */
public record CardSetupId(String value) {

  /** Checks the form of the id. */
  public CardSetupId {
    Ids.check(value, "cardSetupId");
  }

  /**
   * Returns the id with the given value.
   *
   * @param value the id
   * @return the typed id
   */
  public static CardSetupId of(String value) {
    return new CardSetupId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
