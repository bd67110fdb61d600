package org.electronicpayments.testkit;

import java.util.concurrent.atomic.AtomicInteger;
import org.electronicpayments.PaymentFailure;
import org.jspecify.annotations.Nullable;

/** One scripted behaviour for the next calls of an operation, used up one call at a time. */
final class Step {

  final Action action;
  final @Nullable PaymentFailure failure;
  final @Nullable RuntimeException exception;
  private final AtomicInteger remaining;

  Step(
      Action action,
      @Nullable PaymentFailure failure,
      @Nullable RuntimeException exception,
      int times) {
    this.action = action;
    this.failure = failure;
    this.exception = exception;
    this.remaining = new AtomicInteger(times);
  }

  /** Takes one use; false when another caller took the last. */
  boolean use() {
    return remaining.getAndDecrement() > 0;
  }

  boolean usedUp() {
    return remaining.get() <= 0;
  }

  int left() {
    return Math.max(0, remaining.get());
  }

  boolean forcesSuccess() {
    return action == Action.SUCCEED;
  }

  /** What a scripted call does. */
  enum Action {
    SUCCEED,
    DECLINE,
    PROCESSING,
    TIMEOUT_BEFORE,
    TIMEOUT_AFTER,
    HANG,
    FAIL
  }

  static boolean forced(@Nullable Step step) {
    return step != null && step.forcesSuccess();
  }

  static @Nullable PaymentFailure declines(@Nullable Step step) {
    return step != null && step.action == Action.DECLINE ? step.failure : null;
  }

  static boolean processing(@Nullable Step step) {
    return step != null && step.action == Action.PROCESSING;
  }
}
