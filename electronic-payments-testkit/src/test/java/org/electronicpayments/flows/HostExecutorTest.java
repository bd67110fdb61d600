package org.electronicpayments.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.electronicpayments.testkit.PaymentAssertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.electronicpayments.Consent;
import org.electronicpayments.ConsentChannel;
import org.electronicpayments.ConsentGiver;
import org.electronicpayments.PaymentResult;
import org.electronicpayments.testkit.FakePaymentProcessor;
import org.electronicpayments.testkit.PaymentsTestbed;
import org.electronicpayments.testkit.WorkerThreadProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A host may hand the facade a small fixed pool for processor calls. Nothing the facade runs on
 * that pool waits for another task of it, so even one thread never starves a payment.
 */
class HostExecutorTest {

  private final ExecutorService oneThread = Executors.newFixedThreadPool(1);

  @AfterEach
  void stop() {
    oneThread.shutdownNow();
  }

  @Test
  void processAsyncOnAOneThreadExecutorChargesInsteadOfGoingInDoubt() throws Exception {
    FakePaymentProcessor fake = FakePaymentProcessor.create();
    try (PaymentsTestbed bed =
        PaymentsTestbed.over(WorkerThreadProcessor.over(fake), b -> b.executor(oneThread))) {
      PaymentResult r =
          bed.payments()
              .processAsync(bed.frontDesk(), Requests.oneTime("pm_card_visa"))
              .get(10, TimeUnit.SECONDS);

      assertThat(r).succeeded();
      assertThat(fake.succeededChargesFor(r.payment().id())).hasSize(1);
    }
  }

  @Test
  void severalAsyncPaymentsShareOneThreadAndEveryOneIsCharged() throws Exception {
    FakePaymentProcessor fake = FakePaymentProcessor.create();
    try (PaymentsTestbed bed =
        PaymentsTestbed.over(WorkerThreadProcessor.over(fake), b -> b.executor(oneThread))) {
      List<CompletableFuture<PaymentResult>> futures =
          List.of(
              bed.payments().processAsync(bed.frontDesk(), Requests.oneTime("pm_card_visa")),
              bed.payments().processAsync(bed.frontDesk(), Requests.oneTime("pm_card_mastercard")),
              bed.payments()
                  .processAsync(
                      bed.frontDesk(),
                      Requests.card(
                              org.electronicpayments.CardChoice.saveNew(
                                  "pm_card_visa",
                                  "Visa 1000",
                                  Consent.of(ConsentGiver.CLIENT, ConsentChannel.FRONT_DESK)))
                          .build()));

      for (CompletableFuture<PaymentResult> f : futures) {
        assertThat(f.get(10, TimeUnit.SECONDS)).succeeded();
      }
      assertThat(fake.chargeCount()).isEqualTo(3);
    }
  }
}
