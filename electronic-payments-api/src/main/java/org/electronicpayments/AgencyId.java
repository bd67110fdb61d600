package org.electronicpayments;

import org.electronicpayments.internal.Ids;

/**
 * Identifies the agency (the practice) on whose behalf payments are taken.
 *
 * <p>Ids are opaque to the SDK: 1 to 64 characters of letters, digits, {@code _ - . :}.
 *
 * <pre>{@code AgencyId id = AgencyId.of("agency-1");}</pre>
 *
 * @param value the id as the host knows it
 */
public record AgencyId(String value) {

  /** Checks the form of the id. */
  public AgencyId {
    Ids.check(value, "agencyId");
  }

  /**
   * Returns the id with the given value.
   *
   * @param value the id as the host knows it
   * @return the typed id
   */
  public static AgencyId of(String value) {
    return new AgencyId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
