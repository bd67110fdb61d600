package org.electronicpayments;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One time a payment's receipt was emailed, or failed to be: what {@link
 * ElectronicPayments#receiptEmails} lists, oldest first, so staff can see whether the client got
 * their receipt, when and at which address.
 *
 * <p>The failure is the SDK's own description (such as the mail module's "the SMTP server refused
 * the recipient, reply 550"), or only the kind of error when a host's delivery failed with an
 * exception of its own: never a password, a server's full reply or anything else the error may
 * quote.
 *
 * @param paymentId the payment
 * @param to the address it was sent to
 * @param at when the sending ended
 * @param by who asked for it (an actor's audit name)
 * @param failure why sending failed, or {@code null} when the receipt left
 */
public record ReceiptEmail(
    PaymentId paymentId, String to, Instant at, String by, @Nullable String failure) {

  /** The longest failure kept; longer descriptions are cut. */
  public static final int MAX_FAILURE = 500;

  /** Requires the parts and cuts an overlong failure. */
  public ReceiptEmail {
    Objects.requireNonNull(paymentId, "paymentId");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(by, "by");
    if (failure != null && failure.length() > MAX_FAILURE) {
      failure = failure.substring(0, MAX_FAILURE);
    }
  }

  /**
   * Whether the receipt left (the mail server took it).
   *
   * @return true when sent, false when sending failed
   */
  public boolean sent() {
    return failure == null;
  }
}
