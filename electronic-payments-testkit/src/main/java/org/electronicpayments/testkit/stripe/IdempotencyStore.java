package org.electronicpayments.testkit.stripe;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Stripe's idempotency keys: the first response of a key is kept for the retention and replayed; a
 * key in use answers 409; a key reused for another request answers 400. Each key is its own entry
 * in a concurrent map, so requests with different keys never wait for each other.
 */
final class IdempotencyStore {

  private static final int SWEEP_EVERY = 1024;

  private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
  private final AtomicLong calls = new AtomicLong();
  private final Duration retention;

  IdempotencyStore(Duration retention) {
    this.retention = retention;
  }

  /** Claims a key for a request, or says why it cannot run. */
  Outcome begin(String key, String endpoint, String params, Instant now) {
    if (calls.incrementAndGet() % SWEEP_EVERY == 0) {
      sweep(now);
    }
    Entry mine = new Entry(endpoint, params, now);
    while (true) {
      Entry existing = entries.putIfAbsent(key, mine);
      if (existing == null) {
        return new Outcome(Kind.OWNER, mine);
      }
      StoredResponse response = existing.response;
      if (response != null && expired(existing, now)) {
        if (entries.replace(key, existing, mine)) {
          return new Outcome(Kind.OWNER, mine);
        }
        continue;
      }
      if (response == null) {
        return new Outcome(Kind.IN_USE, existing);
      }
      if (!existing.endpoint.equals(endpoint)) {
        return new Outcome(Kind.OTHER_ENDPOINT, existing);
      }
      if (!existing.params.equals(params)) {
        return new Outcome(Kind.OTHER_PARAMS, existing);
      }
      return new Outcome(Kind.REPLAY, existing);
    }
  }

  /** Keeps the response of the request that owns the key. */
  void complete(Entry entry, StoredResponse response) {
    entry.response = response;
  }

  /** Forgets a key whose request did not start executing (it failed validation). */
  void abandon(String key, Entry entry) {
    entries.remove(key, entry);
  }

  void clear() {
    entries.clear();
  }

  private boolean expired(Entry entry, Instant now) {
    return !now.isBefore(entry.createdAt.plus(retention));
  }

  private void sweep(Instant now) {
    entries.values().removeIf(e -> e.response != null && expired(e, now));
  }

  /** What a request with a key may do. */
  enum Kind {
    OWNER,
    REPLAY,
    IN_USE,
    OTHER_ENDPOINT,
    OTHER_PARAMS
  }

  /** The answer of {@link #begin}: the kind and the entry concerned. */
  record Outcome(Kind kind, Entry entry) {}

  /** A response kept for replay. */
  @SuppressWarnings("ArrayRecordComponent") // never compared; the body is written out as is
  record StoredResponse(int status, byte[] body, @Nullable String requestId) {}

  /** One key: what it was first used for, and its response once there is one. */
  static final class Entry {
    final String endpoint;
    final String params;
    final Instant createdAt;
    volatile @Nullable StoredResponse response;

    Entry(String endpoint, String params, Instant createdAt) {
      this.endpoint = endpoint;
      this.params = params;
      this.createdAt = createdAt;
    }
  }
}
