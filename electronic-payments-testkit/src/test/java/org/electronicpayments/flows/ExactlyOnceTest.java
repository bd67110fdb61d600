package org.electronicpayments.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.electronicpayments.testkit.PaymentAssertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.electronicpayments.ElectronicPayments;
import org.electronicpayments.Payment;
import org.electronicpayments.PaymentFailure;
import org.electronicpayments.PaymentQuery;
import org.electronicpayments.PaymentRequest;
import org.electronicpayments.PaymentResult;
import org.electronicpayments.PaymentStatus;
import org.electronicpayments.PaymentValidationException;
import org.electronicpayments.ReconcileReport;
import org.electronicpayments.testkit.ElectronicPaymentsExtension;
import org.electronicpayments.testkit.FakePaymentProcessor;
import org.electronicpayments.testkit.FakePaymentProcessor.Operation;
import org.electronicpayments.testkit.PaymentsTestbed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * G1–G4 on the fake processor: exactly once, nothing lost, no surprise charges, bounded waiting.
 */
@ExtendWith(ElectronicPaymentsExtension.class)
class ExactlyOnceTest {

  @Test
  void doubleSubmitReturnsTheFirstResultAndChargesOnce(PaymentsTestbed bed) {
    PaymentRequest request = Requests.oneTime("pm_card_visa");
    PaymentResult first = bed.payments().process(bed.frontDesk(), request);
    PaymentResult second = bed.payments().process(bed.frontDesk(), request);

    assertThat(second.payment().id()).isEqualTo(first.payment().id());
    assertThat(second).succeeded();
    assertThat(bed.processor().chargeCount()).isEqualTo(1);
    assertThat(bed.store().payments()).hasSize(1);
  }

  @Test
  void sameReferenceWithOtherDetailsIsRejectedAndNothingIsCharged(PaymentsTestbed bed) {
    PaymentRequest request = Requests.oneTime("pm_card_visa");
    bed.payments().process(bed.frontDesk(), request);
    PaymentRequest other =
        Requests.card(request.card())
            .reference(request.reference())
            .amountReceived("11.00")
            .build();

    assertThatThrownBy(() -> bed.payments().process(bed.frontDesk(), other))
        .isInstanceOf(PaymentValidationException.class)
        .hasMessageContaining("reference is already used by another payment of this agency");
    assertThat(bed.processor().chargeCount()).isEqualTo(1);
  }

  @Test
  void timeoutAfterChargeIsInDoubtThenReconcileFindsExactlyOneCharge(PaymentsTestbed bed) {
    bed.processor().script().onNext(Operation.CONFIRM).timeoutAfterCharging();

    PaymentResult r = bed.payments().process(bed.frontDesk(), Requests.oneTime("pm_card_visa"));
    assertThat(r).isInDoubt();
    assertThat(bed.processor().succeededChargesFor(r.payment().id())).hasSize(1);

    ReconcileReport report = bed.payments().reconcile(bed.reconciler());

    assertThat(report.examined()).isEqualTo(1);
    assertThat(report.succeeded()).isEqualTo(1);
    Payment settled = bed.store().find(r.payment().id()).orElseThrow();
    assertThat(settled.status()).isEqualTo(PaymentStatus.SUCCEEDED);
    assertThat(settled.confirmationNumber()).startsWith("ch_");
    assertThat(bed.processor().succeededChargesFor(r.payment().id())).hasSize(1);
  }

  @Test
  void timeoutBeforeChargeIsInDoubtThenReconcileFailsItWithNothingCharged(PaymentsTestbed bed) {
    bed.processor().script().onNext(Operation.CONFIRM).timeoutBeforeCharging();

    PaymentResult r = bed.payments().process(bed.frontDesk(), Requests.oneTime("pm_card_visa"));
    assertThat(r).isInDoubt();

    bed.payments().reconcile(bed.reconciler());

    Payment settled = bed.store().find(r.payment().id()).orElseThrow();
    assertThat(settled.status()).isEqualTo(PaymentStatus.FAILED);
    assertThat(settled.failure().kind()).isEqualTo(PaymentFailure.Kind.CANCELLED);
    assertThat(bed.processor().succeededChargesFor(r.payment().id())).isEmpty();
  }

  @Test
  void aPaymentReportedFailedNeverChargesLaterEvenIfItsConfirmIsReplayed(PaymentsTestbed bed) {
    bed.processor().script().onNext(Operation.CONFIRM).timeoutBeforeCharging();
    PaymentResult r = bed.payments().process(bed.frontDesk(), Requests.oneTime("pm_card_visa"));
    bed.payments().reconcile(bed.reconciler());
    Payment failed = bed.store().find(r.payment().id()).orElseThrow();

    // the host retries the same request, and the stale confirm is replayed at the processor
    PaymentResult again = bed.payments().process(bed.frontDesk(), r.payment().request());
    bed.processor()
        .confirm(
            new org.electronicpayments.spi.ChargeRequest(
                failed.id(),
                failed.agencyId(),
                failed.clientId(),
                1,
                failed.currentAttempt().idempotencyKey(),
                failed.amount(),
                "pm_card_visa",
                org.electronicpayments.spi.CardUse.ONE_TIME,
                null,
                null,
                java.time.Instant.now().plusSeconds(5)),
            failed.currentAttempt().processorReference());

    assertThat(again).failed();
    assertThat(bed.processor().succeededChargesFor(r.payment().id())).isEmpty();
  }

  @Test
  void resubmittingAnInDoubtPaymentReusesItsKeyAndChargesOnce(PaymentsTestbed bed) {
    bed.processor().script().onNext(Operation.CONFIRM).timeoutAfterCharging();
    PaymentRequest request = Requests.oneTime("pm_card_visa");
    PaymentResult first = bed.payments().process(bed.frontDesk(), request);
    assertThat(first).isInDoubt();

    PaymentResult second = bed.payments().process(bed.frontDesk(), request);

    assertThat(second).succeeded();
    assertThat(second.payment().attempts()).hasSize(1);
    assertThat(bed.processor().succeededChargesFor(first.payment().id())).hasSize(1);
  }

  @Test
  void hungProcessorAnswersInDoubtWithinTheDeadlineAndLeaksNoThread() throws Exception {
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(0, 4, 1, TimeUnit.SECONDS, new SynchronousQueue<>());
    try (PaymentsTestbed bed =
        PaymentsTestbed.create(FakePaymentProcessor.create(), b -> b.executor(pool))) {
      bed.processor().script().onNext(Operation.CONFIRM).hang();

      long start = System.nanoTime();
      PaymentResult r = bed.payments().process(bed.frontDesk(), Requests.oneTime("pm_card_visa"));
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      assertThat(r).isInDoubt();
      assertThat(took).isLessThan(PaymentsTestbed.DEADLINE.plusSeconds(1));
      for (int i = 0; i < 100 && pool.getActiveCount() > 0; i++) {
        Thread.sleep(10);
      }
      assertThat(pool.getActiveCount()).as("worker threads still busy with the hung call").isZero();
      assertThat(bed.processor().hungCalls()).isZero();
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void sixteenThreadsSubmittingOneRequestMakeOnePaymentAndOneCharge(PaymentsTestbed bed)
      throws Exception {
    PaymentRequest request = Requests.oneTime("pm_card_visa");
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<PaymentResult>> results = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        results.add(
            pool.submit(
                () -> {
                  go.await();
                  return bed.payments().process(bed.frontDesk(), request);
                }));
      }
      go.countDown();
      for (Future<PaymentResult> f : results) {
        assertThat(f.get()).succeeded();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(bed.store().payments()).hasSize(1);
    assertThat(bed.processor().chargeCount()).isEqualTo(1);
  }

  @Test
  void hostDyingAfterJournalingIsSettledByReconcileOnANewInstance(PaymentsTestbed bed) {
    bed.processor().script().onNext(Operation.CONFIRM).hang();
    PaymentResult r = bed.payments().process(bed.frontDesk(), Requests.oneTime("pm_card_visa"));
    bed.payments().close(); // the host dies; its hung call is interrupted
    assertThat(r).isInDoubt();

    try (ElectronicPayments restarted =
        ElectronicPayments.builder()
            .processor(bed.processor())
            .store(bed.store())
            .agency(bed.agency())
            .clock(bed.clock())
            .build()) {
      restarted.reconcile(bed.reconciler());
    }

    assertThat(bed.store().find(r.payment().id()).orElseThrow().status())
        .isIn(PaymentStatus.SUCCEEDED, PaymentStatus.FAILED);
    assertThat(bed.processor().succeededChargesFor(r.payment().id()).size()).isLessThanOrEqualTo(1);
  }

  @Test
  void paymentLeftPendingByACrashIsTakenOverOnlyAfterTheLease(PaymentsTestbed bed) {
    Payment pending =
        org.electronicpayments.testkit.SamplePayments.cardPayment(
            bed.agency().id(), PaymentsTestbed.CLIENT, "CRASHED-1", bed.clock().instant());
    bed.store().insert(pending);

    assertThat(bed.payments().reconcile(bed.reconciler()).examined()).isZero();
    bed.clock().advance(PaymentsTestbed.DEADLINE.plusSeconds(31));
    ReconcileReport report = bed.payments().reconcile(bed.reconciler());

    assertThat(report.examined()).isEqualTo(1);
    assertThat(bed.store().find(pending.id()).orElseThrow().status())
        .isEqualTo(PaymentStatus.FAILED);
    assertThat(bed.processor().chargeCount()).isZero();
    assertThat(
            bed.store()
                .query(
                    bed.agency().id(),
                    PaymentQuery.all().statuses(java.util.EnumSet.of(PaymentStatus.PENDING))))
        .isEmpty();
  }

  @Test
  void aRefusedConfirmStaysInDoubtButARefusedPrepareFailsWithNothingCharged(PaymentsTestbed bed) {
    bed.processor()
        .script()
        .onNext(Operation.CONFIRM)
        .fail(new org.electronicpayments.ProcessorException("idempotency_error", null, null, null))
        .onNext(Operation.PREPARE)
        .fail(new org.electronicpayments.ProcessorException("invalid api key", null, null, null));

    PaymentResult prepared =
        bed.payments().process(bed.frontDesk(), Requests.oneTime("pm_card_visa"));
    PaymentResult confirmed =
        bed.payments().process(bed.frontDesk(), Requests.oneTime("pm_card_visa"));

    assertThat(prepared).failed();
    assertThat(((PaymentResult.Failed) prepared).failure().kind())
        .isEqualTo(PaymentFailure.Kind.REJECTED);
    assertThat(confirmed).isInDoubt();
  }
}
