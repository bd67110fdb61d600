package org.electronicpayments.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
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
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.electronicpayments.CardChoice;
import org.electronicpayments.ConcurrentUpdateException;
import org.electronicpayments.Consent;
import org.electronicpayments.ConsentChannel;
import org.electronicpayments.ConsentGiver;
import org.electronicpayments.ElectronicPayments;
import org.electronicpayments.Payer;
import org.electronicpayments.Payment;
import org.electronicpayments.PaymentException;
import org.electronicpayments.PaymentId;
import org.electronicpayments.PaymentMethodId;
import org.electronicpayments.PaymentRequest;
import org.electronicpayments.PaymentResult;
import org.electronicpayments.PaymentStatus;
import org.electronicpayments.StaffId;
import org.electronicpayments.security.Actor;
import org.electronicpayments.security.Role;
import org.electronicpayments.testkit.InMemoryPaymentStore;
import org.electronicpayments.testkit.PaymentsTestbed;
import org.electronicpayments.testkit.TestClock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * 32 threads submit overlapping requests (the same references, the same saved card, the same
 * client) while faults are injected; afterwards one reconcile settles everything, and no payment is
 * charged twice, every charge is recorded, and no reference has two payments.
 */
class ConcurrencyTest {

  static final int THREADS = 32;
  static final int CALLS_PER_THREAD = 6;
  static final Actor DESK =
      Actor.staff(StaffId.of("desk-1"), Set.of(Role.allPermissions("Champion")));

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"fake", "stripe-module-on-emulator"})
  void overlappingSubmissionsFromThirtyTwoThreadsChargeEachPaymentAtMostOnce(String backendName)
      throws Exception {
    Supplier<CampaignBackend> backends =
        backendName.equals("fake") ? FakeBackend::new : EmulatorBackend::new;
    int rounds = backendName.equals("fake") ? 12 : 3;
    try (CampaignBackend backend = backends.get()) {
      for (int round = 0; round < rounds; round++) {
        runRound(backend, round);
      }
    }
  }

  private void runRound(CampaignBackend backend, long seed) throws Exception {
    backend.reset();
    InMemoryPaymentStore store = InMemoryPaymentStore.create();
    TestClock clock = TestClock.at("2026-01-01T15:00:00Z");
    try (ElectronicPayments payments =
        ElectronicPayments.builder()
            .processor(backend.processor())
            .store(store)
            .agency(PaymentsTestbed.AGENCY)
            .clock(clock)
            .deadline(backend.deadline())
            .build()) {
      PaymentResult saving;
      // The card every round charges is saved before the faults and the race, with a deadline a
      // loaded machine cannot miss (the fake's own 150 ms deadline is for the race itself).
      try (ElectronicPayments setup =
          ElectronicPayments.builder()
              .processor(backend.processor())
              .store(store)
              .agency(PaymentsTestbed.AGENCY)
              .clock(clock)
              .deadline(Duration.ofSeconds(30))
              .build()) {
        saving =
            setup.process(
                DESK,
                request(
                    "SAVE-" + seed,
                    CardChoice.saveNew(
                        "pm_card_visa",
                        "Visa 1000",
                        Consent.of(ConsentGiver.CLIENT, ConsentChannel.FRONT_DESK))));
      }
      assertThat(saving).isInstanceOf(PaymentResult.Succeeded.class);
      PaymentMethodId saved = payments.savedCards(DESK, PaymentsTestbed.CLIENT).get(0).id();
      List<PaymentRequest> pool = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        pool.add(
            request(
                "CONC-" + seed + "-" + i,
                i % 2 == 0 ? CardChoice.saved(saved) : CardChoice.oneTime("pm_card_visa")));
      }
      Random faults = new Random(seed);
      for (int i = 0; i < 6; i++) {
        backend.injectFault(faults);
      }
      Map<String, Set<PaymentId>> idsByReference = new ConcurrentHashMap<>();
      LongAdder answered = new LongAdder();
      LongAdder raced = new LongAdder();
      List<String> refused = new CopyOnWriteArrayList<>();
      ExecutorService threads = Executors.newFixedThreadPool(THREADS);
      try {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
          Random random = new Random(seed * 1000 + t);
          done.add(
              threads.submit(
                  () -> {
                    go.await();
                    for (int n = 0; n < CALLS_PER_THREAD; n++) {
                      PaymentRequest r = pool.get(random.nextInt(pool.size()));
                      try {
                        PaymentResult result =
                            random.nextInt(5) == 0 && !idsByReference.isEmpty()
                                ? payments.refresh(
                                    Actor.system("webhooks"), anyId(idsByReference, random))
                                : payments.process(DESK, r);
                        idsByReference
                            .computeIfAbsent(
                                result.payment().request().reference(),
                                k -> ConcurrentHashMap.newKeySet())
                            .add(result.payment().id());
                        answered.increment();
                      } catch (ConcurrentUpdateException lostARace) {
                        raced.increment(); // another thread wrote the payment first; the caller
                        // rereads
                      } catch (PaymentException unexpected) {
                        refused.add(
                            unexpected.getClass().getSimpleName() + ": " + unexpected.getMessage());
                      }
                    }
                    return null;
                  }));
        }
        go.countDown();
        for (Future<?> f : done) {
          f.get();
        }
      } finally {
        threads.shutdownNow();
      }
      // Every call answered, or lost a race to another writer; a submission of a known reference
      // is answered with that payment, never refused.
      assertThat(refused).as("refusals other than a lost race (seed " + seed + ")").isEmpty();
      assertThat(answered.sum() + raced.sum()).isEqualTo(THREADS * CALLS_PER_THREAD);
      assertThat(answered.sum()).as("calls answered").isGreaterThan(raced.sum());
      backend.settleEverything();
      clock.advance(backend.deadline().multipliedBy(3));
      payments.reconcile(Actor.system("reconciler"));
      backend.settleEverything();
      payments.reconcile(Actor.system("reconciler"));

      idsByReference.forEach(
          (ref, ids) -> assertThat(ids).as("payments answered for " + ref).hasSize(1));
      List<Payment> stored = store.payments();
      assertThat(stored.stream().map(p -> p.request().reference()).collect(Collectors.toSet()))
          .hasSize(stored.size());
      Map<PaymentId, Long> chargesPerPayment =
          backend.charges().stream()
              .collect(
                  Collectors.groupingBy(CampaignBackend.Charge::paymentId, Collectors.counting()));
      chargesPerPayment.forEach(
          (id, n) -> assertThat(n).as("charges of " + id + " (seed " + seed + ")").isEqualTo(1));
      for (CampaignBackend.Charge c : backend.charges()) {
        Payment p = store.find(c.paymentId()).orElseThrow();
        assertThat(p.status().isCharged()).as("G2 for " + c + " (seed " + seed + ")").isTrue();
      }
      assertThat(stored)
          .noneMatch(
              p ->
                  p.status() == PaymentStatus.IN_DOUBT
                      || p.status() == PaymentStatus.PENDING
                      || p.status() == PaymentStatus.PROCESSING);
    }
  }

  private static PaymentId anyId(Map<String, Set<PaymentId>> ids, Random random) {
    List<PaymentId> all = ids.values().stream().flatMap(Set::stream).toList();
    return all.get(random.nextInt(all.size()));
  }

  private static PaymentRequest request(String reference, CardChoice card) {
    return PaymentRequest.builder()
        .client(PaymentsTestbed.CLIENT)
        .reference(reference)
        .payer(Payer.CO_PAY)
        .amountReceived("12.00")
        .electronic(true)
        .card(card)
        .build();
  }
}
