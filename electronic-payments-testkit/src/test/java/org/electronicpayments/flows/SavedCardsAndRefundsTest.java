package org.electronicpayments.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import org.electronicpayments.CardChoice;
import org.electronicpayments.Consent;
import org.electronicpayments.ConsentChannel;
import org.electronicpayments.ConsentGiver;
import org.electronicpayments.Money;
import org.electronicpayments.PaymentException;
import org.electronicpayments.PaymentMethod;
import org.electronicpayments.PaymentRefund;
import org.electronicpayments.PaymentResult;
import org.electronicpayments.PaymentStatus;
import org.electronicpayments.PaymentValidationException;
import org.electronicpayments.testkit.ElectronicPaymentsExtension;
import org.electronicpayments.testkit.FakePaymentProcessor.Operation;
import org.electronicpayments.testkit.PaymentsTestbed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ElectronicPaymentsExtension.class)
class SavedCardsAndRefundsTest {

  private static PaymentMethod saveVisa(PaymentsTestbed bed) {
    bed.payments()
        .process(
            bed.frontDesk(),
            Requests.card(
                    CardChoice.saveNew(
                        "pm_card_visa",
                        "Visa 1000",
                        Consent.of(ConsentGiver.CLIENT, ConsentChannel.FRONT_DESK)))
                .build());
    return bed.payments().savedCards(bed.frontDesk(), PaymentsTestbed.CLIENT).get(0);
  }

  @Test
  void savedCardIsRenamedUpdatedAndRemoved(PaymentsTestbed bed) {
    PaymentMethod card = saveVisa(bed);

    assertThat(bed.payments().renameCard(bed.frontDesk(), card.id(), " Office Visa ").nickname())
        .isEqualTo("Office Visa");
    YearMonth renewed = card.card().expiry().plusYears(3);
    assertThat(bed.payments().updateCardExpiry(bed.frontDesk(), card.id(), renewed).card().expiry())
        .isEqualTo(renewed);
    assertThat(
            bed.payments()
                .savedCards(bed.frontDesk(), PaymentsTestbed.CLIENT)
                .get(0)
                .card()
                .expiry())
        .isEqualTo(renewed);

    bed.payments().removeCard(bed.frontDesk(), card.id());
    assertThat(bed.payments().savedCards(bed.frontDesk(), PaymentsTestbed.CLIENT)).isEmpty();
    assertThat(bed.processor().cards()).noneMatch(c -> c.id().equals(card.id()) && c.attached());
  }

  @Test
  void renamingToACardNumberOrBlankIsRejectedAndChangesNothing(PaymentsTestbed bed) {
    PaymentMethod card = saveVisa(bed);

    assertThatThrownBy(
            () -> bed.payments().renameCard(bed.frontDesk(), card.id(), "4242 4242 4242 4242"))
        .isInstanceOf(PaymentValidationException.class)
        .hasMessageContaining("nickname must not contain a card number");
    assertThatThrownBy(() -> bed.payments().renameCard(bed.frontDesk(), card.id(), "  "))
        .hasMessageContaining("nickname is required");
    assertThat(bed.store().findCard(card.id()).orElseThrow().nickname()).isEqualTo("Visa 1000");
  }

  @Test
  void anExpiryInThePastIsRejectedBeforeTheProcessorIsCalled(PaymentsTestbed bed) {
    PaymentMethod card = saveVisa(bed);
    int calls = bed.processor().calls().size();

    assertThatThrownBy(
            () ->
                bed.payments().updateCardExpiry(bed.frontDesk(), card.id(), YearMonth.of(2025, 12)))
        .hasMessageContaining("expiry must be this month or later");
    assertThat(bed.processor().calls()).hasSize(calls);
  }

  @Test
  void chargingAnotherClientsSavedCardIsRejected(PaymentsTestbed bed) {
    PaymentMethod card = saveVisa(bed);

    assertThatThrownBy(
            () ->
                bed.payments()
                    .process(
                        bed.frontDesk(),
                        Requests.card(CardChoice.saved(card.id()))
                            .client(org.electronicpayments.ClientId.of("2000"))
                            .build()))
        .isInstanceOf(PaymentValidationException.class)
        .hasMessageContaining("card is not a saved card of this client");
    assertThat(bed.processor().chargeCount()).isEqualTo(1);
  }

  @Test
  void partialThenFullRefundsAreTrackedAndOverRefundIsRejected(PaymentsTestbed bed) {
    PaymentResult paid = bed.payments().process(bed.frontDesk(), Requests.oneTime("pm_card_visa"));

    PaymentRefund part =
        bed.payments().refund(bed.frontDesk(), paid.payment().id(), Money.usd("4.00"));
    assertThat(part.status()).isEqualTo(PaymentStatus.SUCCEEDED);
    assertThat(bed.store().find(paid.payment().id()).orElseThrow().status())
        .isEqualTo(PaymentStatus.PARTIALLY_REFUNDED);

    assertThatThrownBy(
            () -> bed.payments().refund(bed.frontDesk(), paid.payment().id(), Money.usd("6.01")))
        .hasMessageContaining("amount must be at most 6.00");
    bed.payments().refund(bed.frontDesk(), paid.payment().id(), Money.usd("6.00"));

    var stored = bed.store().find(paid.payment().id()).orElseThrow();
    assertThat(stored.status()).isEqualTo(PaymentStatus.REFUNDED);
    assertThat(stored.refunded()).isEqualTo(Money.usd("10.00"));
    assertThat(bed.processor().refunds()).hasSize(2);
  }

  @Test
  void aRefundInDoubtIsRetriedWithItsKeyAndRefundsOnce(PaymentsTestbed bed) {
    PaymentResult paid = bed.payments().process(bed.frontDesk(), Requests.oneTime("pm_card_visa"));
    bed.processor().script().onNext(Operation.REFUND).timeoutAfterCharging();

    PaymentRefund unknown =
        bed.payments().refund(bed.frontDesk(), paid.payment().id(), Money.usd("10.00"));
    assertThat(unknown.status()).isEqualTo(PaymentStatus.IN_DOUBT);
    assertThatThrownBy(
            () -> bed.payments().refund(bed.frontDesk(), paid.payment().id(), Money.usd("1.00")))
        .hasMessageContaining("still in doubt");

    PaymentRefund retried =
        bed.payments().refund(bed.frontDesk(), paid.payment().id(), Money.usd("10.00"));

    assertThat(retried.status()).isEqualTo(PaymentStatus.SUCCEEDED);
    assertThat(retried.idempotencyKey()).isEqualTo(unknown.idempotencyKey());
    assertThat(bed.processor().refunds()).hasSize(1);
  }

  @Test
  void cashCannotBeRefundedThroughTheProcessor(PaymentsTestbed bed) {
    PaymentResult cash =
        bed.payments().process(bed.frontDesk(), Requests.cash(PaymentsTestbed.CLIENT));

    assertThatThrownBy(
            () -> bed.payments().refund(bed.frontDesk(), cash.payment().id(), Money.usd("1.00")))
        .isInstanceOf(PaymentException.class)
        .hasMessageContaining("was not charged through the processor");
  }
}
