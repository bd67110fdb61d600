package org.electronicpayments.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import java.util.Set;
import java.util.stream.Stream;
import org.electronicpayments.AccessDeniedException;
import org.electronicpayments.CardChoice;
import org.electronicpayments.CardSetupRequest;
import org.electronicpayments.CardSetupResult;
import org.electronicpayments.ClientId;
import org.electronicpayments.Consent;
import org.electronicpayments.ConsentChannel;
import org.electronicpayments.ConsentGiver;
import org.electronicpayments.Payment;
import org.electronicpayments.PaymentMethod;
import org.electronicpayments.PaymentResult;
import org.electronicpayments.PaymentStatus;
import org.electronicpayments.PortalPosting;
import org.electronicpayments.RepresentativeId;
import org.electronicpayments.security.Actor;
import org.electronicpayments.testkit.PaymentsTestbed;
import org.electronicpayments.testkit.StripeTestCards;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The client portal through the facade on the fake: a client, and a representative for the client
 * they represent.
 */
class PortalTest {

  private static final ClientId OTHER = ClientId.of("2000");

  static Stream<Actor> portalUsers() {
    return Stream.of(
        Actor.client(PaymentsTestbed.CLIENT),
        Actor.representative(RepresentativeId.of("parent-1"), Set.of(PaymentsTestbed.CLIENT)));
  }

  private static Consent consentOf(Actor actor) {
    return Consent.of(
        actor instanceof Actor.Client ? ConsentGiver.CLIENT : ConsentGiver.REPRESENTATIVE,
        ConsentChannel.PORTAL);
  }

  @ParameterizedTest
  @MethodSource("portalUsers")
  void addsACardWithoutPaying_renamesIt_updatesItsExpiry_paysWithIt_andRemovesIt(Actor user) {
    try (PaymentsTestbed bed = PaymentsTestbed.create()) {
      var payments = bed.payments();
      CardSetupResult added =
          payments.saveCard(
              user,
              new CardSetupRequest(
                  PaymentsTestbed.CLIENT, StripeTestCards.VISA, "My Visa", consentOf(user)));
      PaymentMethod card = ((CardSetupResult.Saved) added).card();
      assertThat(bed.processor().chargeCount()).isZero();
      assertThat(payments.savedCards(user, PaymentsTestbed.CLIENT)).containsExactly(card);

      assertThat(payments.renameCard(user, card.id(), "Visa for copays").nickname())
          .isEqualTo("Visa for copays");
      YearMonth renewed = card.card().expiry().plusYears(2);
      assertThat(payments.updateCardExpiry(user, card.id(), renewed).card().expiry())
          .isEqualTo(renewed);
      assertThat(payments.savedCards(user, PaymentsTestbed.CLIENT))
          .singleElement()
          .satisfies(
              c -> {
                assertThat(c.nickname()).isEqualTo("Visa for copays");
                assertThat(c.card().expiry()).isEqualTo(renewed);
              });

      PaymentResult paid =
          payments.process(user, Requests.card(CardChoice.saved(card.id())).build());
      assertThat(paid).isInstanceOf(PaymentResult.Succeeded.class);
      assertThat(paid.payment().status())
          .as("staff save portal payments by default")
          .isEqualTo(PaymentStatus.SUCCEEDED);
      assertThat(payments.unsaved(bed.frontDesk()))
          .extracting(Payment::id)
          .contains(paid.payment().id());
      assertThat(bed.processor().succeededChargesFor(paid.payment().id())).hasSize(1);

      payments.removeCard(user, card.id());
      assertThat(payments.savedCards(user, PaymentsTestbed.CLIENT)).isEmpty();
      assertThat(payments.removedCards(bed.frontDesk(), PaymentsTestbed.CLIENT))
          .singleElement()
          .satisfies(r -> assertThat(r.removedBy()).isEqualTo(user.auditName()));
    }
  }

  @Test
  void aRepresentativeIsDeniedEveryPortalOperationForAClientTheyDoNotRepresent() {
    try (PaymentsTestbed bed = PaymentsTestbed.create()) {
      var payments = bed.payments();
      PaymentMethod othersCard =
          ((CardSetupResult.Saved)
                  payments.saveCard(
                      bed.frontDesk(),
                      new CardSetupRequest(
                          OTHER,
                          StripeTestCards.VISA,
                          "Visa",
                          Consent.of(ConsentGiver.STAFF, ConsentChannel.FRONT_DESK))))
              .card();
      Actor rep =
          Actor.representative(RepresentativeId.of("parent-1"), Set.of(PaymentsTestbed.CLIENT));
      int calls = bed.processor().calls().size();

      assertThatThrownBy(() -> payments.savedCards(rep, OTHER))
          .isInstanceOf(AccessDeniedException.class);
      assertThatThrownBy(
              () ->
                  payments.saveCard(
                      rep,
                      new CardSetupRequest(
                          OTHER,
                          StripeTestCards.MASTERCARD,
                          "MC",
                          Consent.of(ConsentGiver.REPRESENTATIVE, ConsentChannel.PORTAL))))
          .isInstanceOf(AccessDeniedException.class);
      assertThatThrownBy(() -> payments.renameCard(rep, othersCard.id(), "Mine"))
          .isInstanceOf(AccessDeniedException.class);
      assertThatThrownBy(
              () ->
                  payments.updateCardExpiry(
                      rep, othersCard.id(), othersCard.card().expiry().plusYears(1)))
          .isInstanceOf(AccessDeniedException.class);
      assertThatThrownBy(() -> payments.removeCard(rep, othersCard.id()))
          .isInstanceOf(AccessDeniedException.class);
      assertThatThrownBy(
              () ->
                  payments.process(
                      rep, Requests.card(CardChoice.saved(othersCard.id())).client(OTHER).build()))
          .isInstanceOf(AccessDeniedException.class);

      assertThat(bed.processor().calls()).hasSize(calls);
      assertThat(payments.savedCards(bed.frontDesk(), OTHER)).containsExactly(othersCard);
      assertThat(bed.audit().events()).filteredOn(e -> !e.allowed()).hasSize(6);
    }
  }

  @ParameterizedTest
  @MethodSource("portalUsers")
  void withAutomaticPortalPostingAPortalPaymentIsSavedAtOnce_andAStaffPaymentStillWaits(
      Actor user) {
    try (PaymentsTestbed bed =
        PaymentsTestbed.create(
            org.electronicpayments.testkit.FakePaymentProcessor.create(),
            b -> b.portalPosting(PortalPosting.AUTOMATIC))) {
      PaymentResult portal = bed.payments().process(user, Requests.oneTime(StripeTestCards.VISA));
      assertThat(portal.payment().status()).isEqualTo(PaymentStatus.POSTED);
      assertThat(portal.payment().postedBy()).isEqualTo(user.auditName());
      assertThat(bed.payments().payment(bed.frontDesk(), portal.payment().id()).status())
          .isEqualTo(PaymentStatus.POSTED);
      assertThat(bed.audit().events())
          .anySatisfy(
              e -> {
                assertThat(e.actor()).isEqualTo(user.auditName());
                assertThat(e.permission())
                    .isEqualTo(org.electronicpayments.security.Permission.POST_PAYMENTS);
                assertThat(e.allowed()).isTrue();
              });

      PaymentResult desk =
          bed.payments().process(bed.frontDesk(), Requests.oneTime(StripeTestCards.VISA));
      assertThat(desk.payment().status()).isEqualTo(PaymentStatus.SUCCEEDED);
      PaymentResult declined =
          bed.payments().process(user, Requests.oneTime(StripeTestCards.DECLINED));
      assertThat(declined.payment().status()).isEqualTo(PaymentStatus.FAILED);
    }
  }
}
