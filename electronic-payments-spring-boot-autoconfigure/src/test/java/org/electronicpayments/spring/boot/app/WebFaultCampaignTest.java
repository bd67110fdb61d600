package org.electronicpayments.spring.boot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.electronicpayments.spring.boot.ReconcileSchedule;
import org.electronicpayments.testkit.stripe.ChargeRecord;
import org.electronicpayments.testkit.stripe.FaultRule;
import org.electronicpayments.testkit.stripe.Faults;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A short seeded fault campaign over the HTTP API: several front-desk and portal users drive New
 * Payments (at once and accepted-then-polled), retries, saves, refunds, double submits and cards
 * saved without a payment through real HTTP, against the starter on the Stripe module and the JDBC
 * store, while the Stripe emulator drops answers after committing, fails with 500 and hangs. Then
 * reconcile runs, and the promises are checked against Stripe's own charge ledger: no payment
 * charged twice, nothing charged but unrecorded or recorded but not charged, refunds as Stripe has
 * them, nothing left in doubt, every call answered (G4) with a documented status, never a 500.
 *
 * <p>The seed chooses every operation and fault; it is printed when a check fails and replayed with
 * {@code -Dcampaign.seed=…} (the threads' interleaving is the machine's).
 */
@SpringBootTest(
    classes = TestApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class WebFaultCampaignTest {

  private static final EmulatedStripe STRIPE = new EmulatedStripe(false);
  private static final String API = "/electronic-payments/api";
  private static final int WORKERS = 4;
  private static final int OPERATIONS_PER_WORKER = 8;
  private static final Set<Integer> DOCUMENTED = Set.of(200, 202, 204, 409, 422, 502);
  private static final Set<String> CHARGED =
      Set.of("SUCCEEDED", "POSTED", "REFUNDED", "PARTIALLY_REFUNDED");

  @Autowired ReconcileSchedule schedule;

  private final List<String> violations = new CopyOnWriteArrayList<>();
  private final Set<String> payments = ConcurrentHashMap.newKeySet();
  private final Set<String> setups = ConcurrentHashMap.newKeySet();
  private final Map<String, Integer> answers = new ConcurrentHashMap<>();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    STRIPE.register(registry, "webfaultcampaign");
    registry.add("electronic-payments.deadline", () -> "3s");
  }

  @AfterAll
  static void stop() {
    STRIPE.emulator.close();
  }

  @Test
  void thePromisesHoldWhenPaymentsGoThroughTheHttpApiUnderFaults() throws Exception {
    long seed = Long.getLong("campaign.seed", System.nanoTime());
    try {
      run(seed);
    } catch (AssertionError | RuntimeException e) {
      throw new AssertionError(
          "Web fault campaign failed with seed " + seed + " (replay: -Dcampaign.seed=" + seed + ")",
          e);
    }
  }

  private void run(long seed) throws Exception {
    Random seeds = new Random(seed);
    ExecutorService pool = Executors.newFixedThreadPool(WORKERS * 2);
    try {
      List<Future<?>> work = new ArrayList<>();
      for (int w = 0; w < WORKERS; w++) {
        long workerSeed = seeds.nextLong();
        int worker = w;
        work.add(pool.submit(() -> worker(worker, new Random(workerSeed), pool)));
      }
      for (Future<?> f : work) {
        f.get(120, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    Map<String, Integer> applied = new java.util.TreeMap<>();
    for (FaultRule rule : STRIPE.emulator.faults().rules()) {
      if (rule.applied() > 0) {
        applied.merge(rule.kind() + " " + rule.pattern(), rule.applied(), Integer::sum);
      }
    }
    STRIPE.emulator.faults().clear();

    // Reconcile until nothing is left in doubt; a call still hanging at the emulator keeps its
    // payment in doubt until the hang ends, so reconcile runs again.
    await()
        .atMost(Duration.ofSeconds(40))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              schedule.runOnce();
              return unsettled().isEmpty();
            });

    System.out.printf(
        "Web fault campaign, seed %d: %d payments, %d card setups, %d charges at Stripe;"
            + " answers %s; faults applied %s%n",
        seed,
        payments.size(),
        setups.size(),
        STRIPE.emulator.succeededCharges().size(),
        new java.util.TreeMap<>(answers),
        applied);
    assertThat(applied).as("faults the emulator applied").isNotEmpty();
    assertThat(violations).as("answers that break the API's contract").isEmpty();
    assertThat(unsettled()).as("payments and card setups left in doubt").isEmpty();
    checkAgainstStripe();
  }

  private void worker(int worker, Random random, ExecutorService pool) {
    Http desk = Http.frontDesk(STRIPE.appPort);
    String client = Integer.toString(1000 + worker);
    Http portal = desk.as(client, "ROLE_PAYMENTS_CLIENT");
    List<String> mine = new ArrayList<>();
    for (int op = 0; op < OPERATIONS_PER_WORKER; op++) {
      injectFault(random);
      String reference = "WC-" + worker + "-" + op;
      switch (random.nextInt(8)) {
        case 0, 1 -> process(desk, body(client, reference, card(random)), mine);
        case 2 -> processAsync(portal, body(client, reference, card(random)), mine);
        case 3 -> doubleSubmit(desk, body(client, reference, "pm_card_visa"), mine, pool);
        case 4 -> retry(desk, mine, random);
        case 5 -> save(desk, mine, random);
        case 6 -> refund(desk, mine, random);
        default -> saveCard(portal, client, random);
      }
    }
  }

  /** One fault, or none, for the next matching call at the emulator. */
  private static void injectFault(Random random) {
    Faults faults = STRIPE.emulator.faults();
    switch (random.nextInt(10)) {
      case 0 -> faults.onNext("POST /v1/payment_intents/*/confirm").commitThenDrop();
      case 1 -> faults.onNext("POST /v1/payment_intents/*/confirm").fail(500, false);
      case 2 -> faults.onNext("POST /v1/payment_intents/*/confirm").hang(Duration.ofSeconds(4));
      case 3 -> faults.onNext("POST /v1/payment_intents").drop();
      case 4 -> faults.onNext("POST /v1/setup_intents/*/confirm").commitThenDrop();
      case 5 -> faults.onNext("POST /v1/refunds").commitThenDrop();
      default -> {
        // no fault
      }
    }
  }

  private void process(Http http, String body, List<String> mine) {
    Http.Response r = call(http, "POST", API + "/payments", body);
    if (r != null && r.status() == 200) {
      remember(r.json().at("/payment/id").textValue(), mine);
    }
  }

  private void processAsync(Http http, String body, List<String> mine) {
    Http.Response accepted = call(http, "POST", API + "/payments/async", body);
    if (accepted == null || accepted.status() != 202) {
      return;
    }
    String id = accepted.json().get("paymentId").textValue();
    remember(id, mine);
    String statusUrl = accepted.json().get("statusUrl").textValue();
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              Http.Response polled = call(http, "GET", statusUrl, null);
              return polled == null || polled.status() != 200 || polled.json().has("result");
            });
  }

  private void doubleSubmit(Http http, String body, List<String> mine, ExecutorService pool) {
    CountDownLatch start = new CountDownLatch(1);
    Future<Http.@Nullable Response> second =
        pool.submit(
            () -> {
              start.await();
              return call(http, "POST", API + "/payments", body);
            });
    start.countDown();
    Http.Response first = call(http, "POST", API + "/payments", body);
    Http.Response other;
    try {
      other = second.get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      violations.add("double submit: the second call did not return: " + e);
      return;
    }
    List<String> ids = new ArrayList<>();
    for (Http.Response r : new Http.Response[] {first, other}) {
      if (r != null && r.status() == 200) {
        ids.add(r.json().at("/payment/id").textValue());
      }
    }
    if (ids.size() == 2 && !ids.get(0).equals(ids.get(1))) {
      violations.add("double submit made two payments: " + ids);
    }
    ids.forEach(id -> remember(id, mine));
  }

  private void retry(Http http, List<String> mine, Random random) {
    String id = pick(mine, random);
    if (id != null) {
      call(http, "POST", API + "/payments/" + id + "/retry", null);
    }
  }

  private void save(Http http, List<String> mine, Random random) {
    String id = pick(mine, random);
    if (id != null) {
      call(http, "POST", API + "/payments/" + id + "/save", null);
    }
  }

  private void refund(Http http, List<String> mine, Random random) {
    String id = pick(mine, random);
    if (id != null) {
      call(http, "POST", API + "/payments/" + id + "/refunds", "{\"amount\":\"1.00\"}");
    }
  }

  private void saveCard(Http http, String client, Random random) {
    String token = random.nextBoolean() ? "pm_card_visa" : "pm_card_mastercard";
    Http.Response r =
        call(
            http,
            "POST",
            API + "/clients/" + client + "/cards",
            """
            {"token":"%s","nickname":"Card %d","consent":{"givenBy":"client","channel":"portal"}}"""
                .formatted(token, random.nextInt(1000)));
    if (r != null && r.status() == 200) {
      setups.add(r.json().at("/setup/id").textValue());
    }
  }

  /**
   * One HTTP call: an answer outside the documented statuses, a 500, a problem without its content
   * type, or no answer at all (G4) is a violation.
   */
  private Http.@Nullable Response call(
      Http http, String method, String path, @Nullable String body) {
    Http.Response r;
    try {
      r = http.send(method, path, body);
    } catch (UncheckedIOException e) {
      violations.add(method + " " + path + " returned no answer (G4): " + e.getCause());
      return null;
    }
    answers.merge(
        method
            + " "
            + path.replaceFirst("/(payments|card-setups)/(?!async$)[^/]+", "/$1/{id}")
                .replaceFirst("/clients/[^/]+", "/clients/{client}")
            + " "
            + r.status(),
        1,
        Integer::sum);
    if (!DOCUMENTED.contains(r.status())) {
      violations.add(method + " " + path + " answered " + r.status() + ": " + r.body());
    } else if (r.status() >= 400 && !r.contentType().startsWith("application/problem+json")) {
      violations.add(method + " " + path + " answered " + r.status() + " without problem details");
    }
    return r;
  }

  private void remember(String id, List<String> mine) {
    payments.add(id);
    mine.add(id);
  }

  private static @Nullable String pick(List<String> ids, Random random) {
    return ids.isEmpty() ? null : ids.get(random.nextInt(ids.size()));
  }

  private static String card(Random random) {
    int n = random.nextInt(6);
    return n == 0 ? "pm_card_visa_chargeDeclined" : n == 1 ? "pm_card_mastercard" : "pm_card_visa";
  }

  private static String body(String client, String reference, String token) {
    return """
        {"clientId":"%s","reference":"%s","payer":"CO_PAY","amountReceived":"10.00",
         "electronic":true,"card":{"oneTime":"%s"}}"""
        .formatted(client, reference, token);
  }

  /** Payments and card setups whose outcome is still unknown (or never settled). */
  private List<String> unsettled() {
    Http desk = Http.frontDesk(STRIPE.appPort);
    List<String> open = new ArrayList<>();
    for (JsonNode p : desk.get(API + "/payments?limit=1000").json()) {
      String status = p.get("status").textValue();
      if (Set.of("IN_DOUBT", "PENDING", "PROCESSING").contains(status)) {
        open.add(p.get("id").textValue() + " " + status);
      }
    }
    for (String setup : setups) {
      String status = desk.get(API + "/card-setups/" + setup).json().get("status").textValue();
      if (!status.equals("SUCCEEDED") && !status.equals("FAILED")) {
        open.add(setup + " " + status);
      }
    }
    return open;
  }

  /** The ledger check: Stripe's succeeded charges against the payments the API recorded. */
  private void checkAgainstStripe() {
    Http desk = Http.frontDesk(STRIPE.appPort);
    Map<String, JsonNode> recorded = new HashMap<>();
    for (JsonNode p : desk.get(API + "/payments?limit=1000").json()) {
      recorded.put(p.get("id").textValue(), p);
    }
    assertThat(recorded.keySet())
        .as("every payment an answer named is stored")
        .containsAll(payments);

    Map<String, List<ChargeRecord>> charges = new HashMap<>();
    for (ChargeRecord c : STRIPE.emulator.succeededCharges()) {
      String id = c.metadata().get("payment_id");
      assertThat(id).as("charge %s names its payment", c.id()).isNotNull();
      charges.computeIfAbsent(id, k -> new ArrayList<>()).add(c);
    }
    for (Map.Entry<String, List<ChargeRecord>> e : charges.entrySet()) {
      assertThat(e.getValue()).as("succeeded charges of payment %s", e.getKey()).hasSize(1);
      JsonNode payment = recorded.get(e.getKey());
      assertThat(payment).as("payment %s, charged at Stripe, is recorded", e.getKey()).isNotNull();
      assertThat(CHARGED)
          .as("payment %s, charged at Stripe, is recorded as charged", e.getKey())
          .contains(payment.get("status").textValue());
      ChargeRecord charge = e.getValue().get(0);
      assertThat(charge.amount()).isEqualTo(1000);
      JsonNode refunded = payment.get("refunded");
      long refundedMinor =
          refunded == null || refunded.isNull()
              ? 0
              : new java.math.BigDecimal(refunded.get("amount").textValue())
                  .movePointRight(2)
                  .longValueExact();
      assertThat(refundedMinor)
          .as("payment %s's refunds as Stripe has them", e.getKey())
          .isEqualTo(charge.amountRefunded());
    }
    List<String> chargedButNotAtStripe = new ArrayList<>();
    for (JsonNode p : recorded.values()) {
      if (CHARGED.contains(p.get("status").textValue())
          && !charges.containsKey(p.get("id").textValue())) {
        chargedButNotAtStripe.add(p.get("id").textValue());
      }
    }
    assertThat(chargedButNotAtStripe).as("recorded as charged, not charged at Stripe").isEmpty();
    assertThat(Collections.unmodifiableSet(payments)).isNotEmpty();
  }
}
