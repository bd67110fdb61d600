package org.electronicpayments;

import org.electronicpayments.internal.Ids;

/**
 * Identifies a staff member of the agency.
 *
 * <p>Ids are opaque to the SDK: 1 to 64 characters of letters, digits, {@code _ - . :}.
 *
 * <pre>{@code StaffId id = StaffId.of("staff-17");}</pre>
 *
 * @param value the id as the host knows it
 */
public record StaffId(String value) {

  /** Checks the form of the id. */
  public StaffId {
    Ids.check(value, "staffId");
  }

  /**
   * Returns the id with the given value.
   *
   * @param value the id as the host knows it
   * @return the typed id
   */
  public static StaffId of(String value) {
    return new StaffId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
