package org.electronicpayments;

import org.electronicpayments.internal.Ids;

/**
 * Identifies a client (the person who receives services) in the host's records.
 *
 * <p>Ids are opaque to the SDK: 1 to 64 characters of letters, digits, {@code _ - . :}.
 *
 * <pre>{@code ClientId id = ClientId.of("1000");}</pre>
 *
 * @param value the id as the host knows it
 */
public record ClientId(String value) {

  /** Checks the form of the id. */
  public ClientId {
    Ids.check(value, "clientId");
  }

  /**
   * Returns the id with the given value.
   *
   * @param value the id as the host knows it
   * @return the typed id
   */
  public static ClientId of(String value) {
    return new ClientId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
