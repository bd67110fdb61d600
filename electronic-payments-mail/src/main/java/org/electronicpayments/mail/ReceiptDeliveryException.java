package org.electronicpayments.mail;

import org.electronicpayments.PaymentException;
import org.electronicpayments.PaymentId;
import org.jspecify.annotations.Nullable;

/**
 * A receipt could not be emailed. Thrown by {@link SmtpReceiptDelivery#send} (and so by the
 * facade's {@code emailReceipt}) once the failure is permanent or the retries are spent; the
 * payment itself is unaffected.
 *
 * <p>{@link #permanent()} tells the host what to do next: a permanent failure (the server answered
 * 5xx: recipient refused, authentication failed, message rejected; or the TLS set-up failed) will
 * fail again until someone fixes the address or the configuration; a transient one (4xx, connection
 * refused or timed out) may succeed if sent again later.
 *
 * <p>The message names the payment, the server and the SMTP reply code; never the password or the
 * receipt's content.
 */
public final class ReceiptDeliveryException extends PaymentException {

  private static final long serialVersionUID = 1L;

  private final boolean permanent;
  private final int attempts;
  private final int replyCode;

  /**
   * Creates the exception.
   *
   * @param message what went wrong
   * @param paymentId the payment whose receipt was not sent
   * @param permanent whether sending again unchanged would fail again
   * @param attempts how many times sending was tried
   * @param replyCode the mail server's last SMTP reply code, or {@code -1} when it gave none
   * @param cause the underlying failure, if any
   */
  public ReceiptDeliveryException(
      String message,
      PaymentId paymentId,
      boolean permanent,
      int attempts,
      int replyCode,
      @Nullable Throwable cause) {
    super(message, paymentId, null, cause);
    this.permanent = permanent;
    this.attempts = attempts;
    this.replyCode = replyCode;
  }

  /**
   * Whether the failure is permanent: sending the same receipt again, unchanged, would fail again
   * (a 5xx reply, or the TLS set-up failed).
   *
   * @return {@code true} when permanent, {@code false} when a later try may succeed
   */
  public boolean permanent() {
    return permanent;
  }

  /**
   * How many times sending was tried: 1 for a permanent failure at the first try, up to the
   * configured maximum for a transient one.
   *
   * @return the attempts made
   */
  public int attempts() {
    return attempts;
  }

  /**
   * The mail server's last SMTP reply code, such as 550 or 451.
   *
   * @return the code, or {@code -1} when the server gave none (connection refused, timed out)
   */
  public int replyCode() {
    return replyCode;
  }
}
