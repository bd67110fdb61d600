package org.electronicpayments.spring.boot;

import org.electronicpayments.Payment;
import org.electronicpayments.ReconcileReport;
import org.jspecify.annotations.Nullable;

/**
 * What the auto-configuration observes, for metrics: processor calls, payment outcomes, webhook
 * deliveries and reconcile runs. Without Micrometer nothing listens.
 */
interface PaymentEvents {

  /** Listens to nothing. */
  PaymentEvents NONE = new PaymentEvents() {};

  /**
   * Runs one processor call, observed: with Micrometer's {@code ObservationRegistry} it is an
   * observation named {@code electronic.payments.processor.call} (a span through an OpenTelemetry
   * or Brave bridge).
   *
   * @param operation such as {@code confirm}
   * @param call the call
   * @param <T> what it returns
   * @return what it returned
   */
  default <T> T observe(String operation, java.util.function.Supplier<T> call) {
    return call.get();
  }

  /**
   * A processor call ended.
   *
   * @param operation such as {@code confirm}
   * @param nanos how long it took
   * @param error whether it threw
   */
  default void processorCall(String operation, long nanos, boolean error) {}

  /**
   * A payment reached an outcome (succeeded, failed, requires action, in doubt).
   *
   * @param payment the payment as stored
   */
  default void outcome(Payment payment) {}

  /**
   * A webhook delivery was answered.
   *
   * @param type the event's type, or {@code invalid} when its signature did not verify
   * @param result {@code handled}, {@code duplicate}, {@code ignored}, {@code rejected} or {@code
   *     error}
   */
  default void webhook(String type, String result) {}

  /**
   * A scheduled reconcile run ended.
   *
   * @param report what it did, or {@code null} when it threw
   * @param nanos how long it took
   */
  default void reconciled(@Nullable ReconcileReport report, long nanos) {}
}
