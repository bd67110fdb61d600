package org.electronicpayments.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import java.time.ZoneOffset;
import org.electronicpayments.AccessDeniedException;
import org.electronicpayments.CardChoice;
import org.electronicpayments.ClientId;
import org.electronicpayments.Consent;
import org.electronicpayments.ConsentChannel;
import org.electronicpayments.ConsentGiver;
import org.electronicpayments.PaymentMethod;
import org.electronicpayments.security.Actor;
import org.electronicpayments.testkit.ElectronicPaymentsExtension;
import org.electronicpayments.testkit.PaymentsTestbed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code syncSavedCards} makes the saved cards the processor's: detached and expired ones go. */
@ExtendWith(ElectronicPaymentsExtension.class)
class SavedCardSyncTest {

  private static PaymentMethod save(PaymentsTestbed bed, String token, String nickname) {
    bed.payments()
        .process(
            bed.frontDesk(),
            Requests.card(
                    CardChoice.saveNew(
                        token,
                        nickname,
                        Consent.of(ConsentGiver.CLIENT, ConsentChannel.FRONT_DESK)))
                .build());
    return bed.payments().savedCards(bed.frontDesk(), PaymentsTestbed.CLIENT).stream()
        .filter(c -> c.nickname().equals(nickname))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aCardDetachedAtTheProcessorIsDroppedAndTheOthersStay(PaymentsTestbed bed) {
    PaymentMethod visa = save(bed, "pm_card_visa", "Visa 4242");
    PaymentMethod mastercard = save(bed, "pm_card_mastercard", "Mastercard 4444");
    bed.processor().removeCard(visa.id());

    assertThat(bed.payments().syncSavedCards(bed.frontDesk(), PaymentsTestbed.CLIENT))
        .extracting(PaymentMethod::id)
        .containsExactly(mastercard.id());
    assertThat(bed.store().findCard(visa.id())).isEmpty();
    assertThat(bed.payments().savedCards(bed.frontDesk(), PaymentsTestbed.CLIENT))
        .extracting(PaymentMethod::id)
        .containsExactly(mastercard.id());
  }

  @Test
  void aCardExpiredByTheFacadesClockIsDropped(PaymentsTestbed bed) {
    PaymentMethod visa = save(bed, "pm_card_visa", "Visa 4242");
    YearMonth expiry = visa.card().expiry();
    bed.clock()
        .set(
            expiry
                .plusMonths(1)
                .atDay(1)
                .atStartOfDay()
                .toInstant(ZoneOffset.UTC)
                .plusSeconds(86_400));

    assertThat(bed.payments().syncSavedCards(bed.frontDesk(), PaymentsTestbed.CLIENT)).isEmpty();
    assertThat(bed.store().findCard(visa.id())).isEmpty();
  }

  @Test
  void aRenewedExpiryTheProcessorKnowsIsCopiedAndTheCardKept(PaymentsTestbed bed) {
    PaymentMethod visa = save(bed, "pm_card_visa", "Visa 4242");
    YearMonth renewed = visa.card().expiry().plusYears(2);
    bed.processor().updateCardExpiry(visa.id(), renewed);

    assertThat(bed.payments().syncSavedCards(bed.frontDesk(), PaymentsTestbed.CLIENT))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.card().expiry()).isEqualTo(renewed);
              assertThat(c.nickname()).isEqualTo("Visa 4242");
            });
    assertThat(bed.store().findCard(visa.id()).orElseThrow().card().expiry()).isEqualTo(renewed);
  }

  @Test
  void aSyncWithNothingChangedKeepsEveryCardAsStored(PaymentsTestbed bed) {
    PaymentMethod visa = save(bed, "pm_card_visa", "Visa 4242");

    assertThat(bed.payments().syncSavedCards(bed.frontDesk(), PaymentsTestbed.CLIENT))
        .containsExactly(visa);
    assertThat(bed.store().findCard(visa.id())).contains(visa);
  }

  @Test
  void anotherClientMayNotSyncTheCardsAndNothingIsDropped(PaymentsTestbed bed) {
    PaymentMethod visa = save(bed, "pm_card_visa", "Visa 4242");
    bed.processor().removeCard(visa.id());

    assertThatThrownBy(
            () ->
                bed.payments()
                    .syncSavedCards(Actor.client(ClientId.of("2000")), PaymentsTestbed.CLIENT))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(bed.store().findCard(visa.id())).isPresent();
  }
}
