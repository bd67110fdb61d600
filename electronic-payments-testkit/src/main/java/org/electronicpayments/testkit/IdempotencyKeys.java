package org.electronicpayments.testkit;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.electronicpayments.ProcessorException;
import org.electronicpayments.spi.ChargeRequest;
import org.jspecify.annotations.Nullable;

/**
 * Stripe's idempotency, in memory: the first answer given under a key is stored and replayed for
 * the same endpoint and parameters; a key reused for another endpoint or other parameters is an
 * idempotency error ({@link ProcessorException}); a request that threw stored nothing. A second
 * request with a key still in use waits for the first and then gets its answer (what stripe-java's
 * retry of Stripe's 409 {@code idempotency_key_in_use} amounts to). Keys never expire until {@link
 * #expireAll()}.
 */
final class IdempotencyKeys {

  private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

  /**
   * Runs the action once per key and replays its answer.
   *
   * @param key the derived key
   * @param endpoint what the key was used for
   * @param params the request's parameters; a {@link ChargeRequest}'s deadline is ignored
   * @param extra a second parameter, if any
   * @param action the work, run at most once per key while its answer is kept
   * @return the first answer
   */
  @SuppressWarnings("unchecked")
  <T> T run(
      String key, String endpoint, Object params, @Nullable Object extra, Supplier<T> action) {
    while (true) {
      Entry entry = entries.get(key);
      if (entry == null) {
        Entry fresh = new Entry(endpoint, params, extra);
        entry = entries.putIfAbsent(key, fresh);
        if (entry == null) {
          entry = fresh;
        }
      }
      synchronized (entry) {
        if (entry.abandoned) {
          continue;
        }
        if (!entry.matches(endpoint, params, extra)) {
          throw new ProcessorException(
              "Keys for idempotent requests can only be used with the same parameters"
                  + " they were first used with. Try using a key other than '"
                  + key
                  + "' if you meant to execute"
                  + " a different request. (idempotency_error)",
              null,
              null,
              null);
        }
        if (entry.done) {
          return (T) Objects.requireNonNull(entry.answer, "answer");
        }
        try {
          T answer = action.get();
          entry.answer = answer;
          entry.done = true;
          return answer;
        } catch (RuntimeException | Error e) {
          entry.abandoned = true;
          entries.remove(key, entry);
          throw e;
        }
      }
    }
  }

  /** Forgets every key, as Stripe does once a key is older than 24 hours. */
  void expireAll() {
    entries.clear();
  }

  private static boolean sameParams(Object a, Object b) {
    if (a instanceof ChargeRequest x && b instanceof ChargeRequest y) {
      return x.paymentId().equals(y.paymentId())
          && x.agencyId().equals(y.agencyId())
          && x.clientId().equals(y.clientId())
          && x.attempt() == y.attempt()
          && x.idempotencyKey().equals(y.idempotencyKey())
          && x.amount().equals(y.amount())
          && x.paymentMethod().equals(y.paymentMethod())
          && x.use() == y.use()
          && Objects.equals(x.customerReference(), y.customerReference())
          && Objects.equals(x.receiptEmail(), y.receiptEmail());
    }
    return a.equals(b);
  }

  /** One key's first request and, once done, its answer; guarded by itself. */
  private static final class Entry {
    private final String endpoint;
    private final Object params;
    private final @Nullable Object extra;
    private boolean done;
    private boolean abandoned;
    private @Nullable Object answer;

    Entry(String endpoint, Object params, @Nullable Object extra) {
      this.endpoint = endpoint;
      this.params = params;
      this.extra = extra;
    }

    boolean matches(String otherEndpoint, Object otherParams, @Nullable Object otherExtra) {
      return endpoint.equals(otherEndpoint)
          && (params == otherParams || sameParams(params, otherParams))
          && Objects.equals(extra, otherExtra);
    }
  }
}
