package org.electronicpayments.testkit.stripe;

import java.util.concurrent.ThreadLocalRandom;

/** Random Stripe-looking identifiers ({@code cus_…}, {@code pi_…}, {@code req_…}). */
final class Ids {

  private static final char[] ALPHABET =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();

  private Ids() {}

  /** A new id such as {@code pi_3PbXk2…}: the prefix, an underscore and 24 random characters. */
  static String next(String prefix) {
    return prefix + "_" + random(24);
  }

  /** A request id, {@code req_} and 14 random characters, as Stripe's. */
  static String requestId() {
    return "req_" + random(14);
  }

  static String random(int length) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    char[] chars = new char[length];
    for (int i = 0; i < length; i++) {
      chars[i] = ALPHABET[random.nextInt(ALPHABET.length)];
    }
    return new String(chars);
  }
}
