package org.electronicpayments.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.electronicpayments.CardChoice;
import org.electronicpayments.Payer;
import org.electronicpayments.PaymentRequest;
import org.electronicpayments.PaymentResult;
import org.electronicpayments.PaymentStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The wrapper sends every charge down the facade's worker-thread path, and changes nothing else.
 */
class WorkerThreadProcessorTest {

  final ThreadPoolExecutor executor =
      new ThreadPoolExecutor(0, 4, 1, TimeUnit.SECONDS, new SynchronousQueue<>());
  final FakePaymentProcessor fake = FakePaymentProcessor.create();

  @AfterEach
  void stop() {
    executor.shutdownNow();
  }

  @Test
  void theFacadeRunsChargesOfTheWrappedProcessorOnItsExecutorAndOfTheFakeOnTheCallersThread() {
    try (PaymentsTestbed direct = PaymentsTestbed.over(fake, b -> b.executor(executor))) {
      assertThat(
              direct.payments().process(direct.frontDesk(), request("DIRECT-1")).payment().status())
          .isEqualTo(PaymentStatus.SUCCEEDED);
    }
    assertThat(executor.getTaskCount()).as("tasks run for the fake, which bounds itself").isZero();

    try (PaymentsTestbed wrapped =
        PaymentsTestbed.over(WorkerThreadProcessor.over(fake), b -> b.executor(executor))) {
      PaymentResult r = wrapped.payments().process(wrapped.frontDesk(), request("WORKER-1"));

      assertThat(r).isInstanceOf(PaymentResult.Succeeded.class);
    }
    assertThat(executor.getTaskCount()).as("tasks run for the wrapped processor").isPositive();
    assertThat(fake.chargeCount()).isEqualTo(2);
  }

  @Test
  void aHungChargeOnTheWorkerPathIsInDoubtAtTheDeadline() throws Exception {
    fake.script().onNext(FakePaymentProcessor.Operation.CONFIRM).hang();
    try (PaymentsTestbed wrapped =
        PaymentsTestbed.over(WorkerThreadProcessor.over(fake), b -> b.executor(executor))) {
      PaymentResult r = wrapped.payments().process(wrapped.frontDesk(), request("HUNG-1"));

      assertThat(r).isInstanceOf(PaymentResult.InDoubt.class);
      assertThat(executor.getTaskCount()).isPositive();
    } finally {
      fake.releaseHung();
    }
  }

  private static PaymentRequest request(String reference) {
    return PaymentRequest.builder()
        .client(PaymentsTestbed.CLIENT)
        .reference(reference)
        .payer(Payer.CO_PAY)
        .amountReceived("10.00")
        .electronic(true)
        .card(CardChoice.oneTime("pm_card_visa"))
        .build();
  }
}
