package org.electronicpayments.reliability;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.electronicpayments.ElectronicPayments;
import org.electronicpayments.PaymentId;
import org.electronicpayments.spi.PaymentProcessor;
import org.electronicpayments.spi.PaymentStore;
import org.electronicpayments.testkit.CrashingPaymentStore;
import org.electronicpayments.testkit.PaymentsTestbed;
import org.electronicpayments.testkit.WorkerThreadProcessor;

/**
 * One host node of a schedule: a facade over its own crashable view of the shared store, with its
 * own worker threads. A crash kills the view (its late workers write nothing more); {@link
 * #restart()} plays the restarted process. A node may take the facade's worker-thread path for
 * every charge ({@link WorkerThreadProcessor}) while the others call the processor directly.
 */
final class HostNode {

  final String name;
  final boolean onWorkers;
  private final PaymentStore shared;
  private final PaymentProcessor processor;
  private final Clock clock;
  private final Duration deadline;
  private final Supplier<PaymentId> paymentIds;
  private final ThreadPoolExecutor workers =
      new ThreadPoolExecutor(0, 64, 50, TimeUnit.MILLISECONDS, new SynchronousQueue<>());
  private CrashingPaymentStore host;
  private ElectronicPayments payments;

  HostNode(
      String name,
      PaymentStore shared,
      PaymentProcessor processor,
      boolean onWorkers,
      Clock clock,
      Duration deadline,
      Supplier<PaymentId> paymentIds) {
    this.name = name;
    this.paymentIds = paymentIds;
    this.onWorkers = onWorkers;
    this.shared = shared;
    this.processor = onWorkers ? WorkerThreadProcessor.over(processor) : processor;
    this.clock = clock;
    this.deadline = deadline;
    start();
  }

  ElectronicPayments payments() {
    return payments;
  }

  CrashingPaymentStore host() {
    return host;
  }

  /** The process died (or is stopped) and starts again over the same store. */
  void restart() {
    payments.close();
    start();
  }

  int busyWorkers() {
    return workers.getActiveCount();
  }

  void close() {
    payments.close();
    workers.shutdownNow();
  }

  private void start() {
    host = CrashingPaymentStore.over(shared);
    payments =
        ElectronicPayments.builder()
            .processor(processor)
            .store(host)
            .agency(PaymentsTestbed.AGENCY)
            .clock(clock)
            .deadline(deadline)
            .lease(deadline.multipliedBy(2))
            .executor(workers)
            .paymentIds(paymentIds)
            .build();
  }
}
