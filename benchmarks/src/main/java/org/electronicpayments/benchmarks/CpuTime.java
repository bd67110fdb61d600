package org.electronicpayments.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Counts a benchmark thread's payments and the CPU time it used, per iteration, so that a run on a
 * shared, loaded machine still tells what one payment costs: payments per CPU-second of the
 * benchmark thread ({@code payments / cpuMicros}), which other processes' load barely moves.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class CpuTime {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /** Payments made this iteration. */
  public long payments;

  /** CPU time of this thread this iteration, µs. */
  public long cpuMicros;

  private long startNanos;

  /** Starts counting. */
  @Setup(Level.Iteration)
  public void start() {
    payments = 0;
    cpuMicros = 0;
    startNanos = THREADS.getCurrentThreadCpuTime();
  }

  /** Stops counting. */
  @TearDown(Level.Iteration)
  public void stop() {
    cpuMicros = (THREADS.getCurrentThreadCpuTime() - startNanos) / 1_000;
  }
}
