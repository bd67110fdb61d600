package org.electronicpayments.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.electronicpayments.AgencyId;
import org.electronicpayments.ClientId;
import org.electronicpayments.Payment;
import org.electronicpayments.PaymentId;
import org.electronicpayments.PaymentStatus;
import org.electronicpayments.testkit.SamplePayments;
import org.electronicpayments.testkit.TestClock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link JdbcPaymentStore#claimUnsettled}: what it takes, and that two nodes never take the same
 * payment.
 */
class ClaimUnsettledTest {

  private static final Instant T0 = Instant.parse("2026-01-01T15:00:00Z");

  private final String n = UUID.randomUUID().toString().substring(0, 8);
  private final AgencyId agency = AgencyId.of("agency-" + n);
  private final ClientId client = ClientId.of("client-" + n);
  private final TestClock clock = TestClock.at(T0.plus(Duration.ofHours(1)));

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  @DisplayName(
      "claims in-doubt payments and stale awaiting-action and pending ones, moving each on by a version")
  void claimsWhatReconcileWouldSettle(TestDatabase db) {
    JdbcPaymentStore store = db.store();
    Payment inDoubt = stored(store, "REF-DOUBT", PaymentStatus.IN_DOUBT, T0);
    Payment action = stored(store, "REF-ACTION", PaymentStatus.REQUIRES_ACTION, T0.plusSeconds(1));
    Payment stale = stored(store, "REF-STALE", PaymentStatus.PENDING, T0.plusSeconds(2));
    stored(store, "REF-FRESH", PaymentStatus.PROCESSING, clock.instant());
    stored(store, "REF-DONE", PaymentStatus.SUCCEEDED, T0);
    Instant staleBefore = clock.instant().minus(Duration.ofMinutes(2));
    stored(
        store, "REF-YOUNG-ACTION", PaymentStatus.REQUIRES_ACTION, clock.instant().minusSeconds(5));
    List<Payment> claimed = store.claimUnsettled(agency, clock.instant(), staleBefore, 10);
    assertThat(claimed)
        .extracting(Payment::id)
        .containsExactly(inDoubt.id(), action.id(), stale.id());
    assertThat(claimed)
        .extracting(Payment::status)
        .containsExactly(
            PaymentStatus.PROCESSING, PaymentStatus.REQUIRES_ACTION, PaymentStatus.PROCESSING);
    assertThat(claimed)
        .allSatisfy(
            p -> {
              assertThat(p.version()).isEqualTo(1);
              assertThat(p.updatedAt()).isEqualTo(clock.instant());
              assertThat(store.find(p.id())).contains(p);
            });
    assertThat(store.claimUnsettled(agency, clock.instant(), staleBefore, 10)).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  @DisplayName("two nodes claiming at once take disjoint payments, and every payment is taken")
  void concurrentClaimsAreDisjoint(TestDatabase db) throws Exception {
    JdbcPaymentStore nodeA = db.store();
    JdbcPaymentStore nodeB = db.store();
    Set<PaymentId> all = new HashSet<>();
    for (int i = 0; i < 40; i++) {
      all.add(stored(nodeA, "REF-" + i, PaymentStatus.IN_DOUBT, T0.plusSeconds(i)).id());
    }
    List<Callable<List<Payment>>> nodes = new ArrayList<>();
    for (JdbcPaymentStore node : List.of(nodeA, nodeB, nodeA, nodeB)) {
      nodes.add(
          () -> {
            List<Payment> mine = new ArrayList<>();
            for (List<Payment> batch = node.claimUnsettled(agency, clock.instant(), T0, 5);
                !batch.isEmpty();
                batch = node.claimUnsettled(agency, clock.instant(), T0, 5)) {
              mine.addAll(batch);
            }
            return mine;
          });
    }
    List<PaymentId> claimed = new ArrayList<>();
    Race.run(nodes).forEach(mine -> mine.forEach(p -> claimed.add(p.id())));
    assertThat(claimed).doesNotHaveDuplicates();
    assertThat(new HashSet<>(claimed)).isEqualTo(all);
  }

  private Payment stored(
      JdbcPaymentStore store, String reference, PaymentStatus status, Instant at) {
    Payment p = SamplePayments.cardPayment(agency, client, reference, at);
    Payment s = p.change().status(status).at(at);
    store.insert(s);
    return s;
  }
}
