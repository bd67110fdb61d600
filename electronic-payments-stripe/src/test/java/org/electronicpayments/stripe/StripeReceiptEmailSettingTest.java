package org.electronicpayments.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.electronicpayments.CardChoice;
import org.electronicpayments.ElectronicPayments;
import org.electronicpayments.ElectronicPaymentsBuilder;
import org.electronicpayments.PaymentResult;
import org.electronicpayments.PaymentStatus;
import org.electronicpayments.testkit.InMemoryPaymentStore;
import org.electronicpayments.testkit.RecordingReceiptDelivery;
import org.electronicpayments.testkit.StripeTestCards;
import org.electronicpayments.testkit.stripe.RecordedRequest;
import org.electronicpayments.testkit.stripe.StripeEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Stripe's own receipt email is an agency setting, so a client never gets two receipts. */
class StripeReceiptEmailSettingTest {

  private StripeEmulator emulator;

  @BeforeEach
  void start() {
    emulator = StripeEmulator.start();
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  @Test
  @DisplayName("when the SDK emails receipts, Stripe is not asked to email one too")
  void noReceiptEmailWhenTheSdkSendsReceipts() {
    RecordingReceiptDelivery outbox = RecordingReceiptDelivery.create();
    List<String> sent = chargeAndEmail(b -> b.receiptDelivery(outbox), true);
    assertThat(sent).isEmpty();
    assertThat(outbox.sent())
        .singleElement()
        .satisfies(s -> assertThat(s.to()).isEqualTo("client@example.org"));
  }

  @Test
  @DisplayName(
      "without a receipt delivery, Stripe emails its receipt to Email Receipt To, as before")
  void receiptEmailWhenNothingElseSendsReceipts() {
    assertThat(chargeAndEmail(b -> {}, false)).containsExactly("client@example.org");
  }

  @Test
  @DisplayName("the agency may ask for Stripe's receipt as well, or turn it off without a delivery")
  void theSettingWinsOverTheDefault() {
    assertThat(
            chargeAndEmail(
                b -> b.receiptDelivery(RecordingReceiptDelivery.create()).processorReceipts(true),
                false))
        .containsExactly("client@example.org");
    assertThat(chargeAndEmail(b -> b.processorReceipts(false), false)).isEmpty();
  }

  /** Charges a card through the facade; the receipt_email values Stripe received for it. */
  private List<String> chargeAndEmail(Consumer<ElectronicPaymentsBuilder> settings, boolean email) {
    int before = emulator.requests().size();
    ElectronicPaymentsBuilder b =
        ElectronicPayments.builder()
            .processor(Fixtures.processor(emulator))
            .store(InMemoryPaymentStore.create())
            .agency(Facades.AGENCY)
            .deadline(Duration.ofSeconds(5));
    settings.accept(b);
    try (ElectronicPayments payments = b.build()) {
      PaymentResult r =
          payments.process(
              Facades.DESK,
              Facades.request(CardChoice.oneTime(StripeTestCards.VISA), true, "10.00"));
      assertThat(r.payment().status()).isEqualTo(PaymentStatus.SUCCEEDED);
      if (email) {
        payments.emailReceipt(Facades.DESK, r.payment().id());
      }
    }
    List<RecordedRequest> intents =
        emulator.requests().subList(before, emulator.requests().size()).stream()
            .filter(q -> q.method().equals("POST") && q.path().startsWith("/v1/payment_intents"))
            .toList();
    assertThat(intents).isNotEmpty();
    return intents.stream()
        .map(q -> q.params().get("receipt_email"))
        .filter(v -> v != null)
        .toList();
  }
}
