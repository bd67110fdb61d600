package org.electronicpayments.stripe;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ids of the latest webhook events, to drop Stripe's repeated deliveries; the oldest are
 * forgotten past the capacity, so memory stays bounded. Thread-safe.
 */
final class RecentEvents {

  private final Map<String, Boolean> ids;

  RecentEvents(int capacity) {
    this.ids =
        new LinkedHashMap<>(16, 0.75f, false) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > capacity;
          }
        };
  }

  /** Remembers an id; false when it was already remembered (a duplicate). */
  synchronized boolean add(String id) {
    return ids.putIfAbsent(id, Boolean.TRUE) == null;
  }

  /** Forgets an id whose handling failed, so Stripe's next delivery is handled. */
  synchronized void forget(String id) {
    ids.remove(id);
  }

  synchronized int size() {
    return ids.size();
  }
}
