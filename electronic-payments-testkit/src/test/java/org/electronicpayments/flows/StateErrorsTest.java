package org.electronicpayments.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.electronicpayments.ElectronicPayments;
import org.electronicpayments.Money;
import org.electronicpayments.PaymentNotChargedException;
import org.electronicpayments.PaymentNotSavableException;
import org.electronicpayments.PaymentResult;
import org.electronicpayments.PaymentStateException;
import org.electronicpayments.PaymentStatus;
import org.electronicpayments.ReceiptDeliveryNotConfiguredException;
import org.electronicpayments.RefundInDoubtException;
import org.electronicpayments.RefundRejectedException;
import org.electronicpayments.testkit.ElectronicPaymentsExtension;
import org.electronicpayments.testkit.FakePaymentProcessor.Operation;
import org.electronicpayments.testkit.InMemoryPaymentStore;
import org.electronicpayments.testkit.PaymentsTestbed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** State errors a host must tell apart come as their own exception types, with their context. */
@ExtendWith(ElectronicPaymentsExtension.class)
class StateErrorsTest {

  @Test
  void savingAFailedPaymentIsNotSavableAndNamesItsStatus(PaymentsTestbed bed) {
    PaymentResult declined =
        bed.payments().process(bed.frontDesk(), Requests.oneTime("pm_card_visa_chargeDeclined"));

    assertThatThrownBy(() -> bed.payments().save(bed.frontDesk(), declined.payment().id()))
        .isInstanceOfSatisfying(
            PaymentNotSavableException.class,
            e -> {
              assertThat(e.status()).isEqualTo(PaymentStatus.FAILED);
              assertThat(e.paymentId()).isEqualTo(declined.payment().id());
            });
    assertThat(bed.store().find(declined.payment().id()).orElseThrow().isPosted()).isFalse();
  }

  @Test
  void savingAPaymentInDoubtIsNotSavable(PaymentsTestbed bed) {
    bed.processor().script().onNext(Operation.CONFIRM).timeoutAfterCharging();
    PaymentResult unknown =
        bed.payments().process(bed.frontDesk(), Requests.oneTime("pm_card_visa"));

    assertThatThrownBy(() -> bed.payments().save(bed.frontDesk(), unknown.payment().id()))
        .isInstanceOfSatisfying(
            PaymentNotSavableException.class,
            e -> assertThat(e.status()).isEqualTo(PaymentStatus.IN_DOUBT));
  }

  @Test
  void refundingCashIsNotChargedAndReachesNoProcessor(PaymentsTestbed bed) {
    PaymentResult cash =
        bed.payments().process(bed.frontDesk(), Requests.cash(PaymentsTestbed.CLIENT));

    assertThatThrownBy(
            () -> bed.payments().refund(bed.frontDesk(), cash.payment().id(), Money.usd("1.00")))
        .isInstanceOf(PaymentNotChargedException.class)
        .isInstanceOf(PaymentStateException.class);
    assertThat(bed.processor().refunds()).isEmpty();
  }

  @Test
  void aReceiptOfADeclinedPaymentIsNotCharged(PaymentsTestbed bed) {
    PaymentResult declined =
        bed.payments().process(bed.frontDesk(), Requests.oneTime("pm_card_visa_chargeDeclined"));

    assertThatThrownBy(() -> bed.payments().receipt(bed.frontDesk(), declined.payment().id()))
        .isInstanceOfSatisfying(
            PaymentNotChargedException.class,
            e -> assertThat(e.status()).isEqualTo(PaymentStatus.FAILED));
  }

  @Test
  void aNewRefundWhileOneIsInDoubtNamesTheRefundAndTheAmountToAskFor(PaymentsTestbed bed) {
    PaymentResult paid = bed.payments().process(bed.frontDesk(), Requests.oneTime("pm_card_visa"));
    bed.processor().script().onNext(Operation.REFUND).timeoutAfterCharging();
    bed.payments().refund(bed.frontDesk(), paid.payment().id(), Money.usd("4.00"));

    assertThatThrownBy(
            () -> bed.payments().refund(bed.frontDesk(), paid.payment().id(), Money.usd("1.00")))
        .isInstanceOfSatisfying(
            RefundInDoubtException.class,
            e -> {
              assertThat(e.refundNumber()).isEqualTo(1);
              assertThat(e.amount()).isEqualTo(Money.usd("4.00"));
              assertThat(e.paymentId()).isEqualTo(paid.payment().id());
            });
    assertThat(bed.store().find(paid.payment().id()).orElseThrow().refunds()).hasSize(1);
  }

  @Test
  void aRefundTheProcessorRefusesCarriesTheFailureAndIsRecordedFailed(PaymentsTestbed bed) {
    PaymentResult paid = bed.payments().process(bed.frontDesk(), Requests.oneTime("pm_card_visa"));
    bed.processor().script().onNext(Operation.REFUND).decline("charge_disputed", null);

    assertThatThrownBy(
            () -> bed.payments().refund(bed.frontDesk(), paid.payment().id(), Money.usd("10.00")))
        .isInstanceOfSatisfying(
            RefundRejectedException.class,
            e -> assertThat(e.failure().code()).isEqualTo("charge_disputed"));
    assertThat(bed.store().find(paid.payment().id()).orElseThrow().refunds())
        .singleElement()
        .extracting(r -> r.status())
        .isEqualTo(PaymentStatus.FAILED);
  }

  @Test
  void emailingAReceiptWithoutADeliveryIsAConfigurationError() {
    InMemoryPaymentStore store = InMemoryPaymentStore.create();
    try (PaymentsTestbed bed = PaymentsTestbed.create();
        ElectronicPayments noDelivery =
            ElectronicPayments.builder()
                .processor(bed.processor())
                .store(store)
                .agency(bed.agency())
                .auditSink(bed.audit())
                .build()) {
      PaymentResult paid = noDelivery.process(bed.frontDesk(), Requests.oneTime("pm_card_visa"));

      assertThatThrownBy(() -> noDelivery.emailReceipt(bed.frontDesk(), paid.payment().id()))
          .isInstanceOfSatisfying(
              ReceiptDeliveryNotConfiguredException.class,
              e -> assertThat(e.paymentId()).isEqualTo(paid.payment().id()));
    }
  }
}
