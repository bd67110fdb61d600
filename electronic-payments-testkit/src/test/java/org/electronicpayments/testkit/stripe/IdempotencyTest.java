package org.electronicpayments.testkit.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.StripeClient;
import com.stripe.exception.ApiException;
import com.stripe.exception.CardException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.Customer;
import com.stripe.model.PaymentIntent;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.PaymentIntentCreateParams;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IdempotencyTest {

  private static StripeEmulator emulator;
  private static StripeClient stripe;

  @BeforeAll
  static void start() {
    emulator =
        StripeEmulator.builder()
            .clock(Clock.fixed(Instant.parse("2026-03-01T09:00:00Z"), ZoneOffset.UTC))
            .idempotencyRetention(Duration.ofHours(24))
            .start();
    stripe = Clients.client(emulator);
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @BeforeEach
  void reset() {
    emulator.reset();
  }

  @Test
  void sameKeyAndParamsReplaysTheFirstResponseWithoutRunningAgain() throws StripeException {
    PaymentIntent first = pay("pay-1-confirm", 1000L);
    PaymentIntent second = pay("pay-1-confirm", 1000L);

    assertThat(second.getId()).isEqualTo(first.getId());
    assertThat(second.getLastResponse().headers().firstValue("Idempotent-Replayed"))
        .hasValue("true");
    assertThat(first.getLastResponse().headers().firstValue("Idempotent-Replayed")).isEmpty();
    assertThat(second.getLastResponse().headers().firstValue("Original-Request"))
        .hasValue(first.getLastResponse().requestId());
    assertThat(emulator.succeededCharges()).hasSize(1);
    assertThat(emulator.requests("POST /v1/payment_intents"))
        .extracting(RecordedRequest::executed, RecordedRequest::replayed)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(true, false),
            org.assertj.core.groups.Tuple.tuple(false, true));
  }

  @Test
  void sameKeyWithOtherParamsIsAnIdempotencyError() throws StripeException {
    pay("pay-2", 1000L);

    assertThatThrownBy(() -> pay("pay-2", 1001L))
        .isInstanceOfSatisfying(
            IdempotencyException.class,
            e -> {
              assertThat(e.getStatusCode()).isEqualTo(400);
              assertThat(e.getStripeError().getType()).isEqualTo("idempotency_error");
            });
    assertThat(emulator.succeededCharges()).hasSize(1);
  }

  @Test
  void sameKeyOnAnotherEndpointIsAnIdempotencyError() throws StripeException {
    pay("pay-3", 1000L);

    assertThatThrownBy(
            () ->
                stripe
                    .v1()
                    .customers()
                    .create(CustomerCreateParams.builder().build(), Clients.key("pay-3")))
        .isInstanceOfSatisfying(
            IdempotencyException.class, e -> assertThat(e.getMessage()).contains("same endpoint"));
  }

  @Test
  void sameKeyWhileTheFirstRequestRunsIsA409InUse() throws Exception {
    FaultRule slow =
        emulator.faults().onNext("POST /v1/payment_intents").delay(Duration.ofSeconds(2));
    CompletableFuture<PaymentIntent> first =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return pay("pay-4", 1000L);
              } catch (StripeException e) {
                throw new IllegalStateException(e);
              }
            });
    assertThat(slow.awaitHolding(Duration.ofSeconds(10)))
        .as("the first request holds its key")
        .isTrue();

    assertThatThrownBy(() -> pay("pay-4", 1000L))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.getStatusCode()).isEqualTo(409);
              assertThat(e.getCode()).isEqualTo("idempotency_key_in_use");
            });
    assertThat(first.get().getStatus()).isEqualTo("succeeded");
    assertThat(pay("pay-4", 1000L).getId()).isEqualTo(first.get().getId());
    assertThat(emulator.succeededCharges()).hasSize(1);
  }

  @Test
  void keyExpiresAfterTheRetentionAndThenStartsAFreshRequest() throws StripeException {
    Customer first = customer("customer-key");
    emulator.advanceClock(Duration.ofHours(23).plusMinutes(59));
    Customer withinRetention = customer("customer-key");
    emulator.advanceClock(Duration.ofMinutes(1));
    Customer afterRetention = customer("customer-key");

    assertThat(withinRetention.getId()).isEqualTo(first.getId());
    assertThat(afterRetention.getId()).isNotEqualTo(first.getId());
    assertThat(afterRetention.getCreated()).isEqualTo(first.getCreated() + 24 * 3600);
  }

  @Test
  void failedValidationStoresNothingSoTheKeyCanBeUsedWithFixedParams() throws StripeException {
    assertThatThrownBy(() -> pay("pay-5", 10L)).isInstanceOf(InvalidRequestException.class);

    assertThat(pay("pay-5", 1000L).getStatus()).isEqualTo("succeeded");
  }

  @Test
  void cardErrorIsStoredAndReplayedLikeAnyFirstResponse() throws StripeException {
    PaymentIntentCreateParams declined =
        PaymentIntentCreateParams.builder()
            .setAmount(1000L)
            .setCurrency("usd")
            .setPaymentMethod("pm_card_visa_chargeDeclined")
            .setConfirm(true)
            .build();

    CardException first = catchCard(declined);
    CardException replay = catchCard(declined);

    assertThat(replay.getStripeError().getPaymentIntent().getId())
        .isEqualTo(first.getStripeError().getPaymentIntent().getId());
    assertThat(replay.getDeclineCode()).isEqualTo("generic_decline");
    assertThat(emulator.charges()).hasSize(1);
  }

  @Test
  void keysAreScopedToTheAccount() throws StripeException {
    Customer platform = customer("shared-key");
    Customer connected =
        stripe
            .v1()
            .customers()
            .create(
                CustomerCreateParams.builder().build(),
                RequestOptions.builder()
                    .setIdempotencyKey("shared-key")
                    .setStripeAccount("acct_1")
                    .build());

    assertThat(connected.getId()).isNotEqualTo(platform.getId());
  }

  private static CardException catchCard(PaymentIntentCreateParams params) {
    try {
      stripe.v1().paymentIntents().create(params, Clients.key("declined-1"));
    } catch (CardException e) {
      return e;
    } catch (StripeException e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("expected a card error");
  }

  private static PaymentIntent pay(String key, long amount) throws StripeException {
    return stripe
        .v1()
        .paymentIntents()
        .create(
            PaymentIntentCreateParams.builder()
                .setAmount(amount)
                .setCurrency("usd")
                .setPaymentMethod("pm_card_visa")
                .setConfirm(true)
                .build(),
            Clients.key(key));
  }

  private static Customer customer(String key) throws StripeException {
    return stripe.v1().customers().create(CustomerCreateParams.builder().build(), Clients.key(key));
  }
}
