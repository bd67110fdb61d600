package org.electronicpayments.internal;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * Runs processor work on a worker thread and stops waiting at the deadline (G4). A task that
 * outlives its deadline is interrupted; the caller gets {@code null} and records the outcome as
 * unknown. Workers are daemon threads from a cached pool, so an uninterruptible hang holds one
 * worker only until the processor's own I/O timeout, never the caller.
 */
public final class Bounded {

  private final ExecutorService executor;

  public Bounded(ExecutorService executor) {
    this.executor = executor;
  }

  /** The task's answer, or {@code null} when the deadline passed or the caller was interrupted. */
  public <T> @Nullable T run(Callable<T> task, Duration timeout) throws ExecutionException {
    Future<T> future = executor.submit(task);
    try {
      return future.get(Math.max(1, timeout.toNanos()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      return null;
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      return null;
    }
  }

  public ExecutorService executor() {
    return executor;
  }
}
