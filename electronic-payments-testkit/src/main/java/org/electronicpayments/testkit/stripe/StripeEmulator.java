package org.electronicpayments.testkit.stripe;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.electronicpayments.testkit.StripeTestCards;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stateful Stripe emulator on {@code 127.0.0.1} that the real stripe-java client talks to:
 * customers, payment methods, payment intents, charges, refunds and events, Stripe's test cards,
 * idempotency keys, signed webhooks and injected faults. Thread-safe; one instance per test class
 * is typical, {@link #reset()} between tests.
 *
 * <pre>{@code
 * try (StripeEmulator emulator = StripeEmulator.start()) {
 *   StripeClient stripe = StripeClient.builder()
 *       .setApiKey("sk_test_emulator").setApiBase(emulator.baseUrl()).build();
 *   emulator.faults().onNext("POST /v1/payment_intents/*\/confirm").commitThenDrop();
 *   // … drive the code under test, then:
 *   assertThat(emulator.succeededCharges()).hasSize(1);
 * }
 * }</pre>
 */
public final class StripeEmulator implements AutoCloseable {

  /** The API version of events when the request named none: stripe-java 33.3.0's. */
  public static final String DEFAULT_API_VERSION = "2026-07-29.dahlia";

  private static final Logger LOG = LoggerFactory.getLogger(StripeEmulator.class);
  private static final AtomicInteger THREADS = new AtomicInteger();
  private final HttpConnections server;
  private final ExecutorService executor;
  private final Engine engine;
  private final IdempotencyStore idempotency;
  private final Faults faults = new Faults();
  private final RequestLog log;
  private final RequestHandler handler;
  private final @Nullable WebhookDispatcher webhooks;
  private final String baseUrl;

  StripeEmulator(
      int port,
      Clock clock,
      Duration retention,
      String webhookSecret,
      @Nullable URI webhookUrl,
      int requestLogCapacity) {
    this.log = new RequestLog(requestLogCapacity);
    this.idempotency = new IdempotencyStore(retention);
    Engine[] holder = new Engine[1];
    this.webhooks =
        webhookUrl == null
            ? null
            : new WebhookDispatcher(webhookUrl, webhookSecret, () -> holder[0].now());
    this.engine = new Engine(clock, webhooks);
    holder[0] = engine;
    this.handler = new RequestHandler(engine, idempotency, faults, log);
    warmUp();
    this.executor =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "stripe-emulator-" + THREADS.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    try {
      server = new HttpConnections(port, executor, handler);
    } catch (IOException e) {
      executor.shutdownNow();
      throw new UncheckedIOException("Cannot listen on 127.0.0.1:" + port, e);
    }
    server.start();
    baseUrl = "http://127.0.0.1:" + server.port();
    engine.baseUrl(baseUrl);
    LOG.info("Stripe emulator listening on {}", baseUrl);
  }

  /** Starts an emulator on a free port with the defaults. */
  public static StripeEmulator start() {
    return builder().start();
  }

  /** A builder for port, clock, idempotency retention and webhooks. */
  public static StripeEmulatorBuilder builder() {
    return new StripeEmulatorBuilder();
  }

  /** {@code http://127.0.0.1:<port>}, for {@code StripeClient.builder().setApiBase(…)}. */
  public String baseUrl() {
    return baseUrl;
  }

  /** The port it listens on. */
  public int port() {
    return server.port();
  }

  /** The faults to inject into the next calls. */
  public Faults faults() {
    return faults;
  }

  /** Every request received so far, in order of arrival (a read-only copy). */
  public List<RecordedRequest> requests() {
    return log.snapshot();
  }

  /** The requests matching a pattern such as {@code POST /v1/payment_intents/*}. */
  public List<RecordedRequest> requests(String pattern) {
    return log.snapshot().stream().filter(r -> r.matches(pattern)).toList();
  }

  /** Every charge of every account, oldest first: the ledger. */
  public List<ChargeRecord> charges() {
    return engine
        .accounts()
        .flatMap(a -> a.charges.oldestFirst().map(c -> record(a.account, Json.snapshot(c))))
        .sorted(Comparator.comparing(ChargeRecord::created))
        .toList();
  }

  /** The charges that took money, oldest first. */
  public List<ChargeRecord> succeededCharges() {
    return charges().stream().filter(ChargeRecord::succeeded).toList();
  }

  /** The charges of one PaymentIntent, oldest first. */
  public List<ChargeRecord> chargesFor(String paymentIntentId) {
    Objects.requireNonNull(paymentIntentId, "paymentIntentId");
    return charges().stream().filter(c -> c.paymentIntent().equals(paymentIntentId)).toList();
  }

  /**
   * Completes 3-D Secure for a PaymentIntent in {@code requires_action}, as the customer would: it
   * is then charged (and its card saved if {@code setup_future_usage} was set).
   *
   * @return the PaymentIntent's status afterwards
   */
  public String completeAuthentication(String paymentIntentId) {
    return Authentication.finish(engine, paymentIntentId, true).path("status").asText();
  }

  /** Fails 3-D Secure for a PaymentIntent in {@code requires_action}; returns its status. */
  public String failAuthentication(String paymentIntentId) {
    return Authentication.finish(engine, paymentIntentId, false).path("status").asText();
  }

  /**
   * Completes 3-D Secure for a SetupIntent in {@code requires_action}: the card is then saved
   * (attached to the SetupIntent's customer) and the SetupIntent {@code succeeded}.
   *
   * @return the SetupIntent's status afterwards
   */
  public String completeSetupAuthentication(String setupIntentId) {
    requireSetupIntent(setupIntentId);
    return Authentication.finish(engine, setupIntentId, true).path("status").asText();
  }

  /** Fails 3-D Secure for a SetupIntent in {@code requires_action}; returns its status. */
  public String failSetupAuthentication(String setupIntentId) {
    requireSetupIntent(setupIntentId);
    return Authentication.finish(engine, setupIntentId, false).path("status").asText();
  }

  private static void requireSetupIntent(String id) {
    if (!Objects.requireNonNull(id, "setupIntentId").startsWith("seti_")) {
      throw new IllegalArgumentException("Not a SetupIntent id: " + id);
    }
  }

  /**
   * Refunds a PaymentIntent's charge as staff would in Stripe's Dashboard: no idempotency key and
   * no metadata of the SDK. Emits {@code refund.created} and {@code charge.refunded}, delivered
   * signed to the webhook URL like every event.
   *
   * @param paymentIntentId the PaymentIntent ({@code pi_…}), succeeded
   * @param amount how much, in minor units, or {@code null} for all that is left
   * @return the refund's id ({@code re_…})
   * @throws IllegalArgumentException when there is no such PaymentIntent
   * @throws IllegalStateException when Stripe would refuse the refund (nothing left, too much, not
   *     succeeded); the message is Stripe's
   */
  public String dashboardRefund(String paymentIntentId, @Nullable Long amount) {
    Objects.requireNonNull(paymentIntentId, "paymentIntentId");
    AccountData data =
        engine
            .accounts()
            .filter(a -> a.paymentIntents.get(paymentIntentId) != null)
            .findFirst()
            .orElseThrow(
                () -> new IllegalArgumentException("No such payment_intent: " + paymentIntentId));
    Params params =
        Params.parse(
            "payment_intent=" + paymentIntentId + (amount == null ? "" : "&amount=" + amount));
    try {
      return RefundApi.create(dashboardCall(data, params, "")).path("id").asText();
    } catch (ApiError e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  /**
   * Opens a dispute (chargeback) as the card holder's bank would: the dispute is {@code
   * needs_response} and the charge {@code disputed}. Emits {@code charge.dispute.created}.
   *
   * @param chargeOrPaymentIntentId the charge ({@code ch_…}) or its PaymentIntent ({@code pi_…})
   * @param reason one of Stripe's dispute reasons, such as {@code fraudulent}
   * @param amount how much is disputed, in minor units
   * @return the dispute's id ({@code du_…})
   * @throws IllegalArgumentException when there is no such charge, or the reason or amount is wrong
   * @throws IllegalStateException when the charge took no money or is already disputed
   */
  public String openDispute(String chargeOrPaymentIntentId, String reason, long amount) {
    Objects.requireNonNull(chargeOrPaymentIntentId, "chargeOrPaymentIntentId");
    Objects.requireNonNull(reason, "reason");
    return DisputeApi.open(engine, chargeOrPaymentIntentId, reason, amount).path("id").asText();
  }

  /**
   * Closes an open dispute as the bank decides it: {@code won} or {@code lost}. Emits {@code
   * charge.dispute.closed}.
   *
   * @param disputeId the dispute ({@code du_…})
   * @param won whether the merchant won
   * @return the dispute's status afterwards
   * @throws IllegalArgumentException when there is no such dispute
   * @throws IllegalStateException when it is already closed
   */
  public String closeDispute(String disputeId, boolean won) {
    Objects.requireNonNull(disputeId, "disputeId");
    return DisputeApi.close(engine, disputeId, won).path("status").asText();
  }

  /**
   * Detaches a PaymentMethod from its customer as staff would in Stripe's Dashboard. Emits {@code
   * payment_method.detached}.
   *
   * @param paymentMethodId the PaymentMethod ({@code pm_…}), attached to a customer
   * @throws IllegalArgumentException when there is no such PaymentMethod
   * @throws IllegalStateException when it is not attached
   */
  public void dashboardDetach(String paymentMethodId) {
    Objects.requireNonNull(paymentMethodId, "paymentMethodId");
    AccountData data =
        engine
            .accounts()
            .filter(a -> a.paymentMethods.get(paymentMethodId) != null)
            .findFirst()
            .orElseThrow(
                () -> new IllegalArgumentException("No such payment_method: " + paymentMethodId));
    try {
      PaymentMethodApi.detach(dashboardCall(data, Params.parse(null), paymentMethodId));
    } catch (ApiError e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  /**
   * Changes a saved card's expiry as the card network's account updater would; a month in the past
   * makes it an expired card. Emits {@code payment_method.updated}.
   *
   * @param paymentMethodId the PaymentMethod ({@code pm_…})
   * @param expiry the new expiry month
   * @throws IllegalArgumentException when there is no such PaymentMethod
   */
  public void expireCard(String paymentMethodId, YearMonth expiry) {
    Objects.requireNonNull(paymentMethodId, "paymentMethodId");
    Objects.requireNonNull(expiry, "expiry");
    AccountData data =
        engine
            .accounts()
            .filter(a -> a.paymentMethods.get(paymentMethodId) != null)
            .findFirst()
            .orElseThrow(
                () -> new IllegalArgumentException("No such payment_method: " + paymentMethodId));
    StoredPaymentMethod pm =
        Objects.requireNonNull(data.paymentMethods.get(paymentMethodId), paymentMethodId);
    ObjectNode snapshot;
    synchronized (pm.json) {
      ObjectNode card = (ObjectNode) pm.json.get("card");
      card.put("exp_month", expiry.getMonthValue());
      card.put("exp_year", expiry.getYear());
      snapshot = pm.json.deepCopy();
    }
    engine.emit(data, "payment_method.updated", snapshot, null);
  }

  private Call dashboardCall(AccountData data, Params params, String pathId) {
    return new Call(engine, data, params, pathId, null, null, DEFAULT_API_VERSION, engine.now());
  }

  /** The emulator's current time. */
  public Instant now() {
    return engine.now();
  }

  /** Moves the emulator's clock forward, for idempotency-key expiry and {@code created} times. */
  public void advanceClock(Duration duration) {
    Objects.requireNonNull(duration, "duration");
    if (duration.isNegative()) {
      throw new IllegalArgumentException("duration must not be negative, was " + duration);
    }
    engine.advance(duration);
  }

  /** Forgets every object, event, idempotency key, request and fault; ends hanging requests. */
  public void reset() {
    faults.clear();
    handler.releaseHangs();
    engine.reset();
    idempotency.clear();
    log.clear();
  }

  /** Stops the server; requests in progress are cut off. */
  @Override
  public void close() {
    handler.releaseHangs();
    server.close();
    executor.shutdownNow();
    if (webhooks != null) {
      webhooks.close();
    }
  }

  /**
   * Runs the emulator from the command line until stopped: {@code [--port 12111] [--webhook-url
   * http://…] [--webhook-secret whsec_…]}.
   */
  public static void main(String[] args) throws InterruptedException {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      options.put(args[i], args[i + 1]);
    }
    StripeEmulatorBuilder builder =
        builder().port(Integer.parseInt(options.getOrDefault("--port", "12111")));
    if (options.containsKey("--webhook-url")) {
      builder.webhookUrl(URI.create(options.get("--webhook-url")));
    }
    if (options.containsKey("--webhook-secret")) {
      builder.webhookSecret(options.get("--webhook-secret"));
    }
    StripeEmulator emulator = builder.start();
    Runtime.getRuntime().addShutdownHook(new Thread(emulator::close));
    System.out.println("Stripe emulator listening on " + emulator.baseUrl());
    Thread.currentThread().join();
  }

  /** Loads Jackson and the endpoints now, so the first request is not slowed by class loading. */
  private static void warmUp() {
    Json.bytes(ApiError.missingParam("amount").body());
    Router.STRIPE.match("POST", "/v1/payment_intents");
    Params.parse("metadata[a]=1&expand[]=b").canonical();
    StripeTestCards.find(StripeTestCards.VISA);
  }

  private static ChargeRecord record(@Nullable String account, ObjectNode c) {
    Map<String, String> metadata = new HashMap<>();
    c.path("metadata").properties().forEach(e -> metadata.put(e.getKey(), e.getValue().asText()));
    return new ChargeRecord(
        c.path("id").asText(),
        account,
        c.path("payment_intent").asText(),
        c.path("customer").asText(null),
        c.path("payment_method").asText(),
        c.path("amount").asLong(),
        c.path("currency").asText(),
        c.path("status").asText(),
        c.path("amount_refunded").asLong(),
        metadata,
        Instant.ofEpochSecond(c.path("created").asLong()));
  }
}
