package org.electronicpayments;

import org.jspecify.annotations.Nullable;

/**
 * The processor failed in a way that is neither a business outcome nor an unknown outcome: a
 * rejected API key, a misconfigured account, a request the processor calls invalid. Payment
 * outcomes (declines, unknown outcomes) are {@link PaymentResult}s, not this.
 */
public final class ProcessorException extends PaymentException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed, free of secrets
   * @param paymentId the payment concerned, if any
   * @param processorRequestId the processor's request id, if any
   * @param cause the underlying failure, if any
   */
  public ProcessorException(
      String message,
      @Nullable PaymentId paymentId,
      @Nullable String processorRequestId,
      @Nullable Throwable cause) {
    super(message, paymentId, processorRequestId, cause);
  }
}
