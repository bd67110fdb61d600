package org.electronicpayments.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.electronicpayments.CardChoice;
import org.electronicpayments.ClientId;
import org.electronicpayments.Consent;
import org.electronicpayments.ConsentChannel;
import org.electronicpayments.ConsentGiver;
import org.electronicpayments.ElectronicPayments;
import org.electronicpayments.Money;
import org.electronicpayments.Origin;
import org.electronicpayments.Payer;
import org.electronicpayments.Payment;
import org.electronicpayments.PaymentException;
import org.electronicpayments.PaymentId;
import org.electronicpayments.PaymentMethod;
import org.electronicpayments.PaymentRequest;
import org.electronicpayments.PaymentResult;
import org.electronicpayments.PaymentStatus;
import org.electronicpayments.PaymentType;
import org.electronicpayments.security.Actor;
import org.electronicpayments.testkit.CrashingPaymentStore;
import org.electronicpayments.testkit.InMemoryPaymentStore;
import org.electronicpayments.testkit.PaymentsTestbed;
import org.electronicpayments.testkit.TestClock;
import org.jspecify.annotations.Nullable;

/**
 * One seeded random schedule over the whole flow: new payments, double submits, host retries, Save,
 * reconcile, webhook-style refreshes, refunds (through the SDK and, as staff would in the
 * processor's dashboard, outside it) and clients completing 3-D Secure (which a card saved with
 * {@code pm_card_authenticationRequiredOnSetup} needs), with processor faults and host crashes
 * injected between any two steps. With several nodes ({@link Topology}), each step runs on a random
 * node, a node's crash restarts only that node, and some double submits reach two nodes at the same
 * moment. The invariants ({@link EndOfScheduleChecks}) are checked at the end from the processor's
 * own ledger against the store; G4 on every call, as it returns.
 */
final class Schedule {

  static final List<ClientId> CLIENTS =
      List.of(ClientId.of("1000"), ClientId.of("1001"), ClientId.of("1002"));
  static final String[] ONE_TIME = {
    "pm_card_visa",
    "pm_card_visa",
    "pm_card_mastercard",
    "pm_card_amex",
    "pm_card_visa_chargeDeclined",
    "pm_card_visa_chargeDeclinedInsufficientFunds",
    "pm_card_authenticationRequired",
    "pm_card_chargeDeclinedProcessingError"
  };
  static final String[] TO_SAVE = {
    "pm_card_visa",
    "pm_card_mastercard",
    "pm_card_chargeCustomerFail",
    "pm_card_visa_chargeDeclined",
    "pm_card_authenticationRequiredOnSetup"
  };

  /** Runs the two calls of a double submit on two nodes at once. */
  private static final java.util.concurrent.ExecutorService RACERS =
      java.util.concurrent.Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "schedule-racer");
            t.setDaemon(true);
            return t;
          });

  private final long seed;
  private final Random random;

  /**
   * Payment ids made from the seed, shared by the schedule's nodes, so a replayed seed makes the
   * same payments under the same ids (and the same idempotency keys at the processor).
   */
  private final Supplier<PaymentId> paymentIds;

  private final CampaignBackend backend;
  private final CampaignReport report;
  private final Topology topology;
  private final InMemoryPaymentStore db = InMemoryPaymentStore.create();
  private final TestClock clock = TestClock.at("2026-01-01T15:00:00Z");
  private final Actor desk =
      Actor.staff(
          org.electronicpayments.StaffId.of("desk-1"),
          Set.of(org.electronicpayments.security.Role.allPermissions("Champion")));
  private final List<PaymentRequest> submitted = new ArrayList<>();
  private final Set<String> reportedFailedAttempts = ConcurrentHashMap.newKeySet();
  private final Duration deadline;
  private final Duration lease;
  private final List<HostNode> nodes = new ArrayList<>();

  /**
   * Payments refunded outside the SDK whose webhook has not been acknowledged yet (the processor
   * retries it).
   */
  private final Set<PaymentId> undelivered = new java.util.LinkedHashSet<>();

  private HostNode node;
  private ElectronicPayments payments;
  private int sequence;

  /**
   * How many host nodes share the schedule's store, whether every other node takes the facade's
   * worker-thread path ({@link org.electronicpayments.testkit.WorkerThreadProcessor}), and the most
   * steps a schedule takes (at least 4).
   */
  record Topology(int nodes, boolean everyOtherOnWorkers, int maxSteps) {
    static final Topology ONE_NODE = new Topology(1, false, 17);
  }

  Schedule(long seed, CampaignBackend backend, CampaignReport report) {
    this(seed, backend, report, Topology.ONE_NODE);
  }

  Schedule(long seed, CampaignBackend backend, CampaignReport report, Topology topology) {
    this.seed = seed;
    // Consecutive seeds give java.util.Random nearly the same first draw for a power-of-two bound
    // (every schedule of 4 + nextInt(8) steps took 10); mixing the seed spreads them.
    this.random = new Random(seed * 0x9E3779B97F4A7C15L);
    AtomicLong made = new AtomicLong();
    String prefix = "pay_s" + Long.toString(seed, 36) + "n";
    this.paymentIds = () -> PaymentId.of(prefix + made.incrementAndGet());
    this.backend = backend;
    this.report = report;
    this.topology = topology;
    this.deadline = backend.deadline();
    this.lease = deadline.multipliedBy(2);
  }

  void run() {
    backend.reset();
    backend.begin(seed);
    for (int i = 0; i < topology.nodes(); i++) {
      nodes.add(
          new HostNode(
              "node-" + i,
              db,
              backend.processor(),
              topology.everyOtherOnWorkers() && i % 2 == 1,
              clock,
              deadline,
              paymentIds));
    }
    use(nodes.get(0));
    try {
      int steps = 4 + random.nextInt(topology.maxSteps() - 3);
      for (int i = 0; i < steps; i++) {
        if (nodes.size() > 1) {
          use(nodes.get(random.nextInt(nodes.size())));
        }
        step();
        report.steps.increment();
      }
      finish();
      new EndOfScheduleChecks(seed, backend, db, report).check(reportedFailedAttempts, CLIENTS);
      awaitIdleWorkers();
      for (HostNode n : nodes) {
        if (n.busyWorkers() > 0) {
          report.violation(
              seed,
              "G4: "
                  + n.busyWorkers()
                  + " worker threads of "
                  + n.name
                  + " still busy after the schedule");
        }
      }
    } catch (RuntimeException | Error e) {
      report.violation(seed, "unexpected " + e);
    } finally {
      nodes.forEach(HostNode::close);
      report.schedules.increment();
    }
  }

  private void use(HostNode n) {
    node = n;
    payments = n.payments();
  }

  private void crashed() {
    report.crashes.increment();
    node.restart();
    use(node);
  }

  private void step() {
    int roll = random.nextInt(100);
    try {
      if (roll < 29) {
        act("new payment", () -> submit(newRequest()));
      } else if (roll < 32) {
        act("dashboard refund", this::dashboardRefund);
      } else if (roll < 42 && !submitted.isEmpty()) {
        PaymentRequest again = submitted.get(random.nextInt(submitted.size()));
        if (nodes.size() > 1 && random.nextBoolean()) {
          act("double submit on two nodes at once", () -> race(again));
        } else {
          act("double submit", () -> submit(again));
        }
      } else if (roll < 50) {
        Payment p = anyPayment();
        CardChoice other =
            random.nextBoolean()
                ? null
                : CardChoice.oneTime(ONE_TIME[random.nextInt(ONE_TIME.length)]);
        act(
            "host retry",
            () -> p == null ? null : record(timed(() -> payments.retry(desk, p.id(), other))));
      } else if (roll < 57) {
        Payment p = anyPayment();
        act("save", () -> p == null ? null : payments.save(desk, p.id()));
      } else if (roll < 64) {
        act("reconcile", () -> payments.reconcile(Actor.system("reconciler")));
      } else if (roll < 70) {
        Payment p = anyPayment();
        act(
            "webhook refresh",
            () ->
                p == null
                    ? null
                    : record(timed(() -> payments.refresh(Actor.system("webhooks"), p.id()))));
      } else if (roll < 74) {
        Payment p = anyPayment();
        act("refund", () -> p == null ? null : payments.refund(desk, p.id(), Money.usd("1.00")));
      } else if (roll < 77) {
        act("foreign actor", this::foreignActorIsDenied);
      } else if (roll < 85) {
        report.fault(backend.injectFault(random));
      } else if (roll < 88) {
        List<String> waiting =
            db.payments().stream()
                .filter(p -> p.status() == PaymentStatus.REQUIRES_ACTION)
                .map(p -> p.currentAttempt().processorReference())
                .filter(java.util.Objects::nonNull)
                .toList();
        report.action(backend.authenticate(random, waiting));
      } else if (roll < 94) {
        int onWrite = 1 + random.nextInt(4);
        boolean after = random.nextBoolean();
        node.host()
            .crashOnWrite(
                onWrite,
                after ? CrashingPaymentStore.When.AFTER : CrashingPaymentStore.When.BEFORE);
        report.fault("host crash " + (after ? "after" : "before") + " write " + onWrite);
      } else {
        clock.advance(lease.plusMillis(100));
        report.action("time passes");
      }
    } catch (CrashingPaymentStore.SimulatedCrash crash) {
      crashed();
    } catch (PaymentException expected) {
      report.action("refused: " + expected.getClass().getSimpleName());
    }
  }

  private void act(String name, java.util.function.Supplier<Object> action) {
    report.action(name);
    action.get();
  }

  /**
   * G6 under the campaign: a client, or a representative of other clients, reaches for a payment or
   * a saved card that is not theirs, at whatever point of the schedule this lands.
   */
  private Object foreignActorIsDenied() {
    Payment p = anyPayment();
    if (p == null) {
      return null;
    }
    ClientId owner = p.clientId();
    ClientId other =
        CLIENTS.stream()
            .filter(c -> !c.equals(owner))
            .toList()
            .get(random.nextInt(CLIENTS.size() - 1));
    Actor stranger =
        random.nextBoolean()
            ? Actor.client(other)
            : Actor.representative(
                org.electronicpayments.RepresentativeId.of("rep-" + other.value()), Set.of(other));
    List<PaymentMethod> cards = db.cards(PaymentsTestbed.AGENCY.id(), owner);
    List<Runnable> reaches =
        new ArrayList<>(
            List.of(
                () -> payments.payment(stranger, p.id()),
                () -> payments.refresh(stranger, p.id()),
                () -> payments.receipt(stranger, p.id()),
                () -> payments.savedCards(stranger, owner),
                () -> payments.retry(stranger, p.id(), null),
                () -> payments.refund(stranger, p.id(), Money.usd("1.00")),
                () -> payments.save(stranger, p.id())));
    if (!cards.isEmpty()) {
      reaches.add(() -> payments.removeCard(stranger, cards.get(0).id()));
    }
    int which = random.nextInt(reaches.size());
    try {
      reaches.get(which).run();
      report.violation(
          seed,
          "G6: "
              + stranger.auditName()
              + " reached "
              + p.id()
              + " of client "
              + owner
              + " (operation "
              + which
              + ")");
    } catch (org.electronicpayments.AccessDeniedException expected) {
      report.action("foreign actor denied");
    }
    return null;
  }

  private PaymentRequest newRequest() {
    ClientId client = CLIENTS.get(random.nextInt(CLIENTS.size()));
    var b =
        PaymentRequest.builder()
            .client(client)
            .origin(Origin.APPOINTMENTS)
            .payer(Payer.CO_PAY)
            .reference("REF-" + seed + "-" + (++sequence))
            .amountReceived((5 + random.nextInt(50)) + ".00")
            .note("DOS 90837");
    int kind = random.nextInt(10);
    if (kind == 0) {
      return b.type(PaymentType.CASH).build();
    }
    CardChoice card;
    List<PaymentMethod> saved = db.cards(PaymentsTestbed.AGENCY.id(), client);
    if (kind <= 3 && !saved.isEmpty()) {
      card = CardChoice.saved(saved.get(random.nextInt(saved.size())).id());
      b.clientPresent(random.nextBoolean());
    } else if (kind <= 5) {
      card =
          CardChoice.saveNew(
              TO_SAVE[random.nextInt(TO_SAVE.length)],
              "Card " + sequence,
              Consent.of(ConsentGiver.CLIENT, ConsentChannel.FRONT_DESK));
    } else {
      card = CardChoice.oneTime(ONE_TIME[random.nextInt(ONE_TIME.length)]);
    }
    return b.electronic(true).card(card).build();
  }

  private Object submit(PaymentRequest request) {
    submitted.add(request);
    return record(timed(() -> payments.process(desk, request)));
  }

  private PaymentResult timed(java.util.function.Supplier<PaymentResult> call) {
    long start = System.nanoTime();
    PaymentResult r = call.get();
    long millis = (System.nanoTime() - start) / 1_000_000;
    report.call(millis);
    if (millis > deadline.toMillis() + 1000) {
      report.violation(
          seed, "G4: a call took " + millis + " ms, deadline " + deadline.toMillis() + " ms");
    }
    return r;
  }

  private PaymentResult record(PaymentResult r) {
    if (r instanceof PaymentResult.Failed && r.payment().currentAttempt() != null) {
      reportedFailedAttempts.add(
          r.payment().id().value() + "#" + r.payment().currentAttempt().number());
    }
    return r;
  }

  private Payment anyPayment() {
    List<Payment> all = db.payments();
    return all.isEmpty() ? null : all.get(random.nextInt(all.size()));
  }

  /**
   * The same request submitted on two nodes at the same moment, as two front-desk screens (or a
   * load balancer's retry) would; each call is bounded by the deadline, and the request is charged
   * at most once.
   */
  private Object race(PaymentRequest request) {
    HostNode other =
        nodes.get((nodes.indexOf(node) + 1 + random.nextInt(nodes.size() - 1)) % nodes.size());
    CountDownLatch go = new CountDownLatch(1);
    HostNode mine = node;
    List<CompletableFuture<PaymentResult>> calls = new ArrayList<>();
    for (HostNode n : List.of(mine, other)) {
      calls.add(
          CompletableFuture.supplyAsync(
              () -> {
                awaitQuietly(go);
                return record(timed(() -> n.payments().process(desk, request)));
              },
              RACERS));
    }
    go.countDown();
    for (int i = 0; i < calls.size(); i++) {
      HostNode n = i == 0 ? mine : other;
      try {
        calls.get(i).join();
      } catch (CompletionException e) {
        if (e.getCause() instanceof CrashingPaymentStore.SimulatedCrash) {
          report.crashes.increment();
          n.restart();
        } else if (e.getCause() instanceof PaymentException refused) {
          report.action("refused: " + refused.getClass().getSimpleName());
        } else {
          throw e;
        }
      }
    }
    use(mine);
    return null;
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Staff refund a charged payment in the processor's dashboard, part of it or all that is left;
   * its webhook reaches a node now or, like every webhook the processor retries, later.
   */
  private @Nullable Object dashboardRefund() {
    List<Payment> charged =
        db.payments().stream()
            .filter(
                p ->
                    p.status().isCharged()
                        && p.currentAttempt() != null
                        && p.currentAttempt().status() == PaymentStatus.SUCCEEDED
                        && p.currentAttempt().processorReference() != null)
            .toList();
    if (charged.isEmpty()) {
      return null;
    }
    Payment p = charged.get(random.nextInt(charged.size()));
    try {
      backend.dashboardRefund(
          p.currentAttempt().processorReference(), random.nextBoolean() ? null : 50L);
    } catch (IllegalStateException | IllegalArgumentException refused) {
      report.action("dashboard refund refused by the processor");
      return null;
    }
    undelivered.add(p.id());
    if (random.nextBoolean()) {
      deliver(p.id());
    }
    return p;
  }

  /**
   * The processor's webhook for a payment refunded outside the SDK reaches the current node. Only
   * at the end, with no fault left armed, is it checked against the processor's ledger and, once
   * recorded, taken as acknowledged; until then the processor keeps retrying it.
   */
  private void deliver(PaymentId id) {
    record(timed(() -> payments.refresh(Actor.system("webhooks"), id)));
  }

  private boolean recordedEveryOutsideRefund(PaymentId id) {
    Payment p = db.find(id).orElse(null);
    if (p == null
        || p.currentAttempt() == null
        || p.currentAttempt().processorReference() == null) {
      return false;
    }
    String reference = p.currentAttempt().processorReference();
    Set<String> recorded = new java.util.HashSet<>();
    p.refunds().forEach(r -> recorded.add(r.processorReference()));
    return backend.refunds().stream()
        .filter(r -> r.chargeReference().equals(reference))
        .allMatch(r -> recorded.contains(r.refundReference()));
  }

  /**
   * Time passes, hung calls end, fresh hosts start and reconcile until nothing is left in doubt.
   */
  private void finish() {
    nodes.forEach(n -> n.host().disarm());
    for (int round = 0; round < 4; round++) {
      backend.settleEverything();
      awaitIdleWorkers();
      clock.advance(lease.plusMillis(100));
      nodes.forEach(HostNode::restart);
      use(nodes.get(0));
      payments.reconcile(Actor.system("reconciler"));
      for (PaymentId id :
          List.copyOf(undelivered)) { // the processor retries each webhook until acknowledged
        try {
          deliver(id);
          if (recordedEveryOutsideRefund(id)) {
            undelivered.remove(id);
          }
        } catch (PaymentException notAcknowledged) {
          report.action("webhook not acknowledged: " + notAcknowledged.getClass().getSimpleName());
        }
      }
      if (undelivered.isEmpty() && db.payments().stream().noneMatch(Schedule::leftInDoubt)) {
        return;
      }
    }
  }

  /**
   * Whether a payment, or one of its refunds, is still pending, processing or in doubt: the next
   * reconcile has something to settle (a pass can fail for one, as on a kept-alive connection the
   * server closed while idle, and leave it to the next).
   */
  private static boolean leftInDoubt(Payment p) {
    return EndOfScheduleChecks.UNSETTLED.contains(p.status())
        || p.refunds().stream().anyMatch(r -> EndOfScheduleChecks.UNSETTLED.contains(r.status()));
  }

  /** Waits (bounded) for the nodes' worker threads to finish what they were doing. */
  private void awaitIdleWorkers() {
    for (int i = 0; i < 300 && nodes.stream().anyMatch(n -> n.busyWorkers() > 0); i++) {
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
