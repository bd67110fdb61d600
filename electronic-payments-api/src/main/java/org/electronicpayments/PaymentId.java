package org.electronicpayments;

import java.util.concurrent.ThreadLocalRandom;
import org.electronicpayments.internal.Ids;

/**
 * Identifies one payment. The SDK assigns it before any processor call, and every idempotency key
 * of the payment derives from it.
 *
 * <pre>{@code PaymentId id = PaymentId.of("pay_01hx9c2m4k");}</pre>
 *
 * @param value the id
 */
public record PaymentId(String value) {

  private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();

  /** Checks the form of the id. */
  public PaymentId {
    Ids.check(value, "paymentId");
  }

  /**
   * Returns the id with the given value.
   *
   * @param value the id
   * @return the typed id
   */
  public static PaymentId of(String value) {
    return new PaymentId(value);
  }

  /**
   * Makes a new id: {@code pay_} followed by 20 random base-32 characters (100 bits). Ids are
   * identifiers, not secrets (access to a payment is checked by the access policy), so a fast
   * uncontended generator is used.
   *
   * @return a fresh id
   */
  public static PaymentId generate() {
    char[] chars = new char[20];
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long a = random.nextLong();
    long b = random.nextLong();
    for (int i = 0; i < 12; i++) {
      chars[i] = ALPHABET[(int) (a >>> (i * 5)) & 31];
    }
    for (int i = 12; i < chars.length; i++) {
      chars[i] = ALPHABET[(int) (b >>> ((i - 12) * 5)) & 31];
    }
    return new PaymentId("pay_" + new String(chars));
  }

  @Override
  public String toString() {
    return value;
  }
}
