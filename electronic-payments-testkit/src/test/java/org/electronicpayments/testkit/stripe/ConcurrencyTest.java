package org.electronicpayments.testkit.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import com.stripe.StripeClient;
import com.stripe.exception.ApiException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.param.PaymentIntentConfirmParams;
import com.stripe.param.PaymentIntentCreateParams;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConcurrencyTest {

  private static final int THREADS = 12;

  private static StripeEmulator emulator;
  private static ExecutorService pool;

  @BeforeAll
  static void start() {
    emulator = StripeEmulator.start();
    pool = Executors.newFixedThreadPool(THREADS);
  }

  @AfterAll
  static void stop() {
    pool.shutdownNow();
    emulator.close();
  }

  @BeforeEach
  void reset() {
    emulator.reset();
  }

  @Test
  void manyClientsPayingConcurrentlyGetOneChargeEach() throws Exception {
    Set<String> ids = ConcurrentHashMap.newKeySet();
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      futures.add(
          pool.submit(
              () -> {
                StripeClient stripe = Clients.client(emulator);
                for (int i = 0; i < 10; i++) {
                  ids.add(pay(stripe, "t" + thread + "-p" + i).getId());
                }
                return null;
              }));
    }
    for (Future<?> future : futures) {
      future.get(30, TimeUnit.SECONDS);
    }

    assertThat(ids).hasSize(THREADS * 10);
    assertThat(emulator.succeededCharges()).hasSize(THREADS * 10);
  }

  @Test
  void clientsRacingWithOneKeyProduceExactlyOneCharge() throws Exception {
    CountDownLatch go = new CountDownLatch(1);
    Set<String> ids = ConcurrentHashMap.newKeySet();
    AtomicInteger inUse = new AtomicInteger();
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      futures.add(
          pool.submit(
              () -> {
                StripeClient stripe = Clients.client(emulator);
                go.await();
                try {
                  ids.add(pay(stripe, "the-one-key").getId());
                } catch (ApiException e) {
                  assertThat(e.getStatusCode()).isEqualTo(409);
                  inUse.incrementAndGet();
                }
                return null;
              }));
    }
    go.countDown();
    for (Future<?> future : futures) {
      future.get(30, TimeUnit.SECONDS);
    }

    assertThat(ids).hasSize(1);
    assertThat(emulator.succeededCharges()).hasSize(1);
    assertThat(emulator.requests("POST /v1/payment_intents"))
        .hasSize(THREADS)
        .filteredOn(RecordedRequest::executed)
        .hasSize(1);
  }

  @Test
  void concurrentConfirmsOfOneIntentWithDifferentKeysChargeItOnce() throws Exception {
    StripeClient stripe = Clients.client(emulator);
    PaymentIntent pi =
        stripe
            .v1()
            .paymentIntents()
            .create(
                PaymentIntentCreateParams.builder()
                    .setAmount(1000L)
                    .setCurrency("usd")
                    .setPaymentMethod("pm_card_visa")
                    .build());
    CountDownLatch go = new CountDownLatch(1);
    AtomicInteger succeeded = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      futures.add(
          pool.submit(
              () -> {
                go.await();
                try {
                  stripe
                      .v1()
                      .paymentIntents()
                      .confirm(
                          pi.getId(),
                          PaymentIntentConfirmParams.builder().build(),
                          Clients.key("confirm-" + thread));
                  succeeded.incrementAndGet();
                } catch (InvalidRequestException e) {
                  refused.incrementAndGet();
                }
                return null;
              }));
    }
    go.countDown();
    for (Future<?> future : futures) {
      future.get(30, TimeUnit.SECONDS);
    }

    assertThat(succeeded).hasValue(1);
    assertThat(refused).hasValue(THREADS - 1);
    assertThat(emulator.chargesFor(pi.getId())).hasSize(1);
  }

  private static PaymentIntent pay(StripeClient stripe, String key) throws StripeException {
    return stripe
        .v1()
        .paymentIntents()
        .create(
            PaymentIntentCreateParams.builder()
                .setAmount(1000L)
                .setCurrency("usd")
                .setPaymentMethod("pm_card_visa")
                .setConfirm(true)
                .build(),
            Clients.key(key));
  }
}
