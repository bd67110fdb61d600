package org.electronicpayments.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.electronicpayments.CardChoice;
import org.electronicpayments.ElectronicPayments;
import org.electronicpayments.Money;
import org.electronicpayments.Payment;
import org.electronicpayments.PaymentRefund;
import org.electronicpayments.PaymentStatus;
import org.electronicpayments.security.Actor;
import org.electronicpayments.spi.PaymentStore;
import org.electronicpayments.testkit.CrashingPaymentStore;
import org.electronicpayments.testkit.CrashingPaymentStore.SimulatedCrash;
import org.electronicpayments.testkit.CrashingPaymentStore.When;
import org.electronicpayments.testkit.InMemoryPaymentStore;
import org.electronicpayments.testkit.stripe.StripeEmulator;
import org.electronicpayments.testkit.stripe.StripeEmulatorExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Refunds through the Stripe module: one left pending or in doubt is settled with its key, refunded
 * once at Stripe.
 */
@ExtendWith(StripeEmulatorExtension.class)
class StripeRefundRecoveryTest {

  @Test
  @DisplayName(
      "A refund whose answer was lost is in doubt; reconcile settles it with its key, refunded once")
  void refundInDoubtIsSettledByReconcile(StripeEmulator emulator) {
    InMemoryPaymentStore store = InMemoryPaymentStore.create();
    ElectronicPayments payments = facade(emulator, store);
    Payment paid =
        payments
            .process(
                Facades.DESK, Facades.request(CardChoice.oneTime("pm_card_visa"), true, "10.00"))
            .payment();
    emulator.faults().onNext("POST /v1/refunds").commitThenDrop();

    PaymentRefund unknown = payments.refund(Facades.DESK, paid.id(), Money.usd("10.00"));
    assertThat(unknown.status()).isEqualTo(PaymentStatus.IN_DOUBT);
    payments.reconcile(Actor.system("reconciler"));

    Payment settled = store.find(paid.id()).orElseThrow();
    assertThat(settled.refunds())
        .singleElement()
        .extracting(PaymentRefund::status)
        .isEqualTo(PaymentStatus.SUCCEEDED);
    assertThat(settled.status()).isEqualTo(PaymentStatus.REFUNDED);
    assertThat(emulator.succeededCharges())
        .singleElement()
        .extracting(c -> c.amountRefunded())
        .isEqualTo(1000L);
    assertThat(emulator.requests("POST /v1/refunds"))
        .extracting(r -> r.idempotencyKey())
        .containsOnly(unknown.idempotencyKey());
  }

  @Test
  @DisplayName("Reconcile settles the lost refund of a saved payment with its key, refunded once")
  void refundInDoubtOfASavedPaymentIsSettledByReconcile(StripeEmulator emulator) {
    InMemoryPaymentStore store = InMemoryPaymentStore.create();
    ElectronicPayments payments = facade(emulator, store);
    Payment paid =
        payments
            .process(
                Facades.DESK, Facades.request(CardChoice.oneTime("pm_card_visa"), true, "10.00"))
            .payment();
    payments.save(Facades.DESK, paid.id());
    emulator.faults().onNext("POST /v1/refunds").commitThenDrop();

    PaymentRefund unknown = payments.refund(Facades.DESK, paid.id(), Money.usd("1.00"));
    assertThat(unknown.status()).isEqualTo(PaymentStatus.IN_DOUBT);
    payments.reconcile(Actor.system("reconciler"));

    Payment settled = store.find(paid.id()).orElseThrow();
    assertThat(settled.refunds())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.status()).isEqualTo(PaymentStatus.SUCCEEDED);
              assertThat(r.processorReference()).startsWith("re_");
            });
    assertThat(settled.isPosted()).isTrue();
    assertThat(emulator.succeededCharges())
        .singleElement()
        .extracting(c -> c.amountRefunded())
        .isEqualTo(100L);
    assertThat(emulator.requests("POST /v1/refunds"))
        .extracting(r -> r.idempotencyKey())
        .containsOnly(unknown.idempotencyKey());
  }

  @Test
  @DisplayName(
      "A refund left pending by a host crash is retried with its key when asked again, refunded once")
  void refundLeftPendingIsRetriedWhenAskedAgain(StripeEmulator emulator) {
    InMemoryPaymentStore store = InMemoryPaymentStore.create();
    ElectronicPayments payments = facade(emulator, store);
    Payment paid =
        payments
            .process(
                Facades.DESK, Facades.request(CardChoice.oneTime("pm_card_visa"), true, "10.00"))
            .payment();
    ElectronicPayments dying =
        facade(emulator, CrashingPaymentStore.over(store).crashOnUpdate(1, When.AFTER));
    assertThatThrownBy(() -> dying.refund(Facades.DESK, paid.id(), Money.usd("6.00")))
        .isInstanceOf(SimulatedCrash.class);

    PaymentRefund retried = payments.refund(Facades.DESK, paid.id(), Money.usd("6.00"));

    assertThat(retried.status()).isEqualTo(PaymentStatus.SUCCEEDED);
    assertThat(store.find(paid.id()).orElseThrow().status())
        .isEqualTo(PaymentStatus.PARTIALLY_REFUNDED);
    assertThat(emulator.succeededCharges())
        .singleElement()
        .extracting(c -> c.amountRefunded())
        .isEqualTo(600L);
  }

  @Test
  @DisplayName(
      "A refund that never reached Stripe is settled by reconcile after a Dashboard refund completed the payment")
  void refundInDoubtIsSettledAfterADashboardRefundCompletedThePayment(StripeEmulator emulator) {
    InMemoryPaymentStore store = InMemoryPaymentStore.create();
    ElectronicPayments payments = facade(emulator, store);
    Payment paid =
        payments
            .process(
                Facades.DESK, Facades.request(CardChoice.oneTime("pm_card_visa"), true, "24.00"))
            .payment();
    emulator.faults().onNext("POST /v1/refunds").drop();
    PaymentRefund unknown = payments.refund(Facades.DESK, paid.id(), Money.usd("1.00"));
    assertThat(unknown.status()).isEqualTo(PaymentStatus.IN_DOUBT);
    String dashboard = emulator.dashboardRefund(paid.currentAttempt().processorReference(), null);
    assertThat(payments.refresh(Actor.system("webhooks"), paid.id()).payment().status())
        .isEqualTo(PaymentStatus.REFUNDED);

    payments.reconcile(Actor.system("reconciler"));

    Payment settled = store.find(paid.id()).orElseThrow();
    assertThat(settled.refunds())
        .extracting(PaymentRefund::status)
        .doesNotContain(PaymentStatus.IN_DOUBT, PaymentStatus.PENDING);
    assertThat(settled.refunds())
        .filteredOn(r -> r.status() == PaymentStatus.SUCCEEDED)
        .extracting(PaymentRefund::processorReference)
        .containsExactly(dashboard);
    assertThat(settled.refunded()).isEqualTo(Money.usd("24.00"));
    assertThat(emulator.succeededCharges())
        .singleElement()
        .extracting(c -> c.amountRefunded())
        .isEqualTo(2400L);
  }

  private static ElectronicPayments facade(StripeEmulator emulator, PaymentStore store) {
    return ElectronicPayments.builder()
        .processor(Fixtures.processor(emulator))
        .store(store)
        .agency(Facades.AGENCY)
        .deadline(Duration.ofSeconds(5))
        .build();
  }
}
