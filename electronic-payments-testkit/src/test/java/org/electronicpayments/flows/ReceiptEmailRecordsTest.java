package org.electronicpayments.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.electronicpayments.AccessDeniedException;
import org.electronicpayments.CardChoice;
import org.electronicpayments.PaymentId;
import org.electronicpayments.ReceiptEmail;
import org.electronicpayments.security.Permission;
import org.electronicpayments.spi.AuditQuery;
import org.electronicpayments.testkit.FakePaymentProcessor;
import org.electronicpayments.testkit.PaymentsTestbed;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The payment shows whether its receipt was emailed, when and to whom, or why it was not. */
class ReceiptEmailRecordsTest {

  @Test
  @DisplayName("each receipt emailed is recorded on the payment with its address, time and sender")
  void sentReceiptsAreRecorded() {
    try (PaymentsTestbed bed = PaymentsTestbed.create()) {
      PaymentId id =
          bed.payments()
              .process(
                  bed.frontDesk(),
                  Requests.card(CardChoice.oneTime("pm_card_visa"))
                      .emailReceiptTo("guardian@example.org")
                      .build())
              .payment()
              .id();
      assertThat(bed.payments().receiptEmails(bed.frontDesk(), id)).isEmpty();

      bed.payments().emailReceipt(bed.frontDesk(), id);
      bed.clock().advance(Duration.ofMinutes(5));
      bed.payments().emailReceipt(bed.frontDesk(), id);

      assertThat(bed.payments().receiptEmails(bed.frontDesk(), id))
          .containsExactly(
              new ReceiptEmail(
                  id,
                  "guardian@example.org",
                  java.time.Instant.parse("2026-01-01T15:00:00Z"),
                  "staff:desk-1",
                  null),
              new ReceiptEmail(
                  id,
                  "guardian@example.org",
                  java.time.Instant.parse("2026-01-01T15:05:00Z"),
                  "staff:desk-1",
                  null));
      assertThat(bed.outbox().sent()).hasSize(2);
    }
  }

  @Test
  @DisplayName(
      "a failed delivery still reaches the caller, and is recorded without what the error quoted")
  void failedDeliveryIsRecordedAndThrown() {
    IllegalStateException boom =
        new IllegalStateException("login as receipts with password hunter2 refused");
    try (PaymentsTestbed bed =
        PaymentsTestbed.create(
            FakePaymentProcessor.create(),
            b ->
                b.receiptDelivery(
                    (receipt, to) -> {
                      throw boom;
                    }))) {
      PaymentId id =
          bed.payments().process(bed.frontDesk(), Requests.oneTime("pm_card_visa")).payment().id();

      assertThatThrownBy(() -> bed.payments().emailReceipt(bed.frontDesk(), id)).isSameAs(boom);

      assertThat(bed.payments().receiptEmails(bed.frontDesk(), id))
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.sent()).isFalse();
                assertThat(e.to()).isEqualTo("pat@example.org");
                assertThat(e.failure()).isEqualTo("delivery failed: IllegalStateException");
              });
    }
  }

  @Test
  @DisplayName(
      "the records are read with the permission to view payments, and the reading is audited")
  void readingTheRecordsIsAuthorized() {
    try (PaymentsTestbed bed = PaymentsTestbed.create()) {
      PaymentId id =
          bed.payments().process(bed.frontDesk(), Requests.oneTime("pm_card_visa")).payment().id();
      bed.payments().emailReceipt(bed.frontDesk(), id);

      assertThatThrownBy(
              () -> bed.payments().receiptEmails(bed.staffWith(Permission.SEND_RECEIPTS), id))
          .isInstanceOf(AccessDeniedException.class);
      assertThat(bed.payments().receiptEmails(bed.staffWith(Permission.VIEW_PAYMENTS), id))
          .hasSize(1);
      assertThat(bed.audit().denials())
          .singleElement()
          .satisfies(e -> assertThat(e.paymentId()).isEqualTo(id));
      assertThat(bed.audit().events(AuditQuery.all().payment(id)))
          .extracting(e -> e.permission())
          .containsExactly(
              Permission.SEND_RECEIPTS, Permission.VIEW_PAYMENTS, Permission.VIEW_PAYMENTS);
      assertThat(bed.audit().events(AuditQuery.all().payment(id).actor(bed.frontDesk())))
          .hasSize(1);
    }
  }
}
