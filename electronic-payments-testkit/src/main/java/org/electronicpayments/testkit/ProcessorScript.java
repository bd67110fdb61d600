package org.electronicpayments.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.electronicpayments.testkit.FakePaymentProcessor.Operation;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link FakePaymentProcessor}'s next calls do, operation by operation. Steps for one
 * operation are used in the order they were scripted; each lasts {@link ScriptedCall#times(int)}
 * calls (one by default); calls with no step left behave normally.
 *
 * <pre>{@code
 * fake.script()
 *     .onNext(Operation.CONFIRM).timeoutAfterCharging()
 *     .onNext(Operation.REFUND).times(2).timeoutBeforeCharging();
 * }</pre>
 */
public final class ProcessorScript {

  private final Map<Operation, ConcurrentLinkedQueue<Step>> steps = new EnumMap<>(Operation.class);
  private final AtomicInteger queued = new AtomicInteger();
  private final AtomicInteger hung = new AtomicInteger();
  private volatile CountDownLatch release = new CountDownLatch(1);

  ProcessorScript() {
    for (Operation operation : Operation.values()) {
      steps.put(operation, new ConcurrentLinkedQueue<>());
    }
  }

  /**
   * Scripts the next call (or calls, with {@link ScriptedCall#times(int)}) of an operation.
   *
   * @param operation the operation
   * @return the call to script; finish it with what the call should do
   */
  public ScriptedCall onNext(Operation operation) {
    return new ScriptedCall(this, Objects.requireNonNull(operation, "operation"));
  }

  /**
   * Drops every step not yet used.
   *
   * @return this script
   */
  public ProcessorScript clear() {
    steps.values().forEach(ConcurrentLinkedQueue::clear);
    queued.set(0);
    return this;
  }

  /**
   * How many calls of an operation are still scripted.
   *
   * @param operation the operation
   * @return the number of scripted calls not yet made
   */
  public int remaining(Operation operation) {
    int n = 0;
    for (Step step : queue(operation)) {
      n += step.left();
    }
    return n;
  }

  /** Every operation has its queue, made by the constructor. */
  private ConcurrentLinkedQueue<Step> queue(Operation operation) {
    return Objects.requireNonNull(steps.get(operation), "steps");
  }

  ProcessorScript add(Operation operation, Step step) {
    queue(operation).add(step);
    queued.incrementAndGet();
    return this;
  }

  /** The step for a call about to run, or {@code null} to behave normally. */
  @Nullable Step take(Operation operation) {
    if (queued.get() == 0) {
      return null;
    }
    ConcurrentLinkedQueue<Step> queue = queue(operation);
    for (Step step = queue.peek(); step != null; step = queue.peek()) {
      if (step.use()) {
        if (step.usedUp() && queue.remove(step)) {
          queued.decrementAndGet();
        }
        return step;
      }
      if (queue.remove(step)) {
        queued.decrementAndGet();
      }
    }
    return null;
  }

  /**
   * Blocks a hung call until released, interrupted or (when given) the deadline passes; true only
   * when released (the interrupt flag is kept).
   */
  boolean hang(@Nullable Instant deadline) {
    CountDownLatch latch = release;
    hung.incrementAndGet();
    try {
      if (deadline == null) {
        latch.await();
        return true;
      }
      return latch.await(
          Math.max(0, Duration.between(Instant.now(), deadline).toNanos()), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } finally {
      hung.decrementAndGet();
    }
  }

  void releaseHung() {
    CountDownLatch old = release;
    release = new CountDownLatch(1);
    old.countDown();
  }

  int hungCalls() {
    return hung.get();
  }
}
