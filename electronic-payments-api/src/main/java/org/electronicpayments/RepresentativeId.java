package org.electronicpayments;

import org.electronicpayments.internal.Ids;

/**
 * Identifies a client's representative (a parent, guardian or other person allowed to pay for a
 * client).
 *
 * <p>Ids are opaque to the SDK: 1 to 64 characters of letters, digits, {@code _ - . :}.
 *
 * <pre>{@code RepresentativeId id = RepresentativeId.of("rep-5");}</pre>
 *
 * @param value the id as the host knows it
 */
public record RepresentativeId(String value) {

  /** Checks the form of the id. */
  public RepresentativeId {
    Ids.check(value, "representativeId");
  }

  /**
   * Returns the id with the given value.
   *
   * @param value the id as the host knows it
   * @return the typed id
   */
  public static RepresentativeId of(String value) {
    return new RepresentativeId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
