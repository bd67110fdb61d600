package org.electronicpayments.stripe;

import java.time.Duration;
import java.time.Instant;

/**
 * When one processor operation must be done: the sooner of the caller's deadline and the operation
 * deadline of the settings, counted from the start of the operation.
 *
 * @param at the instant
 */
record Deadline(Instant at) {

  /** The deadline of an operation starting now. */
  static Deadline of(Instant callerDeadline, Duration operationDeadline) {
    Instant own = Instant.now().plus(operationDeadline);
    return new Deadline(callerDeadline.isBefore(own) ? callerDeadline : own);
  }

  /** The deadline of an operation without a caller's deadline. */
  static Deadline after(Duration operationDeadline) {
    return new Deadline(Instant.now().plus(operationDeadline));
  }

  /** The time left, zero or more, in whole milliseconds. */
  long remainingMillis() {
    return Math.max(0, Duration.between(Instant.now(), at).toMillis());
  }

  boolean passed() {
    return remainingMillis() == 0;
  }
}
