package org.electronicpayments.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.electronicpayments.ElectronicPayments;
import org.electronicpayments.ReconcileReport;
import org.electronicpayments.testkit.CrashingPaymentStore;
import org.electronicpayments.testkit.FakePaymentProcessor;
import org.electronicpayments.testkit.InMemoryPaymentStore;
import org.electronicpayments.testkit.PaymentsTestbed;
import org.electronicpayments.testkit.SamplePayments;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class ReconcileScheduleTest {

  @Test
  void runsAgainAndAgainOnItsOwnThreadUntilStopped() throws Exception {
    CountDownLatch threeRuns = new CountDownLatch(3);
    List<String> threads = new CopyOnWriteArrayList<>();
    PaymentEvents events =
        new PaymentEvents() {
          @Override
          public void reconciled(@Nullable ReconcileReport report, long nanos) {
            threads.add(Thread.currentThread().getName());
            threeRuns.countDown();
          }
        };
    try (PaymentsTestbed bed = PaymentsTestbed.create()) {
      ReconcileSchedule schedule =
          new ReconcileSchedule(
              bed.payments(),
              new ElectronicPaymentsProperties.Reconcile(
                  true, Duration.ofMillis(20), Duration.ofMillis(10), Duration.ZERO),
              events);
      schedule.start();
      try {
        assertThat(threeRuns.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(schedule.isRunning()).isTrue();
      } finally {
        schedule.stop();
      }
      assertThat(schedule.isRunning()).isFalse();
      assertThat(threads).allMatch(name -> name.equals("electronic-payments-reconcile"));
    }
  }

  @Test
  void aRunThatThrowsIsReportedAndTheNextRunStillComes() throws Exception {
    CountDownLatch twoFailedRuns = new CountDownLatch(2);
    PaymentEvents events =
        new PaymentEvents() {
          @Override
          public void reconciled(@Nullable ReconcileReport report, long nanos) {
            if (report == null) {
              twoFailedRuns.countDown();
            }
          }
        };
    CrashingPaymentStore store = CrashingPaymentStore.over(InMemoryPaymentStore.create());
    store.crash(); // the database is gone: every run throws
    ElectronicPayments payments =
        ElectronicPayments.builder()
            .processor(FakePaymentProcessor.create())
            .store(store)
            .agency(PaymentsTestbed.AGENCY)
            .build();
    ReconcileSchedule schedule =
        new ReconcileSchedule(
            payments,
            new ElectronicPaymentsProperties.Reconcile(
                true, Duration.ofMillis(20), Duration.ZERO, Duration.ZERO),
            events);
    schedule.start();
    try {
      assertThat(twoFailedRuns.await(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      schedule.stop();
      payments.close();
    }
  }

  @Test
  void runOnceSettlesWhatIsInDoubtAndSaysSo() {
    try (PaymentsTestbed bed = PaymentsTestbed.create()) {
      bed.processor()
          .script()
          .onNext(FakePaymentProcessor.Operation.CONFIRM)
          .timeoutAfterCharging();
      var result =
          bed.payments()
              .process(
                  bed.frontDesk(),
                  SamplePayments.cardPayment(
                          PaymentsTestbed.AGENCY.id(),
                          PaymentsTestbed.CLIENT,
                          "RS-1",
                          java.time.Instant.now())
                      .request());
      assertThat(result.status()).hasToString("IN_DOUBT");
      ReconcileSchedule schedule =
          new ReconcileSchedule(
              bed.payments(),
              new ElectronicPaymentsProperties.Reconcile(
                  true, Duration.ofMinutes(1), Duration.ZERO, Duration.ZERO),
              PaymentEvents.NONE);

      ReconcileReport report = schedule.runOnce();

      assertThat(report).isNotNull();
      assertThat(report.succeeded()).isEqualTo(1);
    }
  }

  @Test
  void theJitterSpreadsRunsWithinItsBounds() {
    try (PaymentsTestbed bed = PaymentsTestbed.create()) {
      ReconcileSchedule schedule =
          new ReconcileSchedule(
              bed.payments(),
              new ElectronicPaymentsProperties.Reconcile(
                  true, Duration.ofSeconds(60), Duration.ofSeconds(10), Duration.ZERO),
              PaymentEvents.NONE);
      List<Long> delays = new java.util.ArrayList<>();
      for (int i = 0; i < 200; i++) {
        delays.add(schedule.nextDelayMillis());
      }
      assertThat(delays).allMatch(d -> d >= 50_000 && d <= 70_000);
      assertThat(delays.stream().distinct().count()).isGreaterThan(1);
    }
  }

  @Test
  void aZeroIntervalIsRefusedNamingTheProperty() {
    try (PaymentsTestbed bed = PaymentsTestbed.create()) {
      assertThatThrownBy(
              () ->
                  new ReconcileSchedule(
                      bed.payments(),
                      new ElectronicPaymentsProperties.Reconcile(
                          true, Duration.ZERO, Duration.ZERO, Duration.ZERO),
                      PaymentEvents.NONE))
          .hasMessageContaining("electronic-payments.reconcile.interval");
    }
  }
}
