package org.electronicpayments.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.electronicpayments.AccessDeniedException;
import org.electronicpayments.CardChoice;
import org.electronicpayments.CardConsent;
import org.electronicpayments.CardRemoval;
import org.electronicpayments.CardSetupRequest;
import org.electronicpayments.CardSetupResult;
import org.electronicpayments.CardSetupStatus;
import org.electronicpayments.ClientId;
import org.electronicpayments.Consent;
import org.electronicpayments.ConsentChannel;
import org.electronicpayments.ConsentGiver;
import org.electronicpayments.FieldError;
import org.electronicpayments.PaymentFailure;
import org.electronicpayments.PaymentMethod;
import org.electronicpayments.PaymentResult;
import org.electronicpayments.PaymentValidationException;
import org.electronicpayments.ReconcileReport;
import org.electronicpayments.RepresentativeId;
import org.electronicpayments.security.Actor;
import org.electronicpayments.testkit.FakePaymentProcessor;
import org.electronicpayments.testkit.FakePaymentProcessor.Operation;
import org.electronicpayments.testkit.PaymentsTestbed;
import org.electronicpayments.testkit.StripeTestCards;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Saving a card without a payment, and consent to keep a card on file, through the facade on the
 * fake.
 */
class CardSetupsTest {

  private static final Consent PORTAL = Consent.of(ConsentGiver.CLIENT, ConsentChannel.PORTAL);
  private static final Actor CLIENT = Actor.client(PaymentsTestbed.CLIENT);

  private final FakePaymentProcessor fake = FakePaymentProcessor.create();
  private final PaymentsTestbed bed =
      PaymentsTestbed.create(fake, b -> b.consentWordingVersion("2026-01"));

  @AfterEach
  void close() {
    bed.close();
  }

  private static CardSetupRequest request(String token, Consent consent) {
    return new CardSetupRequest(PaymentsTestbed.CLIENT, token, "Visa 1000", consent);
  }

  @Test
  void aClientSavesACardInThePortalWithoutPayingAndStaffChargeItOffSessionLater() {
    CardSetupResult result = bed.payments().saveCard(CLIENT, request(StripeTestCards.VISA, PORTAL));

    assertThat(result).isInstanceOf(CardSetupResult.Saved.class);
    PaymentMethod card = ((CardSetupResult.Saved) result).card();
    assertThat(card.nickname()).isEqualTo("Visa 1000");
    assertThat(card.card().last4()).isEqualTo("4242");
    assertThat(card.consent())
        .isEqualTo(
            new CardConsent(
                ConsentGiver.CLIENT,
                CLIENT.auditName(),
                ConsentChannel.PORTAL,
                "2026-01",
                bed.clock().instant()));
    assertThat(result.setup().status()).isEqualTo(CardSetupStatus.SUCCEEDED);
    assertThat(result.setup().savedCard()).isEqualTo(card.id());
    assertThat(bed.payments().savedCards(bed.frontDesk(), PaymentsTestbed.CLIENT))
        .containsExactly(card);
    assertThat(fake.chargeCount()).isZero();
    assertThat(fake.setupCount()).isEqualTo(1);

    PaymentResult paid =
        bed.payments()
            .process(
                bed.frontDesk(),
                Requests.card(CardChoice.saved(card.id())).clientPresent(false).build());
    assertThat(paid).isInstanceOf(PaymentResult.Succeeded.class);
    assertThat(fake.chargeCount()).isEqualTo(1);
  }

  @Test
  void everyMissingOrMalformedPartIsAFieldErrorAndNothingIsStoredOrSent() {
    assertThatThrownBy(
            () ->
                bed.payments()
                    .saveCard(
                        bed.frontDesk(),
                        new CardSetupRequest(null, "4242 4242 4242 4242", " ", null)))
        .isInstanceOf(PaymentValidationException.class)
        .satisfies(
            e ->
                assertThat(((PaymentValidationException) e).errors())
                    .extracting(FieldError::field)
                    .containsExactlyInAnyOrder("clientId", "token", "nickname", "consent"));
    assertThatThrownBy(
            () -> bed.payments().saveCard(bed.frontDesk(), request(StripeTestCards.VISA, null)))
        .isInstanceOf(PaymentValidationException.class)
        .hasMessageContaining("consent");
    assertThat(fake.calls()).isEmpty();
    assertThat(fake.setupCount()).isZero();
    assertThat(bed.store().cards(PaymentsTestbed.AGENCY.id(), PaymentsTestbed.CLIENT)).isEmpty();
  }

  @Test
  void aRepresentativeSavesACardForTheClientTheyRepresentAndIsDeniedForAnother() {
    Actor rep =
        Actor.representative(RepresentativeId.of("parent-1"), Set.of(PaymentsTestbed.CLIENT));
    CardSetupResult saved =
        bed.payments()
            .saveCard(
                rep,
                request(
                    StripeTestCards.MASTERCARD,
                    Consent.of(ConsentGiver.REPRESENTATIVE, ConsentChannel.PORTAL)));
    assertThat(saved).isInstanceOf(CardSetupResult.Saved.class);
    assertThat(((CardSetupResult.Saved) saved).card().consent().givenBy())
        .isEqualTo(ConsentGiver.REPRESENTATIVE);
    assertThat(((CardSetupResult.Saved) saved).card().consent().recordedBy())
        .isEqualTo(rep.auditName());

    int calls = fake.calls().size();
    assertThatThrownBy(
            () ->
                bed.payments()
                    .saveCard(
                        rep,
                        new CardSetupRequest(
                            ClientId.of("2000"),
                            StripeTestCards.VISA,
                            "Visa",
                            Consent.of(ConsentGiver.REPRESENTATIVE, ConsentChannel.PORTAL))))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(fake.calls()).hasSize(calls);
    assertThat(bed.store().cards(PaymentsTestbed.AGENCY.id(), ClientId.of("2000"))).isEmpty();
  }

  @Test
  void aDecliningCardIsRefusedWithTheReasonAndNothingIsSaved() {
    CardSetupResult result =
        bed.payments().saveCard(CLIENT, request(StripeTestCards.INSUFFICIENT_FUNDS, PORTAL));

    assertThat(result).isInstanceOf(CardSetupResult.Failed.class);
    PaymentFailure failure = ((CardSetupResult.Failed) result).failure();
    assertThat(failure.kind()).isEqualTo(PaymentFailure.Kind.DECLINED);
    assertThat(failure.declineCode()).isEqualTo("insufficient_funds");
    assertThat(bed.store().findSetup(result.setup().id()).orElseThrow().status())
        .isEqualTo(CardSetupStatus.FAILED);
    assertThat(bed.payments().savedCards(bed.frontDesk(), PaymentsTestbed.CLIENT)).isEmpty();
    assertThat(fake.cards()).noneMatch(c -> c.attached());
  }

  @Test
  void aCardNeedingAuthenticationOnSetupWaitsForTheClientThenIsSaved() {
    CardSetupResult result =
        bed.payments()
            .saveCard(CLIENT, request(StripeTestCards.AUTHENTICATION_REQUIRED_ON_SETUP, PORTAL));

    assertThat(result).isInstanceOf(CardSetupResult.RequiresAction.class);
    assertThat(((CardSetupResult.RequiresAction) result).clientSecret()).isNotBlank();
    assertThat(result.toString())
        .doesNotContain(((CardSetupResult.RequiresAction) result).clientSecret());
    assertThat(bed.payments().savedCards(bed.frontDesk(), PaymentsTestbed.CLIENT)).isEmpty();

    fake.completeSetupAuthentication(result.setup().processorReference(), true);
    CardSetupResult done = bed.payments().refreshCardSetup(CLIENT, result.setup().id());
    assertThat(done).isInstanceOf(CardSetupResult.Saved.class);
    PaymentMethod card = ((CardSetupResult.Saved) done).card();
    assertThat(bed.payments().savedCards(bed.frontDesk(), PaymentsTestbed.CLIENT))
        .containsExactly(card);
    assertThat(
            bed.payments()
                .process(
                    bed.frontDesk(),
                    Requests.card(CardChoice.saved(card.id())).clientPresent(false).build()))
        .isInstanceOf(PaymentResult.Succeeded.class);
  }

  @Test
  void aFailedAuthenticationOnSetupSavesNothing() {
    CardSetupResult result =
        bed.payments()
            .saveCard(CLIENT, request(StripeTestCards.AUTHENTICATION_REQUIRED_ON_SETUP, PORTAL));
    fake.completeSetupAuthentication(result.setup().processorReference(), false);

    CardSetupResult done = bed.payments().refreshCardSetup(CLIENT, result.setup().id());
    assertThat(done).isInstanceOf(CardSetupResult.Failed.class);
    assertThat(((CardSetupResult.Failed) done).failure().kind())
        .isEqualTo(PaymentFailure.Kind.AUTHENTICATION_FAILED);
    assertThat(bed.payments().savedCards(bed.frontDesk(), PaymentsTestbed.CLIENT)).isEmpty();
  }

  @Test
  void theSameCardSavedTwiceIsKeptOnceHereAndAtTheProcessor() {
    PaymentMethod first =
        ((CardSetupResult.Saved)
                bed.payments().saveCard(CLIENT, request(StripeTestCards.VISA, PORTAL)))
            .card();
    CardSetupResult again =
        bed.payments()
            .saveCard(
                bed.frontDesk(),
                request(
                    StripeTestCards.VISA, Consent.of(ConsentGiver.STAFF, ConsentChannel.PHONE)));

    assertThat(again).isInstanceOf(CardSetupResult.Saved.class);
    assertThat(((CardSetupResult.Saved) again).card()).isEqualTo(first);
    assertThat(again.setup().savedCard()).isEqualTo(first.id());
    assertThat(bed.payments().savedCards(bed.frontDesk(), PaymentsTestbed.CLIENT))
        .containsExactly(first);
    assertThat(fake.cards())
        .filteredOn(c -> c.attached())
        .extracting(c -> c.id())
        .containsExactly(first.id());
  }

  @Test
  void anAnswerLostAfterTheProcessorSavedTheCardIsInDoubtThenReconciledOnce() {
    fake.script().onNext(Operation.CONFIRM_SETUP).timeoutAfterCharging();

    CardSetupResult result = bed.payments().saveCard(CLIENT, request(StripeTestCards.VISA, PORTAL));
    assertThat(result).isInstanceOf(CardSetupResult.InDoubt.class);
    assertThat(bed.store().findSetup(result.setup().id()).orElseThrow().status())
        .isEqualTo(CardSetupStatus.IN_DOUBT);
    assertThat(bed.payments().savedCards(bed.frontDesk(), PaymentsTestbed.CLIENT)).isEmpty();

    ReconcileReport report = bed.payments().reconcile(bed.reconciler());
    assertThat(report.cardSetups()).isEqualTo(1);
    var settled = bed.payments().cardSetup(CLIENT, result.setup().id());
    assertThat(settled.status()).isEqualTo(CardSetupStatus.SUCCEEDED);
    assertThat(bed.payments().savedCards(bed.frontDesk(), PaymentsTestbed.CLIENT))
        .singleElement()
        .satisfies(c -> assertThat(c.id()).isEqualTo(settled.savedCard()));
    assertThat(fake.cards()).filteredOn(c -> c.attached()).hasSize(1);
    assertThat(bed.payments().reconcile(bed.reconciler()).cardSetups()).isZero();
  }

  @Test
  void aSetupWhosePrepareAnswerWasLostIsCancelledByReconcileAndNeverSavesTheCard() {
    fake.script().onNext(Operation.PREPARE_SETUP).timeoutAfterCharging();

    CardSetupResult result = bed.payments().saveCard(CLIENT, request(StripeTestCards.VISA, PORTAL));
    assertThat(result).isInstanceOf(CardSetupResult.InDoubt.class);
    assertThat(result.setup().processorReference()).isNull();

    bed.payments().reconcile(bed.reconciler());
    var settled = bed.payments().cardSetup(CLIENT, result.setup().id());
    assertThat(settled.status()).isEqualTo(CardSetupStatus.FAILED);
    assertThat(settled.failure().kind()).isEqualTo(PaymentFailure.Kind.CANCELLED);
    assertThat(settled.processorReference()).startsWith("seti_fake_");
    assertThat(fake.setupCount()).isEqualTo(1);
    assertThat(bed.payments().savedCards(bed.frontDesk(), PaymentsTestbed.CLIENT)).isEmpty();
    assertThat(fake.cards()).noneMatch(c -> c.attached());
  }

  @Test
  void aCardSavedWithAPaymentRecordsTheConsentAndOneWithoutConsentIsRefused() {
    bed.payments()
        .process(
            bed.frontDesk(),
            Requests.card(
                    CardChoice.saveNew(
                        StripeTestCards.VISA,
                        "Visa 1000",
                        Consent.of(ConsentGiver.STAFF, ConsentChannel.PHONE)))
                .build());
    PaymentMethod card = bed.payments().savedCards(bed.frontDesk(), PaymentsTestbed.CLIENT).get(0);
    assertThat(card.consent()).isNotNull();
    assertThat(card.consent().givenBy()).isEqualTo(ConsentGiver.STAFF);
    assertThat(card.consent().channel()).isEqualTo(ConsentChannel.PHONE);
    assertThat(card.consent().wordingVersion()).isEqualTo("2026-01");
    assertThat(card.consent().recordedBy()).isEqualTo(bed.frontDesk().auditName());

    int calls = fake.calls().size();
    assertThatThrownBy(
            () ->
                bed.payments()
                    .process(
                        bed.frontDesk(),
                        Requests.card(
                                new CardChoice.SaveNew(
                                    StripeTestCards.MASTERCARD, "Mastercard", null))
                            .build()))
        .isInstanceOf(PaymentValidationException.class)
        .satisfies(
            e ->
                assertThat(((PaymentValidationException) e).errors())
                    .extracting(FieldError::field)
                    .containsExactly("card.consent"));
    assertThat(fake.calls()).hasSize(calls);
  }

  @Test
  void removingACardRecordsWhoRemovedItAndWhen() {
    PaymentMethod card =
        ((CardSetupResult.Saved)
                bed.payments().saveCard(CLIENT, request(StripeTestCards.VISA, PORTAL)))
            .card();
    bed.clock().advance(java.time.Duration.ofDays(3));

    bed.payments().removeCard(CLIENT, card.id());

    assertThat(bed.payments().savedCards(bed.frontDesk(), PaymentsTestbed.CLIENT)).isEmpty();
    assertThat(bed.payments().removedCards(bed.frontDesk(), PaymentsTestbed.CLIENT))
        .containsExactly(
            new CardRemoval(
                card.id(),
                PaymentsTestbed.AGENCY.id(),
                PaymentsTestbed.CLIENT,
                "Visa •••• 4242",
                CLIENT.auditName(),
                bed.clock().instant()));
    assertThat(fake.cards()).noneMatch(c -> c.attached());
  }

  @Test
  void refreshingASetupStillBeingMadeLeavesItToItsOwner_andAfterTheLeaseSettlesIt() {
    fake.script().onNext(Operation.PREPARE_SETUP).timeoutAfterCharging();
    CardSetupResult inDoubt =
        bed.payments().saveCard(CLIENT, request(StripeTestCards.VISA, PORTAL));
    // Put it back to PENDING as a crashed host would have left it, freshly changed.
    var pending =
        bed.store()
            .updateSetup(
                bed.store()
                    .findSetup(inDoubt.setup().id())
                    .orElseThrow()
                    .moved(CardSetupStatus.PENDING, null, null, null, bed.clock().instant()))
            .orElseThrow();
    int calls = fake.calls().size();

    assertThat(bed.payments().refreshCardSetup(CLIENT, pending.id()))
        .isInstanceOf(CardSetupResult.InDoubt.class);
    assertThat(fake.calls()).hasSize(calls);

    bed.clock().advance(java.time.Duration.ofMinutes(10));
    CardSetupResult settled = bed.payments().refreshCardSetup(CLIENT, pending.id());
    assertThat(settled).isInstanceOf(CardSetupResult.Failed.class);
    assertThat(((CardSetupResult.Failed) settled).failure().kind())
        .isEqualTo(PaymentFailure.Kind.CANCELLED);
  }
}
