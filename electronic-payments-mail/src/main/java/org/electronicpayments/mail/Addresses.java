package org.electronicpayments.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.electronicpayments.PaymentValidationException;
import org.jspecify.annotations.Nullable;

/** Parses one email address strictly: one mailbox, with a domain, no display-name tricks. */
final class Addresses {

  private Addresses() {}

  /**
   * Parses a configured address.
   *
   * @throws IllegalArgumentException naming the setting when it is not one plain address
   */
  static InternetAddress single(String address, String setting) {
    InternetAddress parsed = parse(address);
    if (parsed == null) {
      throw new IllegalArgumentException(
          setting + " must be one email address such as receipts@example.org");
    }
    return parsed;
  }

  /**
   * Parses the recipient of a receipt.
   *
   * @throws PaymentValidationException on the field {@code emailAddress} when it is not one plain
   *     address
   */
  static InternetAddress recipient(String address) {
    InternetAddress parsed = parse(address);
    if (parsed == null) {
      throw PaymentValidationException.of(
          "emailAddress", "must be one email address such as pat@example.org");
    }
    return parsed;
  }

  private static @Nullable InternetAddress parse(String address) {
    String a = address.strip();
    if (a.isEmpty() || a.length() > 254 || a.chars().anyMatch(c -> c < ' ' || c == 0x7f)) {
      return null;
    }
    try {
      InternetAddress[] all = InternetAddress.parse(a, true);
      if (all.length != 1) {
        return null;
      }
      InternetAddress one = all[0];
      one.validate();
      String mailbox = one.getAddress();
      int at = mailbox.lastIndexOf('@');
      // Only a bare mailbox: a display name or a group would let the caller rewrite the To line.
      if (one.getPersonal() != null
          || one.isGroup()
          || at < 1
          || at == mailbox.length() - 1
          || !mailbox.equals(a)) {
        return null;
      }
      return one;
    } catch (AddressException e) {
      return null;
    }
  }
}
