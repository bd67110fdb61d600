package org.electronicpayments;

import java.time.Clock;
import java.util.function.Function;
import org.electronicpayments.spi.PaymentStore;
import org.jspecify.annotations.Nullable;

/**
 * Writes payment changes with compare-and-set on the version, rereading and reapplying a change
 * when another thread or node moved the payment on first.
 */
final class Journal {

  private static final int MAX_TRIES = 16;

  private final PaymentStore store;
  private final Clock clock;

  Journal(PaymentStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  PaymentStore store() {
    return store;
  }

  Payment read(PaymentId id) {
    return store.find(id).orElseThrow(() -> new PaymentNotFoundException(id));
  }

  /**
   * Applies a change to the latest version of a payment. The change returns {@code null} when,
   * seeing the latest version, it no longer applies; the latest version is then returned as is.
   */
  Payment change(PaymentId id, Function<Payment, @Nullable Payment> change) {
    for (int i = 0; i < MAX_TRIES; i++) {
      Payment current = read(id);
      Payment next = change.apply(current);
      if (next == null) {
        return current;
      }
      try {
        return store.update(next);
      } catch (ConcurrentUpdateException e) {
        Thread.onSpinWait();
      }
    }
    throw new ConcurrentUpdateException(id, -1);
  }

  /** Writes a change computed from {@code base}; fails if the payment moved on since. */
  Payment write(PaymentChange change) {
    return store.update(change.at(clock.instant()));
  }

  java.time.Instant now() {
    return clock.instant();
  }
}
