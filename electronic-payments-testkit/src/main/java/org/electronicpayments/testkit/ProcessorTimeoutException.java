package org.electronicpayments.testkit;

import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;

/**
 * A scripted network timeout, thrown by the {@link FakePaymentProcessor} calls whose answer is not
 * an outcome value ({@code ensureCustomer}, {@code listCards}, {@code updateCardExpiry}, {@code
 * removeCard}). Charge and refund calls report a timeout as an unknown outcome instead, as the
 * {@link org.electronicpayments.spi.PaymentProcessor} contract asks of every implementation.
 *
 * <p>Its cause is a {@link SocketTimeoutException}, as an HTTP client's read timeout would be.
 */
public final class ProcessorTimeoutException extends UncheckedIOException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what timed out
   */
  public ProcessorTimeoutException(String message) {
    super(message, new SocketTimeoutException(message));
  }
}
