package org.electronicpayments.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.electronicpayments.AgencyId;
import org.electronicpayments.ClientId;
import org.electronicpayments.Money;
import org.electronicpayments.PaymentFailure;
import org.electronicpayments.PaymentId;
import org.electronicpayments.ProcessorException;
import org.electronicpayments.spi.CardUse;
import org.electronicpayments.spi.ChargeOutcome;
import org.electronicpayments.spi.ChargeRequest;
import org.electronicpayments.spi.CustomerRequest;
import org.electronicpayments.spi.RefundOutcome;
import org.electronicpayments.spi.RefundRequest;
import org.electronicpayments.testkit.FakePaymentProcessor.Operation;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** What the fake offers beyond the processor contract: scripting, timeouts, hangs, its ledger. */
class FakePaymentProcessorTest {

  private static final AgencyId AGENCY = AgencyId.of("agency-1");
  private static final Money TEN = Money.usd("10.00");

  private final FakePaymentProcessor fake = FakePaymentProcessor.create();

  @Nested
  @DisplayName("Scripting")
  class Scripting {

    @Test
    void scriptedDeclineAtConfirmIsReportedWithItsCodesAndReplayedForTheSameKey() {
      ChargeRequest request = request("pay-1", StripeTestCards.VISA, CardUse.ONE_TIME, null);
      fake.script().onNext(Operation.CONFIRM).decline("card_declined", "do_not_honor");
      ChargeOutcome.Declined declined = (ChargeOutcome.Declined) charge(request);
      assertThat(declined.failure().declineCode()).isEqualTo("do_not_honor");
      assertThat(declined.failure().processorResponse()).isEqualTo("Your card was declined.");
      assertThat(charge(request)).isEqualTo(declined);
      assertThat(fake.chargeCount()).isZero();
    }

    @Test
    void scriptedSuccessChargesADecliningCard() {
      fake.script().onNext(Operation.CONFIRM).succeed();
      assertThat(charge(request("pay-1", StripeTestCards.DECLINED, CardUse.ONE_TIME, null)))
          .isInstanceOf(ChargeOutcome.Charged.class);
    }

    @Test
    void aStepLastsTheGivenNumberOfCallsThenCallsBehaveNormally() {
      fake.script().onNext(Operation.PREPARE).times(2).timeoutBeforeCharging();
      assertThat(fake.script().remaining(Operation.PREPARE)).isEqualTo(2);
      ChargeRequest request = request("pay-1", StripeTestCards.VISA, CardUse.ONE_TIME, null);
      assertThat(fake.prepare(request)).isInstanceOf(ChargeOutcome.Unknown.class);
      assertThat(fake.prepare(request)).isInstanceOf(ChargeOutcome.Unknown.class);
      assertThat(fake.prepare(request)).isInstanceOf(ChargeOutcome.Prepared.class);
      assertThat(fake.script().remaining(Operation.PREPARE)).isZero();
    }

    @Test
    void stepsForOneOperationAreUsedInTheOrderScripted() {
      fake.script()
          .onNext(Operation.CONFIRM)
          .decline("card_declined", null)
          .onNext(Operation.CONFIRM)
          .succeed();
      assertThat(charge(request("pay-1", StripeTestCards.VISA, CardUse.ONE_TIME, null)))
          .isInstanceOf(ChargeOutcome.Declined.class);
      assertThat(charge(request("pay-2", StripeTestCards.DECLINED, CardUse.ONE_TIME, null)))
          .isInstanceOf(ChargeOutcome.Charged.class);
    }

    @Test
    void aScriptedFailureThrowsWithoutDoingAnything() {
      IllegalStateException boom = new IllegalStateException("boom");
      fake.script().onNext(Operation.PREPARE).fail(boom);
      assertThatThrownBy(
              () -> fake.prepare(request("pay-1", StripeTestCards.VISA, CardUse.ONE_TIME, null)))
          .isSameAs(boom);
      assertThat(fake.charges()).isEmpty();
      assertThat(fake.calls())
          .containsExactly(
              new ProcessorCall(Operation.PREPARE, "pay-1-1", "IllegalStateException"));
    }

    @Test
    void onlyChargeAndRefundCallsCanBeDeclinedAndOnlyConfirmCanBeLeftProcessing() {
      assertThatThrownBy(
              () -> fake.script().onNext(Operation.LIST_CARDS).decline("card_declined", null))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> fake.script().onNext(Operation.PREPARE).processing())
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> fake.script().onNext(Operation.CONFIRM).times(0))
          .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aChargeLeftProcessingIsUnknownUntilItFinishes() {
      ChargeRequest request = request("pay-1", StripeTestCards.VISA, CardUse.ONE_TIME, null);
      fake.script().onNext(Operation.CONFIRM).processing();
      String ref = fake.prepare(request).processorReference();
      assertThat(fake.confirm(request, ref)).isInstanceOf(ChargeOutcome.Unknown.class);
      assertThat(fake.resolve(request, ref)).isInstanceOf(ChargeOutcome.Unknown.class);
      fake.finishProcessing(ref, true);
      assertThat(fake.resolve(request, ref)).isInstanceOf(ChargeOutcome.Charged.class);
      assertThatThrownBy(() -> fake.finishProcessing(ref, false))
          .isInstanceOf(IllegalStateException.class);
    }
  }

  @Nested
  @DisplayName("Timeouts")
  class Timeouts {

    @Test
    void aConfirmTimingOutBeforeChargingChargesNothingAndResolvesToCancelled() {
      ChargeRequest request = request("pay-1", StripeTestCards.VISA, CardUse.ONE_TIME, null);
      String ref = fake.prepare(request).processorReference();
      fake.script().onNext(Operation.CONFIRM).timeoutBeforeCharging();
      assertThat(fake.confirm(request, ref))
          .isEqualTo(
              new ChargeOutcome.Unknown(ref, "timed out before reaching the processor (scripted)"));
      assertThat(fake.chargeCount()).isZero();
      assertThat(((ChargeOutcome.Declined) fake.resolve(request, ref)).failure().kind())
          .isEqualTo(PaymentFailure.Kind.CANCELLED);
      assertThat(fake.confirm(request, ref)).isInstanceOf(ChargeOutcome.Declined.class);
      assertThat(fake.chargeCount()).isZero();
      assertThat(fake.charge(ref).orElseThrow().status()).isEqualTo(FakeCharge.Status.CANCELLED);
    }

    @Test
    void aConfirmTimingOutAfterChargingHasChargedOnceAndARetryReplaysTheCharge() {
      ChargeRequest request = request("pay-1", StripeTestCards.VISA, CardUse.ONE_TIME, null);
      String ref = fake.prepare(request).processorReference();
      fake.script().onNext(Operation.CONFIRM).timeoutAfterCharging();
      assertThat(fake.confirm(request, ref)).isInstanceOf(ChargeOutcome.Unknown.class);
      assertThat(fake.chargeCount()).isEqualTo(1);
      ChargeOutcome.Charged retried = (ChargeOutcome.Charged) fake.confirm(request, ref);
      assertThat(((ChargeOutcome.Charged) fake.resolve(request, ref)).chargeReference())
          .isEqualTo(retried.chargeReference());
      assertThat(fake.succeededChargesFor(request.paymentId())).hasSize(1);
    }

    @Test
    void aPrepareWhoseAnswerWasLostIsFoundByItsKeyAndCancelled() {
      ChargeRequest request = request("pay-1", StripeTestCards.VISA, CardUse.ONE_TIME, null);
      fake.script().onNext(Operation.PREPARE).timeoutAfterCharging();
      assertThat(fake.prepare(request))
          .isEqualTo(
              new ChargeOutcome.Unknown(
                  null, "timed out after the processor committed (scripted)"));
      assertThat(fake.resolve(request, null)).isInstanceOf(ChargeOutcome.Declined.class);
      assertThat(fake.charges())
          .extracting(FakeCharge::status)
          .containsExactly(FakeCharge.Status.CANCELLED);
    }

    @Test
    void callsWithoutAnOutcomeValueThrowTheTimeoutAndAfterCommittingKeepTheirEffect() {
      CustomerRequest ask = new CustomerRequest(AGENCY, ClientId.of("c1"), "customer-c1");
      fake.script()
          .onNext(Operation.ENSURE_CUSTOMER)
          .timeoutAfterCharging()
          .onNext(Operation.LIST_CARDS)
          .timeoutBeforeCharging();
      assertThatThrownBy(() -> fake.ensureCustomer(ask))
          .isInstanceOf(ProcessorTimeoutException.class)
          .hasCauseInstanceOf(java.net.SocketTimeoutException.class);
      String customer = fake.ensureCustomer(ask);
      assertThat(fake.customers()).extracting(FakeCustomer::reference).containsExactly(customer);
      assertThatThrownBy(() -> fake.listCards(customer))
          .isInstanceOf(ProcessorTimeoutException.class);
    }

    @Test
    void aRefundTimingOutIsUnknownAndARetryWithTheSameKeyRefundsOnce() {
      ChargeRequest request = request("pay-1", StripeTestCards.VISA, CardUse.ONE_TIME, null);
      String ref = charge(request).processorReference();
      RefundRequest refund = new RefundRequest(request.paymentId(), ref, TEN, "refund-1");
      fake.script().onNext(Operation.REFUND).timeoutAfterCharging();
      assertThat(fake.refund(refund)).isInstanceOf(RefundOutcome.Unknown.class);
      assertThat(fake.refund(refund)).isInstanceOf(RefundOutcome.Refunded.class);
      assertThat(fake.refunds()).hasSize(1);
    }
  }

  @Nested
  @DisplayName("Hanging")
  class Hanging {

    @Test
    void aHungCallEndsAsATimeoutWhenItsThreadIsInterruptedAndChargesNothing() throws Exception {
      ChargeRequest request = request("pay-1", StripeTestCards.VISA, CardUse.ONE_TIME, null);
      String ref = fake.prepare(request).processorReference();
      fake.script().onNext(Operation.CONFIRM).hang();
      AtomicReference<ChargeOutcome> answer = new AtomicReference<>();
      AtomicReference<Boolean> interruptKept = new AtomicReference<>();
      Thread caller =
          new Thread(
              () -> {
                answer.set(fake.confirm(request, ref));
                interruptKept.set(Thread.currentThread().isInterrupted());
              });
      caller.start();
      assertThat(fake.awaitHung(1, Duration.ofSeconds(5))).isTrue();
      caller.interrupt();
      caller.join(5_000);
      assertThat(caller.isAlive()).isFalse();
      assertThat(answer.get()).isInstanceOf(ChargeOutcome.Unknown.class);
      assertThat(interruptKept.get()).isTrue();
      assertThat(fake.hungCalls()).isZero();
      assertThat(fake.chargeCount()).isZero();
    }

    @Test
    void aHungCallReleasedByTheTestGoesOnAsUsual() throws Exception {
      ChargeRequest request = request("pay-1", StripeTestCards.VISA, CardUse.ONE_TIME, null);
      fake.script().onNext(Operation.PREPARE).hang();
      ExecutorService executor = Executors.newSingleThreadExecutor();
      try {
        Future<ChargeOutcome> answer = executor.submit(() -> fake.prepare(request));
        assertThat(fake.awaitHung(1, Duration.ofSeconds(5))).isTrue();
        fake.releaseHung();
        assertThat(answer.get(5, TimeUnit.SECONDS)).isInstanceOf(ChargeOutcome.Prepared.class);
      } finally {
        executor.shutdownNow();
      }
    }
  }

  @Nested
  @DisplayName("3-D Secure")
  class Authentication {

    @Test
    void aCompletedAuthenticationChargesAndResolvesAsCharged() {
      ChargeRequest request =
          request("pay-1", StripeTestCards.AUTHENTICATION_REQUIRED, CardUse.ONE_TIME, null);
      ChargeOutcome.ActionRequired action = (ChargeOutcome.ActionRequired) charge(request);
      assertThat(action.clientSecret()).startsWith(action.processorReference() + "_secret_");
      assertThat(action.toString()).doesNotContain(action.clientSecret());
      fake.completeAuthentication(action.processorReference(), true);
      assertThat(fake.resolve(request, action.processorReference()))
          .isInstanceOf(ChargeOutcome.Charged.class);
      assertThat(fake.chargeCount()).isEqualTo(1);
    }

    @Test
    void aFailedAuthenticationIsDeclinedAndLeavesNoSavedCard() {
      String customer =
          fake.ensureCustomer(new CustomerRequest(AGENCY, ClientId.of("c1"), "customer-c1"));
      ChargeRequest request =
          request(
              "pay-1", StripeTestCards.AUTHENTICATION_REQUIRED, CardUse.SAVE_FOR_FUTURE, customer);
      String ref = charge(request).processorReference();
      assertThat(fake.listCards(customer)).hasSize(1);
      fake.completeAuthentication(ref, false);
      ChargeOutcome.Declined declined = (ChargeOutcome.Declined) fake.resolve(request, ref);
      assertThat(declined.failure().kind()).isEqualTo(PaymentFailure.Kind.AUTHENTICATION_FAILED);
      assertThat(fake.listCards(customer)).isEmpty();
      assertThatThrownBy(() -> fake.completeAuthentication(ref, true))
          .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aCardNeedingAuthenticationOnSetupIsSetUpOnlyOnceTheSavingChargeIsAuthenticated() {
      String customer =
          fake.ensureCustomer(new CustomerRequest(AGENCY, ClientId.of("c1"), "customer-c1"));
      ChargeRequest request =
          request(
              "pay-1",
              StripeTestCards.AUTHENTICATION_REQUIRED_ON_SETUP,
              CardUse.SAVE_FOR_FUTURE,
              customer);
      String ref = ((ChargeOutcome.ActionRequired) charge(request)).processorReference();
      assertThat(fake.cards())
          .singleElement()
          .extracting(FakeCard::setUpForFutureUse)
          .isEqualTo(false);
      assertThat(fake.chargeCount()).isZero();

      fake.completeAuthentication(ref, true);

      ChargeOutcome.Charged charged = (ChargeOutcome.Charged) fake.resolve(request, ref);
      assertThat(charged.savedCard()).isEqualTo(fake.cards().get(0).id());
      assertThat(fake.cards())
          .singleElement()
          .extracting(FakeCard::setUpForFutureUse)
          .isEqualTo(true);
      assertThat(
              charge(
                  request(
                      "pay-2", charged.savedCard().value(), CardUse.SAVED_OFF_SESSION, customer)))
          .isInstanceOf(ChargeOutcome.Charged.class);
    }
  }

  @Nested
  @DisplayName("Ledger")
  class Ledger {

    @Test
    void chargesCustomersCardsRefundsAndCallsAreRecordedInOrder() {
      String customer =
          fake.ensureCustomer(new CustomerRequest(AGENCY, ClientId.of("c1"), "customer-c1"));
      ChargeRequest request =
          request("pay-1", StripeTestCards.VISA, CardUse.SAVE_FOR_FUTURE, customer);
      ChargeOutcome.Charged charged = (ChargeOutcome.Charged) charge(request);
      fake.refund(
          new RefundRequest(
              request.paymentId(), charged.processorReference(), Money.usd("4.00"), "r-1"));

      assertThat(fake.charges())
          .containsExactly(
              new FakeCharge(
                  "pi_fake_1",
                  "ch_fake_1",
                  request.paymentId(),
                  1,
                  "pay-1-1",
                  TEN,
                  CardUse.SAVE_FOR_FUTURE,
                  "pm_fake_1",
                  customer,
                  FakeCharge.Status.SUCCEEDED,
                  Money.usd("4.00")));
      assertThat(fake.customers())
          .containsExactly(
              new FakeCustomer(
                  "cus_fake_1", AGENCY, ClientId.of("c1"), List.of(charged.savedCard())));
      assertThat(fake.cards())
          .singleElement()
          .satisfies(
              card -> {
                assertThat(card.testPaymentMethod()).isEqualTo(StripeTestCards.VISA);
                assertThat(card.setUpForFutureUse()).isTrue();
              });
      assertThat(fake.refunds())
          .containsExactly(
              new FakeRefund(
                  "re_fake_1", "pi_fake_1", request.paymentId(), Money.usd("4.00"), "r-1"));
      assertThat(fake.calls())
          .containsExactly(
              new ProcessorCall(Operation.ENSURE_CUSTOMER, "customer-c1", "ok"),
              new ProcessorCall(Operation.PREPARE, "pay-1-1", "Prepared"),
              new ProcessorCall(Operation.CONFIRM, "pay-1-1", "Charged"),
              new ProcessorCall(Operation.REFUND, "r-1", "Refunded"));
      assertThatThrownBy(() -> fake.calls().clear())
          .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void resetForgetsEverythingAndRestartsTheIds() {
      ChargeRequest request = request("pay-1", StripeTestCards.VISA, CardUse.ONE_TIME, null);
      charge(request);
      fake.script().onNext(Operation.CONFIRM).decline("card_declined", null);
      fake.reset();
      assertThat(fake.charges()).isEmpty();
      assertThat(fake.calls()).isEmpty();
      assertThat(fake.chargeCount()).isZero();
      assertThat(fake.script().remaining(Operation.CONFIRM)).isZero();
      assertThat(((ChargeOutcome.Charged) charge(request)).processorReference())
          .isEqualTo("pi_fake_1");
    }
  }

  @Nested
  @DisplayName("Idempotency")
  class Idempotency {

    @Test
    void aKeyReusedForADifferentRefundIsAnIdempotencyError() {
      ChargeRequest request = request("pay-1", StripeTestCards.VISA, CardUse.ONE_TIME, null);
      String ref = charge(request).processorReference();
      fake.refund(new RefundRequest(request.paymentId(), ref, Money.usd("1.00"), "r-1"));
      assertThatThrownBy(
              () ->
                  fake.refund(
                      new RefundRequest(request.paymentId(), ref, Money.usd("2.00"), "r-1")))
          .isInstanceOf(ProcessorException.class)
          .hasMessageContaining("idempotency_error");
    }

    @Test
    void afterKeysExpireTheSameKeyStartsAFreshCharge() {
      ChargeRequest request = request("pay-1", StripeTestCards.VISA, CardUse.ONE_TIME, null);
      String first = charge(request).processorReference();
      fake.expireIdempotencyKeys();
      assertThat(fake.prepare(request).processorReference()).isNotEqualTo(first);
    }

    @Test
    void sixteenThreadsChargingTheSameAttemptChargeOnce() throws Exception {
      ChargeRequest request = request("pay-1", StripeTestCards.VISA, CardUse.ONE_TIME, null);
      Set<String> chargeReferences = ConcurrentHashMap.newKeySet();
      runConcurrently(
          16,
          i -> chargeReferences.add(((ChargeOutcome.Charged) charge(request)).chargeReference()));
      assertThat(chargeReferences).hasSize(1);
      assertThat(fake.chargeCount()).isEqualTo(1);
      assertThat(fake.charges()).hasSize(1);
    }

    @Test
    void sixteenThreadsSavingTheSameCardForOneCustomerSaveItOnce() throws Exception {
      String customer =
          fake.ensureCustomer(new CustomerRequest(AGENCY, ClientId.of("c1"), "customer-c1"));
      runConcurrently(
          16,
          i ->
              charge(request("pay-" + i, StripeTestCards.VISA, CardUse.SAVE_FOR_FUTURE, customer)));
      assertThat(fake.listCards(customer)).hasSize(1);
      assertThat(fake.chargeCount()).isEqualTo(16);
    }
  }

  @Test
  void tokensAndLegacyAliasesOfTestCardsAreUnderstood() {
    assertThat(charge(request("pay-1", "tok_mastercard", CardUse.ONE_TIME, null)))
        .isInstanceOf(ChargeOutcome.Charged.class);
    assertThat(
            ((ChargeOutcome.Declined)
                    charge(
                        request(
                            "pay-2",
                            "tok_chargeDeclinedInsufficientFunds",
                            CardUse.ONE_TIME,
                            null)))
                .failure()
                .declineCode())
        .isEqualTo("insufficient_funds");
    assertThat(
            ((ChargeOutcome.Declined)
                    charge(request("pay-3", "pm_card_nonsense", CardUse.ONE_TIME, null)))
                .failure()
                .kind())
        .isEqualTo(PaymentFailure.Kind.REJECTED);
  }

  private ChargeOutcome charge(ChargeRequest request) {
    ChargeOutcome prepared = fake.prepare(request);
    return prepared instanceof ChargeOutcome.Prepared p
        ? fake.confirm(request, p.processorReference())
        : prepared;
  }

  private static ChargeRequest request(
      String payment, String method, CardUse use, @Nullable String customer) {
    return new ChargeRequest(
        PaymentId.of(payment),
        AGENCY,
        ClientId.of("c1"),
        1,
        payment + "-1",
        TEN,
        method,
        use,
        customer,
        null,
        Instant.now().plusSeconds(90));
  }

  private static void runConcurrently(int threads, java.util.function.IntConsumer task)
      throws Exception {
    ExecutorService executor = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<?>> futures = new java.util.ArrayList<>();
      for (int i = 0; i < threads; i++) {
        int n = i;
        futures.add(
            executor.submit(
                () -> {
                  start.await();
                  task.accept(n);
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> f : futures) {
        f.get(10, TimeUnit.SECONDS);
      }
    } finally {
      executor.shutdownNow();
    }
  }
}
