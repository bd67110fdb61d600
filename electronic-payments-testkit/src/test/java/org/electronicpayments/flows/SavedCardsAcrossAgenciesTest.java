package org.electronicpayments.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.util.List;
import org.electronicpayments.AgencyDetails;
import org.electronicpayments.AgencyId;
import org.electronicpayments.CardChoice;
import org.electronicpayments.Consent;
import org.electronicpayments.ConsentChannel;
import org.electronicpayments.ConsentGiver;
import org.electronicpayments.ElectronicPayments;
import org.electronicpayments.PaymentMethod;
import org.electronicpayments.PaymentQuery;
import org.electronicpayments.PaymentResult;
import org.electronicpayments.PaymentValidationException;
import org.electronicpayments.testkit.ElectronicPaymentsExtension;
import org.electronicpayments.testkit.PaymentsTestbed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two agencies share one store (a shared database) and each has a client "1000". The testbed's
 * facade is agency A; a second facade over the same store and processor is agency B. Agency B must
 * not see, manage or charge the card agency A saved, and agency A keeps full use of it.
 */
@ExtendWith(ElectronicPaymentsExtension.class)
class SavedCardsAcrossAgenciesTest {

  private static final AgencyDetails AGENCY_B =
      new AgencyDetails(
          AgencyId.of("agency-b"),
          "Lakeside Therapy",
          List.of("40 Lake Rd", "Springfield, IL 62702"),
          "(555) 010-3000",
          ZoneId.of("America/Chicago"));

  private PaymentsTestbed bed;
  private ElectronicPayments agencyB;
  private PaymentMethod cardOfA;

  @BeforeEach
  void twoAgenciesOneStore(PaymentsTestbed bed) {
    this.bed = bed;
    agencyB =
        ElectronicPayments.builder()
            .processor(bed.processor())
            .store(bed.store())
            .agency(AGENCY_B)
            .clock(bed.clock())
            .deadline(PaymentsTestbed.DEADLINE)
            .build();
    assertThat(
            bed.payments()
                .process(
                    bed.frontDesk(),
                    Requests.card(
                            CardChoice.saveNew(
                                "pm_card_visa",
                                "Visa 1000",
                                Consent.of(ConsentGiver.CLIENT, ConsentChannel.FRONT_DESK)))
                        .build()))
        .isInstanceOf(PaymentResult.Succeeded.class);
    cardOfA = bed.payments().savedCards(bed.frontDesk(), PaymentsTestbed.CLIENT).get(0);
  }

  @AfterEach
  void closeAgencyB() {
    agencyB.close();
  }

  @Test
  void anotherAgencyDoesNotListTheCardOfItsSameNumberedClient() {
    assertThat(cardOfA.agencyId()).isEqualTo(PaymentsTestbed.AGENCY.id());
    assertThat(agencyB.savedCards(bed.frontDesk(), PaymentsTestbed.CLIENT)).isEmpty();
    assertThat(bed.payments().savedCards(bed.frontDesk(), PaymentsTestbed.CLIENT))
        .containsExactly(cardOfA);
  }

  @Test
  void anotherAgencyCannotRenameUpdateOrRemoveTheCard() {
    assertNotASavedCard(() -> agencyB.renameCard(bed.frontDesk(), cardOfA.id(), "Mine now"));
    assertNotASavedCard(
        () ->
            agencyB.updateCardExpiry(
                bed.frontDesk(), cardOfA.id(), cardOfA.card().expiry().plusYears(1)));
    int calls = bed.processor().calls().size();
    assertNotASavedCard(() -> agencyB.removeCard(bed.frontDesk(), cardOfA.id()));

    assertThat(bed.processor().calls()).hasSize(calls);
    assertThat(bed.store().findCard(cardOfA.id())).contains(cardOfA);
    assertThat(bed.processor().cards()).anyMatch(c -> c.id().equals(cardOfA.id()) && c.attached());
  }

  @Test
  void anotherAgencyCannotChargeTheCard() {
    PaymentResult declined =
        agencyB.process(bed.frontDesk(), Requests.oneTime("pm_card_visa_chargeDeclined"));
    assertThat(declined).isInstanceOf(PaymentResult.Failed.class);
    long charges = bed.processor().chargeCount();
    int calls = bed.processor().calls().size();

    assertThatThrownBy(
            () ->
                agencyB.process(
                    bed.frontDesk(), Requests.card(CardChoice.saved(cardOfA.id())).build()))
        .isInstanceOf(PaymentValidationException.class)
        .hasMessageContaining("card is not a saved card of this client");
    assertThatThrownBy(
            () ->
                agencyB.retry(
                    bed.frontDesk(), declined.payment().id(), CardChoice.saved(cardOfA.id())))
        .isInstanceOf(PaymentValidationException.class)
        .hasMessageContaining("card is not a saved card of this client");

    assertThat(bed.processor().chargeCount()).isEqualTo(charges);
    assertThat(bed.processor().calls()).hasSize(calls);
    assertThat(bed.store().query(AGENCY_B.id(), PaymentQuery.all()))
        .extracting(p -> p.id())
        .containsExactly(declined.payment().id());
  }

  @Test
  void theOwningAgencyStillListsRenamesChargesAndRemovesIt() {
    assertThat(bed.payments().renameCard(bed.frontDesk(), cardOfA.id(), "Office Visa").nickname())
        .isEqualTo("Office Visa");
    assertThat(
            bed.payments()
                .process(bed.frontDesk(), Requests.card(CardChoice.saved(cardOfA.id())).build()))
        .isInstanceOf(PaymentResult.Succeeded.class);

    bed.payments().removeCard(bed.frontDesk(), cardOfA.id());
    assertThat(bed.payments().savedCards(bed.frontDesk(), PaymentsTestbed.CLIENT)).isEmpty();
    assertThat(bed.store().findCard(cardOfA.id())).isEmpty();
  }

  @Test
  void eachAgencySeesOnlyTheCardsSavedWithIt() {
    assertThat(
            agencyB.process(
                bed.frontDesk(),
                Requests.card(
                        CardChoice.saveNew(
                            "pm_card_mastercard",
                            "MC 1000",
                            Consent.of(ConsentGiver.CLIENT, ConsentChannel.FRONT_DESK)))
                    .build()))
        .isInstanceOf(PaymentResult.Succeeded.class);

    PaymentMethod cardOfB = agencyB.savedCards(bed.frontDesk(), PaymentsTestbed.CLIENT).get(0);
    assertThat(cardOfB.agencyId()).isEqualTo(AGENCY_B.id());
    assertThat(agencyB.savedCards(bed.frontDesk(), PaymentsTestbed.CLIENT))
        .containsExactly(cardOfB);
    assertThat(bed.payments().savedCards(bed.frontDesk(), PaymentsTestbed.CLIENT))
        .containsExactly(cardOfA);
    assertNotASavedCard(() -> bed.payments().renameCard(bed.frontDesk(), cardOfB.id(), "Ours"));
  }

  private static void assertNotASavedCard(
      org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
    assertThatThrownBy(call)
        .isInstanceOf(PaymentValidationException.class)
        .hasMessageContaining("is not a saved card")
        .satisfies(
            e ->
                assertThat(((PaymentValidationException) e).hasErrorOn("paymentMethodId"))
                    .isTrue());
  }
}
