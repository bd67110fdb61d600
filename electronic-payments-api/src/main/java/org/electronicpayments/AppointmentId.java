package org.electronicpayments;

import org.electronicpayments.internal.Ids;

/**
 * Identifies an appointment in the host's scheduling module.
 *
 * <p>Ids are opaque to the SDK: 1 to 64 characters of letters, digits, {@code _ - . :}.
 *
 * <pre>{@code AppointmentId id = AppointmentId.of("appt-2026-01-01-0900");}</pre>
 *
 * @param value the id as the host knows it
 */
public record AppointmentId(String value) {

  /** Checks the form of the id. */
  public AppointmentId {
    Ids.check(value, "appointmentId");
  }

  /**
   * Returns the id with the given value.
   *
   * @param value the id as the host knows it
   * @return the typed id
   */
  public static AppointmentId of(String value) {
    return new AppointmentId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
