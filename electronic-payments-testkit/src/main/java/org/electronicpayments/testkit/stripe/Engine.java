package org.electronicpayments.testkit.stripe;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/** The emulator's state: accounts and their objects, the clock, events and their delivery. */
final class Engine {

  private static final String PLATFORM = "";

  private final Clock clock;
  private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);
  private final ConcurrentHashMap<String, AccountData> accounts = new ConcurrentHashMap<>();
  private final @Nullable WebhookDispatcher webhooks;
  private volatile String baseUrl = "";

  Engine(Clock clock, @Nullable WebhookDispatcher webhooks) {
    this.clock = clock;
    this.webhooks = webhooks;
  }

  Instant now() {
    return clock.instant().plus(offset.get());
  }

  void advance(Duration duration) {
    offset.accumulateAndGet(duration, Duration::plus);
  }

  String baseUrl() {
    return baseUrl;
  }

  void baseUrl(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  AccountData account(@Nullable String account) {
    return accounts.computeIfAbsent(
        account == null ? PLATFORM : account, key -> new AccountData(account));
  }

  Stream<AccountData> accounts() {
    return accounts.values().stream();
  }

  void reset() {
    accounts.clear();
  }

  /**
   * Records an event about an object (already a snapshot) and sends it to the webhook URL.
   *
   * @param call the API call that caused it, or {@code null} for a change made from Java
   */
  void emit(AccountData data, String type, ObjectNode object, @Nullable Call call) {
    ObjectNode event = Json.object();
    String id = Ids.next("evt");
    event.put("id", id);
    event.put("object", "event");
    if (data.account != null) {
      event.put("account", data.account);
    }
    event.put("api_version", call == null ? StripeEmulator.DEFAULT_API_VERSION : call.apiVersion());
    event.put("created", now().getEpochSecond());
    event.putObject("data").set("object", object);
    event.put("livemode", false);
    event.put("pending_webhooks", webhooks == null ? 0 : 1);
    ObjectNode request = event.putObject("request");
    request.put("id", call == null ? null : call.requestId());
    request.put("idempotency_key", call == null ? null : call.idempotencyKey());
    event.put("type", type);
    data.events.put(id, event);
    if (webhooks != null) {
      webhooks.deliver(id, Json.bytes(event));
    }
  }
}
