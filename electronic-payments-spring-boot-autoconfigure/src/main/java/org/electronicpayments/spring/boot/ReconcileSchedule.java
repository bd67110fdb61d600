package org.electronicpayments.spring.boot;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.electronicpayments.ElectronicPayments;
import org.electronicpayments.ReconcileReport;
import org.electronicpayments.security.Actor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs {@link ElectronicPayments#reconcile}, for every agency of the registry, every interval, give
 * or take the jitter, on one daemon thread of its own, while the application runs. Several nodes on
 * one database may run it at once: the facade claims each unsettled payment before settling it, so
 * a payment is settled by one node. A run that throws is logged and the next one still comes.
 * Turned off with {@code electronic-payments.reconcile.enabled=false}.
 */
public final class ReconcileSchedule implements SmartLifecycle {

  /** The actor reconcile runs are audited as. */
  public static final String ACTOR_NAME = "reconciler";

  private static final Logger LOG = LoggerFactory.getLogger(ReconcileSchedule.class);

  private final List<ElectronicPayments> payments;
  private final Duration interval;
  private final Duration jitter;
  private final Duration initialDelay;
  private final PaymentEvents events;
  private final Actor actor = Actor.system(ACTOR_NAME);
  private @Nullable ScheduledExecutorService executor;

  ReconcileSchedule(
      ElectronicPayments payments,
      ElectronicPaymentsProperties.Reconcile settings,
      PaymentEvents events) {
    this(List.of(payments), settings, events);
  }

  ReconcileSchedule(
      List<ElectronicPayments> payments,
      ElectronicPaymentsProperties.Reconcile settings,
      PaymentEvents events) {
    if (settings.interval().isNegative() || settings.interval().isZero()) {
      throw new IllegalArgumentException("electronic-payments.reconcile.interval must be positive");
    }
    if (settings.jitter().isNegative() || settings.jitter().compareTo(settings.interval()) >= 0) {
      throw new IllegalArgumentException(
          "electronic-payments.reconcile.jitter must be zero or more and less than the interval");
    }
    this.payments = List.copyOf(payments);
    this.interval = settings.interval();
    this.jitter = settings.jitter();
    this.initialDelay =
        settings.initialDelay().isNegative() ? Duration.ZERO : settings.initialDelay();
    this.events = events;
  }

  /**
   * Runs reconcile once, now, on the caller's thread, for every agency.
   *
   * @return what it did (summed over the agencies), or {@code null} when it threw (the error is
   *     logged)
   */
  public @Nullable ReconcileReport runOnce() {
    long start = System.nanoTime();
    ReconcileReport report = null;
    try {
      ReconcileReport sum = new ReconcileReport(0, 0, 0, 0, 0);
      for (ElectronicPayments agency : payments) {
        ReconcileReport r = agency.reconcile(actor);
        sum =
            new ReconcileReport(
                sum.examined() + r.examined(),
                sum.succeeded() + r.succeeded(),
                sum.failed() + r.failed(),
                sum.stillInDoubt() + r.stillInDoubt(),
                sum.awaitingAction() + r.awaitingAction());
      }
      report = sum;
      if (report.examined() > 0) {
        LOG.info("Reconcile: {}", report);
      }
      return report;
    } catch (RuntimeException e) {
      LOG.warn("Reconcile run failed; the next run will try again", e);
      return null;
    } finally {
      events.reconciled(report, System.nanoTime() - start);
    }
  }

  @Override
  public synchronized void start() {
    if (executor != null) {
      return;
    }
    executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "electronic-payments-reconcile");
              t.setDaemon(true);
              return t;
            });
    schedule(executor, initialDelay.toMillis());
  }

  @Override
  public synchronized void stop() {
    if (executor != null) {
      executor.shutdownNow();
      executor = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return executor != null;
  }

  private void schedule(ScheduledExecutorService on, long delayMillis) {
    // Nothing waits for a run: runOnce reports its own failures, and stop() cancels the pending
    // one.
    ScheduledFuture<?> unused =
        on.schedule(
            () -> {
              runOnce();
              synchronized (this) {
                if (executor == on) {
                  schedule(on, nextDelayMillis());
                }
              }
            },
            delayMillis,
            TimeUnit.MILLISECONDS);
  }

  /**
   * The delay before the next run: the interval plus or minus a random part of the jitter.
   *
   * @return the delay in milliseconds
   */
  long nextDelayMillis() {
    long spread = jitter.toMillis();
    long offset = spread == 0 ? 0 : ThreadLocalRandom.current().nextLong(-spread, spread + 1);
    return interval.toMillis() + offset;
  }
}
