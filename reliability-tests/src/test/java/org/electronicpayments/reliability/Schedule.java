package org.electronicpayments.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.electronicpayments.AgencyDetails;
import org.electronicpayments.CardChoice;
import org.electronicpayments.ClientId;
import org.electronicpayments.ElectronicPayments;
import org.electronicpayments.Money;
import org.electronicpayments.Origin;
import org.electronicpayments.Payer;
import org.electronicpayments.Payment;
import org.electronicpayments.PaymentException;
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

/**
 * One seeded random schedule over the whole flow: new payments, double submits, host retries,
 * Save, reconcile, webhook-style refreshes, refunds and clients completing 3-D Secure (which a card
 * saved with {@code pm_card_authenticationRequiredOnSetup} needs), with processor faults and host crashes
 * injected between any two steps. The invariants of G1–G4 are checked at the end from the
 * processor's own ledger against the store.
 */
final class Schedule {

  static final List<ClientId> CLIENTS = List.of(ClientId.of("1000"), ClientId.of("1001"), ClientId.of("1002"));
  static final String[] ONE_TIME = {"pm_card_visa", "pm_card_visa", "pm_card_mastercard", "pm_card_amex",
      "pm_card_visa_chargeDeclined", "pm_card_visa_chargeDeclinedInsufficientFunds", "pm_card_authenticationRequired",
      "pm_card_chargeDeclinedProcessingError"};
  static final String[] TO_SAVE = {"pm_card_visa", "pm_card_mastercard", "pm_card_chargeCustomerFail",
      "pm_card_visa_chargeDeclined", "pm_card_authenticationRequiredOnSetup"};

  private final long seed;
  private final Random random;
  private final CampaignBackend backend;
  private final CampaignReport report;
  private final InMemoryPaymentStore db = InMemoryPaymentStore.create();
  private final TestClock clock = TestClock.at("2026-01-01T15:00:00Z");
  private final ThreadPoolExecutor workers =
      new ThreadPoolExecutor(0, 64, 50, TimeUnit.MILLISECONDS, new SynchronousQueue<>());
  private final Actor desk = Actor.staff(org.electronicpayments.StaffId.of("desk-1"),
      Set.of(org.electronicpayments.security.Role.allPermissions("Champion")));
  private final List<PaymentRequest> submitted = new ArrayList<>();
  private final Set<String> reportedFailedAttempts = new HashSet<>();
  private final Duration deadline;
  private final Duration lease;
  private CrashingPaymentStore host;
  private ElectronicPayments payments;
  private int sequence;

  Schedule(long seed, CampaignBackend backend, CampaignReport report) {
    this.seed = seed;
    this.random = new Random(seed);
    this.backend = backend;
    this.report = report;
    this.deadline = backend.deadline();
    this.lease = deadline.multipliedBy(2);
  }

  void run() {
    backend.reset();
    startHost();
    try {
      int steps = 4 + random.nextInt(14);
      for (int i = 0; i < steps; i++) {
        step();
        report.steps.increment();
      }
      finish();
      check();
    } catch (RuntimeException | Error e) {
      report.violation(seed, "unexpected " + e);
    } finally {
      payments.close();
      workers.shutdownNow();
      report.schedules.increment();
    }
  }

  private void startHost() {
    host = CrashingPaymentStore.over(db);
    AgencyDetails agency = PaymentsTestbed.AGENCY;
    payments = ElectronicPayments.builder().processor(backend.processor()).store(host).agency(agency)
        .clock(clock).deadline(deadline).lease(lease).executor(workers).build();
  }

  private void crashed() {
    report.crashes.increment();
    payments.close();
    startHost();
  }

  private void step() {
    int roll = random.nextInt(100);
    try {
      if (roll < 32) {
        act("new payment", () -> submit(newRequest()));
      } else if (roll < 42 && !submitted.isEmpty()) {
        act("double submit", () -> submit(submitted.get(random.nextInt(submitted.size()))));
      } else if (roll < 50) {
        Payment p = anyPayment();
        CardChoice other = random.nextBoolean() ? null : CardChoice.oneTime(ONE_TIME[random.nextInt(ONE_TIME.length)]);
        act("host retry", () -> p == null ? null : record(timed(() -> payments.retry(desk, p.id(), other))));
      } else if (roll < 57) {
        Payment p = anyPayment();
        act("save", () -> p == null ? null : payments.save(desk, p.id()));
      } else if (roll < 64) {
        act("reconcile", () -> payments.reconcile(Actor.system("reconciler")));
      } else if (roll < 70) {
        Payment p = anyPayment();
        act("webhook refresh", () -> p == null ? null
            : record(timed(() -> payments.refresh(Actor.system("webhooks"), p.id()))));
      } else if (roll < 74) {
        Payment p = anyPayment();
        act("refund", () -> p == null ? null : payments.refund(desk, p.id(), Money.usd("1.00")));
      } else if (roll < 77) {
        act("foreign actor", this::foreignActorIsDenied);
      } else if (roll < 85) {
        report.fault(backend.injectFault(random));
      } else if (roll < 88) {
        List<String> waiting = db.payments().stream().filter(p -> p.status() == PaymentStatus.REQUIRES_ACTION)
            .map(p -> p.currentAttempt().processorReference()).filter(java.util.Objects::nonNull).toList();
        report.action(backend.authenticate(random, waiting));
      } else if (roll < 94) {
        int onWrite = 1 + random.nextInt(4);
        boolean after = random.nextBoolean();
        host.crashOnWrite(onWrite, after ? CrashingPaymentStore.When.AFTER : CrashingPaymentStore.When.BEFORE);
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
   * G6 under the campaign: a client, or a representative of other clients, reaches for a payment
   * or a saved card that is not theirs, at whatever point of the schedule this lands.
   */
  private Object foreignActorIsDenied() {
    Payment p = anyPayment();
    if (p == null) {
      return null;
    }
    ClientId owner = p.clientId();
    ClientId other = CLIENTS.stream().filter(c -> !c.equals(owner)).toList().get(random.nextInt(CLIENTS.size() - 1));
    Actor stranger = random.nextBoolean() ? Actor.client(other)
        : Actor.representative(org.electronicpayments.RepresentativeId.of("rep-" + other.value()), Set.of(other));
    List<PaymentMethod> cards = host.cards(PaymentsTestbed.AGENCY.id(), owner);
    List<Runnable> reaches = new ArrayList<>(List.of(
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
      report.violation(seed, "G6: " + stranger.auditName() + " reached " + p.id() + " of client " + owner
          + " (operation " + which + ")");
    } catch (org.electronicpayments.AccessDeniedException expected) {
      report.action("foreign actor denied");
    }
    return null;
  }

  private PaymentRequest newRequest() {
    ClientId client = CLIENTS.get(random.nextInt(CLIENTS.size()));
    var b = PaymentRequest.builder().client(client).origin(Origin.APPOINTMENTS).payer(Payer.CO_PAY)
        .reference("REF-" + seed + "-" + (++sequence)).amountReceived((5 + random.nextInt(50)) + ".00")
        .note("DOS 90837");
    int kind = random.nextInt(10);
    if (kind == 0) {
      return b.type(PaymentType.CASH).build();
    }
    CardChoice card;
    List<PaymentMethod> saved = host.cards(PaymentsTestbed.AGENCY.id(), client);
    if (kind <= 3 && !saved.isEmpty()) {
      card = CardChoice.saved(saved.get(random.nextInt(saved.size())).id());
      b.clientPresent(random.nextBoolean());
    } else if (kind <= 5) {
      card = CardChoice.saveNew(TO_SAVE[random.nextInt(TO_SAVE.length)], "Card " + sequence);
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
      report.violation(seed, "G4: a call took " + millis + " ms, deadline " + deadline.toMillis() + " ms");
    }
    return r;
  }

  private PaymentResult record(PaymentResult r) {
    if (r instanceof PaymentResult.Failed && r.payment().currentAttempt() != null) {
      reportedFailedAttempts.add(r.payment().id().value() + "#" + r.payment().currentAttempt().number());
    }
    return r;
  }

  private Payment anyPayment() {
    List<Payment> all = db.payments();
    return all.isEmpty() ? null : all.get(random.nextInt(all.size()));
  }

  /** Time passes, hung calls end, a fresh host reconciles until nothing is left in doubt. */
  private void finish() {
    host.disarm();
    for (int round = 0; round < 4; round++) {
      backend.settleEverything();
      awaitIdleWorkers();
      clock.advance(lease.plusMillis(100));
      payments.close();
      startHost();
      payments.reconcile(Actor.system("reconciler"));
      if (db.payments().stream().noneMatch(p -> p.status() == PaymentStatus.IN_DOUBT
          || p.status() == PaymentStatus.PENDING || p.status() == PaymentStatus.PROCESSING)) {
        return;
      }
    }
  }

  private void awaitIdleWorkers() {
    for (int i = 0; i < 300 && workers.getActiveCount() > 0; i++) {
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void check() {
    List<CampaignBackend.Charge> charges = backend.charges();
    List<Payment> stored = db.payments();
    report.payments.add(stored.size());
    report.charges.add(charges.size());
    Map<String, List<CampaignBackend.Charge>> byPayment = charges.stream()
        .collect(Collectors.groupingBy(c -> c.paymentId().value()));
    byPayment.forEach((id, list) -> {
      if (list.size() > 1) {
        report.violation(seed, "G1: payment " + id + " charged " + list.size() + " times");
      }
    });
    for (CampaignBackend.Charge c : charges) {
      Payment p = db.find(c.paymentId()).orElse(null);
      if (p == null || !p.status().isCharged() || !c.chargeReference().equals(p.confirmationNumber())) {
        report.violation(seed, "G2: charge " + c + " is recorded as " + (p == null ? "nothing" : p.status()
            + " / " + p.confirmationNumber()));
      }
      if (reportedFailedAttempts.contains(c.paymentId().value() + "#" + c.attempt())) {
        report.violation(seed, "G3: attempt " + c.attempt() + " of " + c.paymentId() + " was reported FAILED but charged");
      }
    }
    for (Payment p : stored) {
      if (p.status() == PaymentStatus.IN_DOUBT || p.status() == PaymentStatus.PENDING
          || p.status() == PaymentStatus.PROCESSING) {
        report.violation(seed, "G2: payment " + p.id() + " still " + p.status() + " after reconcile");
      }
    }
    if (stored.stream().map(p -> p.request().reference()).distinct().count() != stored.size()) {
      report.violation(seed, "two payments share a reference");
    }
    awaitIdleWorkers();
    if (workers.getActiveCount() > 0) {
      report.violation(seed, "G4: " + workers.getActiveCount() + " worker threads still busy after the schedule");
    }
  }
}
