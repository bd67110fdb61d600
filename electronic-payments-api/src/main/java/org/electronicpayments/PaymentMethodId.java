package org.electronicpayments;

import org.electronicpayments.internal.Ids;

/**
 * Identifies a saved card: the processor's reusable payment method id, such as Stripe's {@code
 * pm_…}.
 *
 * <p>Ids are opaque to the SDK: 1 to 64 characters of letters, digits, {@code _ - . :}.
 *
 * <pre>{@code PaymentMethodId id = PaymentMethodId.of("pm_1Q2w3e4r5t");}</pre>
 *
 * @param value the id as the host knows it
 */
public record PaymentMethodId(String value) {

  /** Checks the form of the id. */
  public PaymentMethodId {
    Ids.check(value, "paymentMethodId");
  }

  /**
   * Returns the id with the given value.
   *
   * @param value the id as the host knows it
   * @return the typed id
   */
  public static PaymentMethodId of(String value) {
    return new PaymentMethodId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
