package org.electronicpayments;

import org.jspecify.annotations.Nullable;

/**
 * Root of the SDK's unchecked exceptions: misuse of the API and infrastructure failures. Business
 * outcomes such as a declined card are not exceptions; they are {@link PaymentResult}s.
 *
 * <p>Messages never contain a secret, a card number or a note's text.
 */
public class PaymentException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final @Nullable PaymentId paymentId;
  private final @Nullable String processorRequestId;

  /**
   * Creates an exception.
   *
   * @param message what went wrong
   * @param paymentId the payment concerned, if any
   * @param processorRequestId the processor's request id (Stripe's {@code req_…}), if any
   * @param cause the underlying failure, if any
   */
  public PaymentException(
      String message,
      @Nullable PaymentId paymentId,
      @Nullable String processorRequestId,
      @Nullable Throwable cause) {
    super(message, cause);
    this.paymentId = paymentId;
    this.processorRequestId = processorRequestId;
  }

  /**
   * Creates an exception without context.
   *
   * @param message what went wrong
   */
  public PaymentException(String message) {
    this(message, null, null, null);
  }

  /**
   * The payment concerned.
   *
   * @return the payment id, or {@code null} when the failure concerns no single payment
   */
  public @Nullable PaymentId paymentId() {
    return paymentId;
  }

  /**
   * The processor's id for the request that failed, for support tickets.
   *
   * @return the request id, or {@code null}
   */
  public @Nullable String processorRequestId() {
    return processorRequestId;
  }
}
