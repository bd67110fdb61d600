package org.electronicpayments.spring.boot;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The client secrets of payments (or card setups) waiting for 3-D Secure that this node made, by
 * their id, so a status poll after {@code processAsync} can give the browser what it needs. The
 * store never keeps them; the most recent 10,000 are kept in memory, so a poll served by another
 * node gets the status without the secret.
 */
final class ClientSecrets {

  private static final int CAPACITY = 10_000;

  private final Map<String, String> secrets =
      new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
          return size() > CAPACITY;
        }
      };

  synchronized void put(String id, String secret) {
    secrets.put(id, secret);
  }

  synchronized @Nullable String get(String id) {
    return secrets.get(id);
  }
}
