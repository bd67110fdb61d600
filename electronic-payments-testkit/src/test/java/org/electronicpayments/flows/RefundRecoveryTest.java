package org.electronicpayments.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.electronicpayments.ElectronicPayments;
import org.electronicpayments.Money;
import org.electronicpayments.Payment;
import org.electronicpayments.PaymentRefund;
import org.electronicpayments.PaymentResult;
import org.electronicpayments.PaymentStatus;
import org.electronicpayments.testkit.CrashingPaymentStore;
import org.electronicpayments.testkit.CrashingPaymentStore.SimulatedCrash;
import org.electronicpayments.testkit.CrashingPaymentStore.When;
import org.electronicpayments.testkit.ElectronicPaymentsExtension;
import org.electronicpayments.testkit.FakePaymentProcessor.Operation;
import org.electronicpayments.testkit.PaymentsTestbed;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A refund left pending or in doubt is never stuck: asked again, or reconciled, it is sent once
 * more with its key.
 */
@ExtendWith(ElectronicPaymentsExtension.class)
class RefundRecoveryTest {

  @Test
  @DisplayName(
      "A refund the host journaled and then died on is retried with its key when asked again, and refunds once")
  void refundLeftPendingByACrashIsRetriedWhenAskedAgain(PaymentsTestbed bed) {
    Payment paid =
        bed.payments().process(bed.frontDesk(), Requests.oneTime("pm_card_visa")).payment();
    CrashingPaymentStore dying =
        CrashingPaymentStore.over(bed.store()).crashOnUpdate(1, When.AFTER);
    ElectronicPayments host = facade(bed, dying);
    assertThatThrownBy(() -> host.refund(bed.frontDesk(), paid.id(), Money.usd("10.00")))
        .isInstanceOf(SimulatedCrash.class);
    assertThat(bed.store().find(paid.id()).orElseThrow().refunds())
        .singleElement()
        .extracting(PaymentRefund::status)
        .isEqualTo(PaymentStatus.PENDING);

    PaymentRefund retried = bed.payments().refund(bed.frontDesk(), paid.id(), Money.usd("10.00"));

    assertThat(retried.status()).isEqualTo(PaymentStatus.SUCCEEDED);
    assertThat(retried.number()).isEqualTo(1);
    assertThat(bed.processor().refunds()).hasSize(1);
    assertThat(bed.store().find(paid.id()).orElseThrow().status())
        .isEqualTo(PaymentStatus.REFUNDED);
  }

  @Test
  @DisplayName(
      "Reconcile settles a refund left pending (after the lease) and one in doubt, each refunded once")
  void reconcileSettlesPendingAndInDoubtRefunds(PaymentsTestbed bed) {
    Payment crashed =
        bed.payments().process(bed.frontDesk(), Requests.oneTime("pm_card_visa")).payment();
    Payment unknown =
        bed.payments().process(bed.frontDesk(), Requests.oneTime("pm_card_mastercard")).payment();
    ElectronicPayments host =
        facade(bed, CrashingPaymentStore.over(bed.store()).crashOnUpdate(1, When.AFTER));
    assertThatThrownBy(() -> host.refund(bed.frontDesk(), crashed.id(), Money.usd("4.00")))
        .isInstanceOf(SimulatedCrash.class);
    bed.processor().script().onNext(Operation.REFUND).timeoutAfterCharging();
    assertThat(bed.payments().refund(bed.frontDesk(), unknown.id(), Money.usd("10.00")).status())
        .isEqualTo(PaymentStatus.IN_DOUBT);

    bed.payments().reconcile(bed.reconciler());
    assertThat(refundOf(bed, crashed).status())
        .as("pending, but young: may still be in flight")
        .isEqualTo(PaymentStatus.PENDING);
    assertThat(refundOf(bed, unknown).status()).isEqualTo(PaymentStatus.SUCCEEDED);

    bed.clock().advance(PaymentsTestbed.DEADLINE.plus(Duration.ofMinutes(1)));
    bed.payments().reconcile(bed.reconciler());

    assertThat(refundOf(bed, crashed).status()).isEqualTo(PaymentStatus.SUCCEEDED);
    assertThat(bed.store().find(crashed.id()).orElseThrow().status())
        .isEqualTo(PaymentStatus.PARTIALLY_REFUNDED);
    assertThat(bed.store().find(unknown.id()).orElseThrow().status())
        .isEqualTo(PaymentStatus.REFUNDED);
    assertThat(bed.processor().refunds()).hasSize(2);
  }

  @Test
  @DisplayName(
      "Reconcile settles the refunds of saved payments too: one in doubt, and one left pending by a crash")
  void reconcileSettlesRefundsOfSavedPayments(PaymentsTestbed bed) {
    Payment unknown =
        bed.payments().process(bed.frontDesk(), Requests.oneTime("pm_card_visa")).payment();
    Payment crashed =
        bed.payments().process(bed.frontDesk(), Requests.oneTime("pm_card_mastercard")).payment();
    bed.payments().save(bed.frontDesk(), unknown.id());
    bed.processor().script().onNext(Operation.REFUND).timeoutAfterCharging();
    assertThat(bed.payments().refund(bed.frontDesk(), unknown.id(), Money.usd("3.00")).status())
        .isEqualTo(PaymentStatus.IN_DOUBT);
    ElectronicPayments host =
        facade(bed, CrashingPaymentStore.over(bed.store()).crashOnUpdate(1, When.AFTER));
    assertThatThrownBy(() -> host.refund(bed.frontDesk(), crashed.id(), Money.usd("4.00")))
        .isInstanceOf(SimulatedCrash.class);
    bed.payments().save(bed.frontDesk(), crashed.id()); // saved while its refund was left pending
    assertThat(bed.store().find(crashed.id()).orElseThrow().status())
        .isEqualTo(PaymentStatus.POSTED);

    bed.clock().advance(PaymentsTestbed.DEADLINE.plus(Duration.ofMinutes(1)));
    bed.payments().reconcile(bed.reconciler());

    assertThat(refundOf(bed, unknown).status()).isEqualTo(PaymentStatus.SUCCEEDED);
    assertThat(refundOf(bed, crashed).status()).isEqualTo(PaymentStatus.SUCCEEDED);
    assertThat(bed.store().find(unknown.id()).orElseThrow().status())
        .isEqualTo(PaymentStatus.PARTIALLY_REFUNDED);
    assertThat(bed.store().find(crashed.id()).orElseThrow().isPosted())
        .as("still on the client's ledger")
        .isTrue();
    assertThat(bed.processor().refunds()).hasSize(2);
  }

  @Test
  @DisplayName(
      "Reconcile settles an in-doubt refund even when a refund made outside the SDK was recorded after it")
  void reconcileSettlesAnInDoubtRefundFollowedByAnOutsideRefund(PaymentsTestbed bed) {
    Payment paid =
        bed.payments().process(bed.frontDesk(), Requests.oneTime("pm_card_visa")).payment();
    bed.processor().script().onNext(Operation.REFUND).timeoutAfterCharging();
    assertThat(bed.payments().refund(bed.frontDesk(), paid.id(), Money.usd("1.00")).status())
        .isEqualTo(PaymentStatus.IN_DOUBT);
    String charge = java.util.Objects.requireNonNull(paid.currentAttempt()).processorReference();
    bed.processor().dashboardRefund(java.util.Objects.requireNonNull(charge), Money.usd("0.50"));
    bed.payments().refresh(bed.reconciler(), paid.id());
    assertThat(bed.store().find(paid.id()).orElseThrow().refunds())
        .extracting(PaymentRefund::status)
        .containsExactly(PaymentStatus.IN_DOUBT, PaymentStatus.SUCCEEDED);

    bed.payments().reconcile(bed.reconciler());

    assertThat(bed.store().find(paid.id()).orElseThrow().refunds())
        .extracting(PaymentRefund::status)
        .containsExactly(PaymentStatus.SUCCEEDED, PaymentStatus.SUCCEEDED);
    assertThat(bed.processor().refunds()).hasSize(2);
  }

  @Test
  @DisplayName(
      "A refund asked of a closed facade is in doubt, not stuck pending, and is settled later")
  void refundAfterCloseIsInDoubtAndSettledLater(PaymentsTestbed bed) {
    PaymentResult paid = bed.payments().process(bed.frontDesk(), Requests.oneTime("pm_card_visa"));
    ElectronicPayments closed = facade(bed, bed.store());
    closed.close();

    PaymentRefund refund = closed.refund(bed.frontDesk(), paid.payment().id(), Money.usd("10.00"));

    assertThat(refund.status()).isEqualTo(PaymentStatus.IN_DOUBT);
    assertThat(bed.processor().refunds()).isEmpty();
    bed.payments().reconcile(bed.reconciler());
    assertThat(refundOf(bed, paid.payment()).status()).isEqualTo(PaymentStatus.SUCCEEDED);
    assertThat(bed.processor().refunds()).hasSize(1);
  }

  private static PaymentRefund refundOf(PaymentsTestbed bed, Payment payment) {
    return bed.store().find(payment.id()).orElseThrow().refunds().get(0);
  }

  private static ElectronicPayments facade(
      PaymentsTestbed bed, org.electronicpayments.spi.PaymentStore store) {
    return ElectronicPayments.builder()
        .processor(bed.processor())
        .store(store)
        .agency(bed.agency())
        .clock(bed.clock())
        .deadline(PaymentsTestbed.DEADLINE)
        .build();
  }
}
