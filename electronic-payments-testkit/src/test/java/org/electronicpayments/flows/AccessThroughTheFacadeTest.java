package org.electronicpayments.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.electronicpayments.AccessDeniedException;
import org.electronicpayments.CardChoice;
import org.electronicpayments.ClientId;
import org.electronicpayments.Consent;
import org.electronicpayments.ConsentChannel;
import org.electronicpayments.ConsentGiver;
import org.electronicpayments.Money;
import org.electronicpayments.PaymentMethod;
import org.electronicpayments.PaymentResult;
import org.electronicpayments.RepresentativeId;
import org.electronicpayments.security.Actor;
import org.electronicpayments.security.Permission;
import org.electronicpayments.spi.AuditSink;
import org.electronicpayments.testkit.ElectronicPaymentsExtension;
import org.electronicpayments.testkit.PaymentsTestbed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ElectronicPaymentsExtension.class)
class AccessThroughTheFacadeTest {

  private static final ClientId OTHER = ClientId.of("2000");

  @Test
  void staffWithoutThePermissionIsDeniedAuditedAndNothingIsStoredOrCharged(PaymentsTestbed bed) {
    Actor viewer = bed.staffWith(Permission.VIEW_PAYMENTS);

    assertThatThrownBy(() -> bed.payments().process(viewer, Requests.oneTime("pm_card_visa")))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("may not PROCESS_ELECTRONIC_PAYMENTS for client 1000");
    assertThat(bed.store().payments()).isEmpty();
    assertThat(bed.processor().calls()).isEmpty();
    AuditSink.Event denial = bed.audit().denials().get(0);
    assertThat(denial.permission()).isEqualTo(Permission.PROCESS_ELECTRONIC_PAYMENTS);
    assertThat(denial.clientId()).isEqualTo(PaymentsTestbed.CLIENT);
  }

  @Test
  void savingANewCardNeedsTheSaveCardPermissionToo(PaymentsTestbed bed) {
    Actor desk = bed.staffWith(Permission.PROCESS_ELECTRONIC_PAYMENTS);

    assertThatThrownBy(
            () ->
                bed.payments()
                    .process(
                        desk,
                        Requests.card(
                                CardChoice.saveNew(
                                    "pm_card_visa",
                                    "Visa 1000",
                                    Consent.of(ConsentGiver.CLIENT, ConsentChannel.FRONT_DESK)))
                            .build()))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("SAVE_CARD");
    assertThat(bed.payments().process(desk, Requests.oneTime("pm_card_visa")))
        .isInstanceOf(PaymentResult.Succeeded.class);
  }

  @Test
  void staffWhoMayChargeASavedCardMayListTheClientsCardsToChooseOneButNotChangeThem(
      PaymentsTestbed bed) {
    bed.payments()
        .process(
            bed.frontDesk(),
            Requests.card(
                    CardChoice.saveNew(
                        "pm_card_visa",
                        "Visa 1000",
                        Consent.of(ConsentGiver.CLIENT, ConsentChannel.FRONT_DESK)))
                .build());
    Actor charger = bed.staffWith(Permission.CHARGE_SAVED_CARD);

    List<PaymentMethod> cards = bed.payments().savedCards(charger, PaymentsTestbed.CLIENT);
    assertThat(cards).singleElement().extracting(PaymentMethod::nickname).isEqualTo("Visa 1000");
    assertThat(
            bed.payments()
                .process(charger, Requests.card(CardChoice.saved(cards.get(0).id())).build()))
        .isInstanceOf(PaymentResult.Succeeded.class);
    assertThat(bed.audit().events())
        .anySatisfy(
            e -> {
              assertThat(e.permission()).isEqualTo(Permission.VIEW_SAVED_CARDS);
              assertThat(e.allowed()).isTrue();
            });
    assertThatThrownBy(() -> bed.payments().renameCard(charger, cards.get(0).id(), "Mine"))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("MANAGE_SAVED_CARDS");
  }

  @Test
  void aClientPaysAndManagesOwnCardsButNeverAnotherClients(PaymentsTestbed bed) {
    Actor client = Actor.client(PaymentsTestbed.CLIENT);
    PaymentResult own =
        bed.payments()
            .process(
                client,
                Requests.card(
                        CardChoice.saveNew(
                            "pm_card_visa",
                            "My Visa",
                            Consent.of(ConsentGiver.CLIENT, ConsentChannel.FRONT_DESK)))
                    .build());
    assertThat(own).isInstanceOf(PaymentResult.Succeeded.class);
    PaymentMethod card = bed.payments().savedCards(client, PaymentsTestbed.CLIENT).get(0);
    PaymentResult foreign = bed.payments().process(bed.frontDesk(), Requests.cash(OTHER));

    Actor stranger = Actor.client(OTHER);
    assertThatThrownBy(() -> bed.payments().savedCards(stranger, PaymentsTestbed.CLIENT))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> bed.payments().removeCard(stranger, card.id()))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> bed.payments().payment(client, foreign.payment().id()))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> bed.payments().process(client, Requests.cash(PaymentsTestbed.CLIENT)))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("RECORD_PAYMENTS");
    assertThatThrownBy(() -> bed.payments().refund(client, own.payment().id(), Money.usd("1.00")))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> bed.payments().unsaved(client))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(bed.payments().savedCards(client, PaymentsTestbed.CLIENT)).hasSize(1);
  }

  @Test
  void aRepresentativeActsOnlyForTheClientsRepresented(PaymentsTestbed bed) {
    Actor parent =
        Actor.representative(RepresentativeId.of("rep-1"), Set.of(PaymentsTestbed.CLIENT));

    assertThat(bed.payments().process(parent, Requests.oneTime("pm_card_visa")))
        .isInstanceOf(PaymentResult.Succeeded.class);
    assertThatThrownBy(
            () ->
                bed.payments()
                    .process(
                        parent,
                        Requests.card(CardChoice.oneTime("pm_card_visa")).client(OTHER).build()))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(bed.processor().chargeCount()).isEqualTo(1);
  }

  @Test
  void theBackgroundJobReconcilesButCannotTakePayments(PaymentsTestbed bed) {
    assertThat(bed.payments().reconcile(bed.reconciler()).examined()).isZero();
    assertThatThrownBy(
            () -> bed.payments().process(bed.reconciler(), Requests.oneTime("pm_card_visa")))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> bed.payments().reconcile(Actor.client(PaymentsTestbed.CLIENT)))
        .isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void everyDecisionAllowedOrDeniedIsAudited(PaymentsTestbed bed) {
    bed.payments().process(bed.frontDesk(), Requests.oneTime("pm_card_visa"));
    assertThatThrownBy(() -> bed.payments().unsaved(Actor.client(PaymentsTestbed.CLIENT)))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(bed.audit().events())
        .extracting(AuditSink.Event::allowed)
        .containsExactly(true, false);
    assertThat(bed.audit().events().get(0).actor()).isEqualTo("staff:desk-1");
  }

  @Test
  void validationComesBeforeAuthorizationAndNeitherStoresAnything(PaymentsTestbed bed) {
    Actor viewer = bed.staffWith(Permission.VIEW_PAYMENTS);

    var ok = Requests.oneTime("pm_card_visa");
    var withCardNumber =
        new org.electronicpayments.PaymentRequest(
            ok.clientId(),
            ok.appointmentId(),
            ok.origin(),
            ok.datePosted(),
            ok.emailReceiptTo(),
            ok.reference(),
            ok.type(),
            ok.payer(),
            ok.amountReceived(),
            "card 4242 4242 4242 4242",
            ok.electronic(),
            ok.card(),
            ok.clientPresent());

    assertThatThrownBy(() -> bed.payments().process(viewer, withCardNumber))
        .isInstanceOf(org.electronicpayments.PaymentValidationException.class)
        .hasMessageContaining("note must not contain a card number");
    assertThat(bed.audit().events()).isEmpty();
    assertThat(bed.store().payments()).isEmpty();
  }
}
