package org.electronicpayments.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.electronicpayments.ClientId;
import org.electronicpayments.Payment;
import org.electronicpayments.PaymentException;
import org.electronicpayments.PaymentResult;
import org.electronicpayments.PaymentStatus;
import org.electronicpayments.PaymentValidationException;
import org.electronicpayments.Receipt;
import org.electronicpayments.testkit.ElectronicPaymentsExtension;
import org.electronicpayments.testkit.PaymentsTestbed;
import org.electronicpayments.testkit.RecordingReceiptDelivery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ElectronicPaymentsExtension.class)
class PostingAndReceiptsTest {

  @Test
  void processedPaymentsNobodySavedAreListedUntilSaved(PaymentsTestbed bed) {
    PaymentResult card = bed.payments().process(bed.frontDesk(), Requests.oneTime("pm_card_visa"));
    PaymentResult cash =
        bed.payments().process(bed.frontDesk(), Requests.cash(PaymentsTestbed.CLIENT));
    bed.payments().process(bed.frontDesk(), Requests.oneTime("pm_card_visa_chargeDeclined"));

    assertThat(bed.payments().unsaved(bed.frontDesk()))
        .extracting(Payment::id)
        .containsExactlyInAnyOrder(card.payment().id(), cash.payment().id());

    Payment posted = bed.payments().save(bed.frontDesk(), card.payment().id());
    assertThat(posted.status()).isEqualTo(PaymentStatus.POSTED);
    assertThat(posted.postedBy()).isEqualTo("staff:desk-1");
    assertThat(bed.payments().save(bed.frontDesk(), card.payment().id())).isEqualTo(posted);
    assertThat(bed.payments().unsaved(bed.frontDesk()))
        .extracting(Payment::id)
        .containsExactly(cash.payment().id());
  }

  @Test
  void aFailedPaymentCannotBeSaved(PaymentsTestbed bed) {
    PaymentResult declined =
        bed.payments().process(bed.frontDesk(), Requests.oneTime("pm_card_visa_chargeDeclined"));

    assertThatThrownBy(() -> bed.payments().save(bed.frontDesk(), declined.payment().id()))
        .isInstanceOf(PaymentException.class)
        .hasMessageContaining("is FAILED");
  }

  @Test
  void receiptIsEmailedToTheAddressGivenElseToTheEmailOnFile(PaymentsTestbed bed) {
    PaymentResult given =
        bed.payments()
            .process(
                bed.frontDesk(),
                Requests.card(org.electronicpayments.CardChoice.oneTime("pm_card_visa"))
                    .emailReceiptTo("guardian@example.org")
                    .build());
    PaymentResult onFile =
        bed.payments().process(bed.frontDesk(), Requests.oneTime("pm_card_visa"));

    assertThat(bed.payments().emailReceipt(bed.frontDesk(), given.payment().id()))
        .isEqualTo("guardian@example.org");
    assertThat(bed.payments().emailReceipt(bed.frontDesk(), onFile.payment().id()))
        .isEqualTo("pat@example.org");
    assertThat(bed.outbox().sent())
        .extracting(RecordingReceiptDelivery.Sent::to)
        .containsExactly("guardian@example.org", "pat@example.org");
    Receipt receipt = bed.outbox().sent().get(0).receipt();
    assertThat(receipt.clientName()).isEqualTo("Pat Doe");
    assertThat(receipt.methodLabel()).isEqualTo("Visa •••• 4242");
  }

  @Test
  void receiptWithoutAnyAddressIsAFieldError(PaymentsTestbed bed) {
    PaymentResult r = bed.payments().process(bed.frontDesk(), Requests.cash(ClientId.of("2000")));

    assertThatThrownBy(() -> bed.payments().emailReceipt(bed.frontDesk(), r.payment().id()))
        .isInstanceOf(PaymentValidationException.class)
        .hasMessageContaining("emailReceiptTo is empty and the client has no email on file");
    assertThat(bed.outbox().sent()).isEmpty();
  }

  @Test
  void printableReceiptCarriesAgencyAndAmountButNeverTheNote(PaymentsTestbed bed) {
    PaymentResult r = bed.payments().process(bed.frontDesk(), Requests.oneTime("pm_card_visa"));

    String page = bed.payments().printableReceipt(bed.frontDesk(), r.payment().id());
    String text = bed.payments().receipt(bed.frontDesk(), r.payment().id()).toPlainText();

    assertThat(page)
        .contains("Riverside Counseling")
        .contains("$10.00")
        .contains("@media print")
        .doesNotContain(Requests.NOTE)
        .doesNotContain("90837")
        .doesNotContain("appt-77");
    assertThat(text).doesNotContain(Requests.NOTE).doesNotContain("90837");
  }

  @Test
  void noReceiptForAPaymentThatDidNotSucceed(PaymentsTestbed bed) {
    PaymentResult declined =
        bed.payments().process(bed.frontDesk(), Requests.oneTime("pm_card_visa_chargeDeclined"));

    assertThatThrownBy(() -> bed.payments().receipt(bed.frontDesk(), declined.payment().id()))
        .isInstanceOf(PaymentException.class)
        .hasMessageContaining("needs a succeeded payment");
  }

  @Test
  void processAsyncCompletesAndStatusShowsProgressMeanwhile(PaymentsTestbed bed) throws Exception {
    bed.processor()
        .script()
        .onNext(org.electronicpayments.testkit.FakePaymentProcessor.Operation.CONFIRM)
        .hang();
    var future = bed.payments().processAsync(bed.frontDesk(), Requests.oneTime("pm_card_visa"));
    assertThat(bed.processor().awaitHung(1, java.time.Duration.ofSeconds(2))).isTrue();
    Payment running = bed.store().payments().get(0);

    assertThat(bed.payments().status(bed.frontDesk(), running.id()))
        .isEqualTo(PaymentStatus.PROCESSING);
    bed.processor().releaseHung();
    assertThat(future.get()).isInstanceOf(PaymentResult.Succeeded.class);
    assertThat(bed.payments().status(bed.frontDesk(), running.id()))
        .isEqualTo(PaymentStatus.SUCCEEDED);
  }
}
