package org.electronicpayments.testkit.stripe;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * The requests received, in order of arrival, at most {@code capacity} (the oldest are dropped);
 * entries are filled in as each request proceeds.
 */
final class RequestLog {

  private final ConcurrentLinkedQueue<Entry> entries = new ConcurrentLinkedQueue<>();
  private final AtomicInteger size = new AtomicInteger();
  private final int capacity;

  RequestLog(int capacity) {
    this.capacity = capacity;
  }

  Entry add(
      String requestId,
      Instant at,
      String method,
      String path,
      Map<String, String> headers,
      Map<String, String> params,
      @Nullable String idempotencyKey,
      @Nullable String account) {
    Entry entry = new Entry(requestId, at, method, path, headers, params, idempotencyKey, account);
    entries.add(entry);
    if (size.incrementAndGet() > capacity && entries.poll() != null) {
      size.decrementAndGet();
    }
    return entry;
  }

  List<RecordedRequest> snapshot() {
    return entries.stream().map(Entry::snapshot).toList();
  }

  void clear() {
    entries.clear();
    size.set(0);
  }

  /** One request while and after it is handled. */
  static final class Entry {
    private final RecordedRequest received;
    volatile int status = RecordedRequest.IN_FLIGHT;
    volatile boolean executed;
    volatile boolean replayed;
    volatile @Nullable FaultKind fault;

    private Entry(
        String requestId,
        Instant at,
        String method,
        String path,
        Map<String, String> headers,
        Map<String, String> params,
        @Nullable String key,
        @Nullable String account) {
      this.received =
          new RecordedRequest(
              requestId,
              at,
              method,
              path,
              headers,
              params,
              key,
              account,
              RecordedRequest.IN_FLIGHT,
              false,
              false,
              null);
    }

    RecordedRequest snapshot() {
      RecordedRequest r = received;
      return new RecordedRequest(
          r.requestId(),
          r.receivedAt(),
          r.method(),
          r.path(),
          r.headers(),
          r.params(),
          r.idempotencyKey(),
          r.stripeAccount(),
          status,
          executed,
          replayed,
          fault);
    }
  }
}
