package org.electronicpayments.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.electronicpayments.AgencyId;
import org.electronicpayments.ClientId;
import org.electronicpayments.ElectronicPayments;
import org.electronicpayments.Payment;
import org.electronicpayments.PaymentQuery;
import org.electronicpayments.PaymentResult;
import org.electronicpayments.PaymentStatus;
import org.electronicpayments.ReconcileReport;
import org.electronicpayments.testkit.FakePaymentProcessor;
import org.electronicpayments.testkit.FakePaymentProcessor.Operation;
import org.electronicpayments.testkit.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Two host nodes, each with its own facade and store, on one database and one processor. */
class TwoNodesTest {

  private final String n = UUID.randomUUID().toString().substring(0, 8);
  private final AgencyId agency = AgencyId.of("agency-" + n);
  private final ClientId client = ClientId.of("client-" + n);
  private final FakePaymentProcessor stripe = FakePaymentProcessor.create();
  private final TestClock clock = TestClock.at("2026-01-01T15:00:00Z");
  private final List<ElectronicPayments> nodes = new ArrayList<>();

  @AfterEach
  void stopNodes() {
    nodes.forEach(ElectronicPayments::close);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  @DisplayName("a double submit landing on two nodes at once makes one payment and one charge")
  void doubleSubmitOnTwoNodesChargesOnce(TestDatabase db) throws Exception {
    ElectronicPayments a = node(db);
    ElectronicPayments b = node(db);
    for (int i = 0; i < 10; i++) {
      var request = Node.visaPayment(client, "REF-" + i);
      List<PaymentResult> results =
          Race.run(
              List.<Callable<PaymentResult>>of(
                  () -> a.process(Node.STAFF, request), () -> b.process(Node.STAFF, request)));
      assertThat(results.get(0).payment().id()).isEqualTo(results.get(1).payment().id());
      assertThat(results)
          .allSatisfy(
              r ->
                  assertThat(r.status())
                      .isIn(
                          PaymentStatus.SUCCEEDED,
                          PaymentStatus.PENDING,
                          PaymentStatus.PROCESSING));
      assertThat(stripe.succeededChargesFor(results.get(0).payment().id())).hasSize(1);
    }
    List<Payment> stored = db.store().query(agency, PaymentQuery.all());
    assertThat(stored)
        .hasSize(10)
        .allSatisfy(p -> assertThat(p.status()).isEqualTo(PaymentStatus.SUCCEEDED));
    assertThat(stripe.chargeCount()).isEqualTo(10);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  @DisplayName("two nodes reconciling at once settle every in-doubt payment exactly once")
  void concurrentReconcilesSettleEachOnce(TestDatabase db) throws Exception {
    ElectronicPayments a = node(db);
    ElectronicPayments b = node(db);
    stripe.script().onNext(Operation.CONFIRM).times(6).timeoutAfterCharging();
    for (int i = 0; i < 6; i++) {
      assertThat(a.process(Node.STAFF, Node.visaPayment(client, "CHARGED-" + i)).status())
          .isEqualTo(PaymentStatus.IN_DOUBT);
    }
    stripe.script().onNext(Operation.CONFIRM).times(6).timeoutBeforeCharging();
    for (int i = 0; i < 6; i++) {
      assertThat(b.process(Node.STAFF, Node.visaPayment(client, "NOT-CHARGED-" + i)).status())
          .isEqualTo(PaymentStatus.IN_DOUBT);
    }
    clock.advance(Duration.ofMinutes(1));
    List<ReconcileReport> reports =
        Race.run(
            List.<Callable<ReconcileReport>>of(
                () -> a.reconcile(Node.RECONCILER), () -> b.reconcile(Node.RECONCILER)));

    assertThat(reports.stream().mapToInt(ReconcileReport::succeeded).sum()).isEqualTo(6);
    assertThat(reports.stream().mapToInt(ReconcileReport::failed).sum()).isEqualTo(6);
    Map<String, Long> resolvesPerKey =
        stripe.calls().stream()
            .filter(c -> c.operation() == Operation.RESOLVE)
            .collect(
                Collectors.groupingBy(
                    c -> String.valueOf(c.idempotencyKey()), Collectors.counting()));
    assertThat(resolvesPerKey)
        .hasSize(12)
        .allSatisfy((key, count) -> assertThat(count).as(key).isEqualTo(1));
    Map<String, Payment> byReference =
        db.store().query(agency, PaymentQuery.all()).stream()
            .collect(Collectors.toMap(p -> p.request().reference(), Function.identity()));
    byReference.forEach(
        (reference, p) -> {
          assertThat(p.status())
              .as(reference)
              .isEqualTo(
                  reference.startsWith("CHARGED") ? PaymentStatus.SUCCEEDED : PaymentStatus.FAILED);
          assertThat(stripe.succeededChargesFor(p.id()))
              .hasSize(reference.startsWith("CHARGED") ? 1 : 0);
        });
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  @DisplayName(
      "two nodes reconciling more in-doubt payments than one claim batch settle each exactly once")
  void concurrentReconcilesClaimDisjointBatches(TestDatabase db) throws Exception {
    ElectronicPayments a = node(db);
    ElectronicPayments b = node(db);
    int count = 230;
    stripe.script().onNext(Operation.CONFIRM).times(count).timeoutAfterCharging();
    for (int i = 0; i < count; i++) {
      assertThat(a.process(Node.STAFF, Node.visaPayment(client, "BATCH-" + i)).status())
          .isEqualTo(PaymentStatus.IN_DOUBT);
    }
    clock.advance(Duration.ofSeconds(1));

    List<ReconcileReport> reports =
        Race.run(
            List.<Callable<ReconcileReport>>of(
                () -> a.reconcile(Node.RECONCILER), () -> b.reconcile(Node.RECONCILER)));

    assertThat(reports.stream().mapToInt(ReconcileReport::examined).sum()).isEqualTo(count);
    assertThat(reports.stream().mapToInt(ReconcileReport::succeeded).sum()).isEqualTo(count);
    Map<String, Long> resolvesPerKey =
        stripe.calls().stream()
            .filter(c -> c.operation() == Operation.RESOLVE)
            .collect(
                Collectors.groupingBy(
                    c -> String.valueOf(c.idempotencyKey()), Collectors.counting()));
    assertThat(resolvesPerKey)
        .hasSize(count)
        .allSatisfy((key, n) -> assertThat(n).as(key).isEqualTo(1));
    assertThat(db.store().query(agency, PaymentQuery.all().limit(1000)))
        .hasSize(count)
        .allSatisfy(p -> assertThat(p.status()).isEqualTo(PaymentStatus.SUCCEEDED));
    assertThat(stripe.chargeCount()).isEqualTo(count);
  }

  private ElectronicPayments node(TestDatabase db) {
    ElectronicPayments node = Node.facade(agency, db.store(), stripe, clock);
    nodes.add(node);
    return node;
  }
}
