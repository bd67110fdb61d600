package org.electronicpayments.testkit.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.ApiException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import com.stripe.model.Customer;
import com.stripe.model.PaymentIntent;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.PaymentIntentConfirmParams;
import com.stripe.param.PaymentIntentCreateParams;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(StripeEmulatorExtension.class)
class FaultInjectionTest {

  private static final String CONFIRM = "POST /v1/payment_intents/*/confirm";

  private final StripeEmulator emulator;
  private final StripeClient stripe;

  FaultInjectionTest(StripeEmulator emulator) {
    this.emulator = emulator;
    this.stripe = Clients.client(emulator);
  }

  @Test
  void commitThenDropOnConfirmThenRetryWithTheSameKeyReturnsTheSucceededIntentAndOneCharge()
      throws StripeException {
    PaymentIntent pi =
        stripe
            .v1()
            .paymentIntents()
            .create(
                PaymentIntentCreateParams.builder()
                    .setAmount(1000L)
                    .setCurrency("usd")
                    .setPaymentMethod("pm_card_visa")
                    .build(),
                Clients.key("pay-1-create"));
    emulator.faults().onNext(CONFIRM).times(2).commitThenDrop();

    assertThatThrownBy(() -> confirm(pi.getId(), "pay-1-confirm"))
        .isInstanceOf(ApiConnectionException.class);
    assertThat(emulator.succeededCharges()).hasSize(1);
    PaymentIntent retried = confirm(pi.getId(), "pay-1-confirm");

    assertThat(retried.getStatus()).isEqualTo("succeeded");
    assertThat(retried.getLastResponse().headers().firstValue("Idempotent-Replayed"))
        .hasValue("true");
    assertThat(emulator.chargesFor(pi.getId()))
        .singleElement()
        .satisfies(c -> assertThat(c.succeeded()).isTrue());
    assertThat(emulator.requests(CONFIRM))
        .extracting(RecordedRequest::fault, RecordedRequest::dropped)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(FaultKind.COMMIT_THEN_DROP, true),
            org.assertj.core.groups.Tuple.tuple(FaultKind.COMMIT_THEN_DROP, true),
            org.assertj.core.groups.Tuple.tuple(null, false));
  }

  @Test
  void jdkSilentlyResendsADroppedRequestOnceSoOneDropIsInvisibleWithAKey() throws StripeException {
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
    emulator.faults().onNext(CONFIRM).commitThenDrop();

    PaymentIntent confirmed = confirm(pi.getId(), "pay-2-confirm");

    assertThat(confirmed.getStatus()).isEqualTo("succeeded");
    List<RecordedRequest> confirms = emulator.requests(CONFIRM);
    assertThat(confirms).hasSize(2);
    assertThat(confirms.get(0).dropped()).isTrue();
    assertThat(confirms.get(1).replayed()).isTrue();
    assertThat(emulator.succeededCharges()).hasSize(1);
  }

  @Test
  void stripeJavaKeysEveryPostSoTheJdksSilentResendIsReplayedNotChargedTwice()
      throws StripeException {
    emulator.faults().onNext("POST /v1/payment_intents").commitThenDrop();

    PaymentIntent pi =
        stripe
            .v1()
            .paymentIntents()
            .create(
                PaymentIntentCreateParams.builder()
                    .setAmount(1000L)
                    .setCurrency("usd")
                    .setPaymentMethod("pm_card_visa")
                    .setConfirm(true)
                    .build());

    List<RecordedRequest> creates = emulator.requests("POST /v1/payment_intents");
    assertThat(creates).hasSize(2);
    assertThat(creates.get(0).idempotencyKey())
        .isNotNull()
        .isEqualTo(creates.get(1).idempotencyKey());
    assertThat(creates.get(0).executed()).isTrue();
    assertThat(creates.get(1).replayed()).isTrue();
    assertThat(emulator.succeededCharges())
        .extracting(ChargeRecord::paymentIntent)
        .containsExactly(pi.getId());
  }

  @Test
  void droppedRequestIsNotExecutedAndSurfacesAsApiConnectionException() throws StripeException {
    emulator.faults().onNext("POST /v1/customers").times(2).drop();

    assertThatThrownBy(() -> customer("cus-1")).isInstanceOf(ApiConnectionException.class);

    assertThat(stripe.v1().customers().list().getData()).isEmpty();
    assertThat(emulator.requests("POST /v1/customers"))
        .hasSize(2)
        .allSatisfy(
            r -> {
              assertThat(r.fault()).isEqualTo(FaultKind.DROP);
              assertThat(r.executed()).isFalse();
            });
    assertThat(customer("cus-1").getId()).startsWith("cus_");
  }

  @Test
  void hangUntilTheClientTimesOutRunsNothing() throws StripeException {
    StripeClient impatient = Clients.client(emulator, 0, 300);
    emulator.faults().onNext("POST /v1/customers").hang();

    assertThatThrownBy(
            () ->
                impatient
                    .v1()
                    .customers()
                    .create(CustomerCreateParams.builder().build(), Clients.key("cus-2")))
        .isInstanceOf(ApiConnectionException.class)
        .hasCauseInstanceOf(SocketTimeoutException.class);

    assertThat(stripe.v1().customers().list().getData()).isEmpty();
    RecordedRequest hung = emulator.requests("POST /v1/customers").get(0);
    assertThat(hung.fault()).isEqualTo(FaultKind.HANG);
    assertThat(hung.executed()).isFalse();
    assertThat(customer("cus-2").getId()).startsWith("cus_");
  }

  @Test
  void stripeJavaRetriesATimeoutWithItsOwnKeyAndTheOperationHappensOnce() throws StripeException {
    StripeClient retrying = Clients.client(emulator, 1, 1_000);
    emulator.faults().onNext("POST /v1/customers").hang();

    Customer customer = retrying.v1().customers().create(CustomerCreateParams.builder().build());

    List<RecordedRequest> creates = emulator.requests("POST /v1/customers");
    assertThat(creates).hasSize(2);
    assertThat(creates.get(0).idempotencyKey())
        .isNotNull()
        .isEqualTo(creates.get(1).idempotencyKey());
    assertThat(stripe.v1().customers().list().getData())
        .extracting(Customer::getId)
        .containsExactly(customer.getId());
  }

  @Test
  void status500BeforeCommitIsRetriedByStripeJavaUnlessToldNotTo() throws StripeException {
    StripeClient retrying = Clients.client(emulator, 1, 2_000);
    emulator.faults().onNext("POST /v1/customers").fail(500);

    Customer customer = retrying.v1().customers().create(CustomerCreateParams.builder().build());
    emulator.faults().onNext("POST /v1/customers").fail(500, false);

    assertThat(customer.getId()).startsWith("cus_");
    assertThatThrownBy(
            () -> retrying.v1().customers().create(CustomerCreateParams.builder().build()))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.getStatusCode()).isEqualTo(500);
              assertThat(e.getStripeError().getType()).isEqualTo("api_error");
            });
    assertThat(emulator.requests("POST /v1/customers"))
        .extracting(RecordedRequest::status)
        .containsExactly(500, 200, 500);
    assertThat(stripe.v1().customers().list().getData()).hasSize(1);
  }

  @Test
  void status503And429SurfaceAsTheirStripeJavaExceptionsAndRunNothing() {
    emulator.faults().onNext("POST /v1/payment_intents").fail(503);
    emulator.faults().onCall("POST /v1/payment_intents", 2).fail(429);

    assertThatThrownBy(this::pay)
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.getStatusCode()).isEqualTo(503));
    assertThatThrownBy(this::pay)
        .isInstanceOfSatisfying(
            RateLimitException.class, e -> assertThat(e.getCode()).isEqualTo("rate_limit"));
    assertThat(emulator.charges()).isEmpty();
  }

  @Test
  void onCallInjectsIntoThatCallOnly() throws StripeException {
    FaultRule rule = emulator.faults().onCall("POST /v1/customers", 2).fail(500);

    customer("a");
    assertThatThrownBy(() -> customer("b")).isInstanceOf(ApiException.class);
    customer("c");

    assertThat(rule.applied()).isEqualTo(1);
    assertThat(rule.isDone()).isTrue();
    assertThat(emulator.requests("POST /v1/customers"))
        .extracting(RecordedRequest::fault)
        .containsExactly(null, FaultKind.ERROR, null);
  }

  @Test
  void delayAddsLatencyAndThenRunsNormally() throws StripeException {
    emulator.faults().onEvery("GET /v1/customers").delay(Duration.ofMillis(250));

    long start = System.nanoTime();
    stripe.v1().customers().list();

    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(250));
    assertThat(emulator.requests("GET /v1/customers").get(0).fault()).isEqualTo(FaultKind.DELAY);
    assertThat(emulator.requests("GET /v1/customers").get(0).status()).isEqualTo(200);
  }

  @Test
  void respondThenDropNextLosesTheFollowingRequestBeforeItRuns() throws StripeException {
    emulator.faults().onNext("POST /v1/customers").respondThenDropNext();

    Customer customer = customer("d");
    stripe.v1().customers().retrieve(customer.getId());

    List<RecordedRequest> requests = emulator.requests();
    assertThat(requests)
        .extracting(RecordedRequest::endpoint, RecordedRequest::fault, RecordedRequest::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "POST /v1/customers", FaultKind.RESPOND_THEN_DROP_NEXT, 200),
            org.assertj.core.groups.Tuple.tuple(
                "GET /v1/customers/" + customer.getId(),
                FaultKind.DROP,
                RecordedRequest.NO_RESPONSE),
            org.assertj.core.groups.Tuple.tuple(
                "GET /v1/customers/" + customer.getId(), null, 200));
  }

  private PaymentIntent pay() throws StripeException {
    return stripe
        .v1()
        .paymentIntents()
        .create(
            PaymentIntentCreateParams.builder()
                .setAmount(1000L)
                .setCurrency("usd")
                .setPaymentMethod("pm_card_visa")
                .setConfirm(true)
                .build());
  }

  private PaymentIntent confirm(String id, String key) throws StripeException {
    return stripe
        .v1()
        .paymentIntents()
        .confirm(id, PaymentIntentConfirmParams.builder().build(), Clients.key(key));
  }

  private Customer customer(String key) throws StripeException {
    return stripe.v1().customers().create(CustomerCreateParams.builder().build(), Clients.key(key));
  }
}
