package org.electronicpayments.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import com.stripe.StripeClient;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.electronicpayments.CardChoice;
import org.electronicpayments.Consent;
import org.electronicpayments.ConsentChannel;
import org.electronicpayments.ConsentGiver;
import org.electronicpayments.ElectronicPayments;
import org.electronicpayments.Payment;
import org.electronicpayments.PaymentFailure;
import org.electronicpayments.PaymentResult;
import org.electronicpayments.PaymentStatus;
import org.electronicpayments.ReconcileReport;
import org.electronicpayments.security.Actor;
import org.electronicpayments.testkit.InMemoryPaymentStore;
import org.electronicpayments.testkit.stripe.StripeEmulator;
import org.electronicpayments.testkit.stripe.StripeEmulatorExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The client's customer is made before a card is saved or a saved card charged: a key Stripe
 * refuses does not block the client for good, and a payment that never got past this step is
 * settled by reconcile, provably uncharged.
 */
@ExtendWith(StripeEmulatorExtension.class)
class StripeCustomerStepTest {

  static final String CUSTOMER_KEY =
      "customer-" + Fixtures.AGENCY.value() + "-" + Fixtures.CLIENT.value();

  @Test
  @DisplayName(
      "A customer key Stripe already holds for other parameters is replaced by the next key; the payment succeeds")
  void poisonedCustomerKeyMovesOnToTheNextKey(StripeEmulator emulator) throws Exception {
    // An earlier request under the client's customer key ran with other parameters
    // (idempotency_error from now on).
    StripeClient raw =
        StripeClient.builder().setApiKey("sk_test_emulator").setApiBase(emulator.baseUrl()).build();
    raw.v1()
        .customers()
        .create(
            CustomerCreateParams.builder().putMetadata("other", "x").build(),
            RequestOptions.builder().setIdempotencyKey(CUSTOMER_KEY).build());
    InMemoryPaymentStore store = InMemoryPaymentStore.create();
    ElectronicPayments payments =
        ElectronicPayments.builder()
            .processor(Fixtures.processor(emulator))
            .store(store)
            .agency(Facades.AGENCY)
            .deadline(Duration.ofSeconds(5))
            .build();

    PaymentResult first =
        payments.process(
            Facades.DESK,
            Facades.request(
                CardChoice.saveNew(
                    "pm_card_visa",
                    "Visa 4242",
                    Consent.of(ConsentGiver.CLIENT, ConsentChannel.FRONT_DESK)),
                true,
                "10.00"));
    PaymentResult second =
        payments.process(
            Facades.DESK,
            Facades.request(
                CardChoice.saveNew(
                    "pm_card_mastercard",
                    "MC 4444",
                    Consent.of(ConsentGiver.CLIENT, ConsentChannel.FRONT_DESK)),
                true,
                "11.00"));

    assertThat(first.status()).isEqualTo(PaymentStatus.SUCCEEDED);
    assertThat(second.status()).isEqualTo(PaymentStatus.SUCCEEDED);
    assertThat(emulator.requests("POST /v1/customers"))
        .extracting(r -> r.idempotencyKey())
        .containsExactly(CUSTOMER_KEY, CUSTOMER_KEY, CUSTOMER_KEY + "-2");
    assertThat(store.customerReference(Facades.AGENCY.id(), Fixtures.CLIENT)).isPresent();
  }

  @Test
  @DisplayName(
      "A payment whose customer step outlived the deadline is settled FAILED by reconcile, and nothing is ever charged")
  void paymentStuckInTheCustomerStepIsSettledByReconcile(StripeEmulator emulator) throws Exception {
    ExecutorService workers = Executors.newCachedThreadPool();
    ElectronicPayments payments =
        ElectronicPayments.builder()
            .processor(Fixtures.processor(emulator))
            .store(InMemoryPaymentStore.create())
            .agency(Facades.AGENCY)
            .deadline(Duration.ofMillis(800))
            .executor(workers)
            .build();
    emulator.faults().onNext("POST /v1/customers").hang(Duration.ofMillis(1800));

    PaymentResult result =
        payments.process(
            Facades.DESK,
            Facades.request(
                CardChoice.saveNew(
                    "pm_card_visa",
                    "Visa 4242",
                    Consent.of(ConsentGiver.CLIENT, ConsentChannel.FRONT_DESK)),
                true,
                "10.00"));
    assertThat(result.status()).isEqualTo(PaymentStatus.IN_DOUBT);

    ReconcileReport report = payments.reconcile(Actor.system("reconciler"));
    Payment settled = payments.payment(Facades.DESK, result.payment().id());

    assertThat(report.failed()).isEqualTo(1);
    assertThat(settled.status()).isEqualTo(PaymentStatus.FAILED);
    assertThat(settled.failure().kind()).isEqualTo(PaymentFailure.Kind.REJECTED);
    assertThat(settled.failure().reason()).startsWith("Nothing was charged");
    // the worker still making the customer finishes: it must not go on to charge
    workers.shutdown();
    assertThat(workers.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    assertThat(emulator.requests("POST /v1/customers")).hasSize(1);
    assertThat(emulator.requests("POST /v1/payment_intents")).isEmpty();
    assertThat(emulator.charges()).isEmpty();
    assertThat(payments.payment(Facades.DESK, result.payment().id()).status())
        .isEqualTo(PaymentStatus.FAILED);
  }

  @Test
  @DisplayName(
      "A customer step refused outright fails the payment at once, nothing charged, never IN_DOUBT")
  void customerStepFailingFailsThePaymentCleanly(StripeEmulator emulator) {
    ElectronicPayments payments = Facades.facade(Fixtures.processor(emulator));
    emulator.faults().onEvery("POST /v1/customers").fail(400);

    PaymentResult result =
        payments.process(
            Facades.DESK,
            Facades.request(
                CardChoice.saveNew(
                    "pm_card_visa",
                    "Visa 4242",
                    Consent.of(ConsentGiver.CLIENT, ConsentChannel.FRONT_DESK)),
                true,
                "10.00"));

    assertThat(result.status()).isEqualTo(PaymentStatus.FAILED);
    assertThat(result.payment().failure().code()).isEqualTo("customer_unavailable");
    assertThat(emulator.requests("POST /v1/customers")).hasSize(CustomerCards.CUSTOMER_KEYS);
    assertThat(emulator.requests("POST /v1/payment_intents")).isEmpty();
  }
}
