package org.electronicpayments.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.electronicpayments.testkit.PaymentAssertions.assertThat;

import org.electronicpayments.CardChoice;
import org.electronicpayments.Consent;
import org.electronicpayments.ConsentChannel;
import org.electronicpayments.ConsentGiver;
import org.electronicpayments.ElectronicPayments;
import org.electronicpayments.PaymentFailure;
import org.electronicpayments.PaymentMethod;
import org.electronicpayments.PaymentResult;
import org.electronicpayments.PaymentStatus;
import org.electronicpayments.testkit.ElectronicPaymentsExtension;
import org.electronicpayments.testkit.FakePaymentProcessor;
import org.electronicpayments.testkit.PaymentsTestbed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ElectronicPaymentsExtension.class)
class CardFlowsTest {

  @Test
  void oneTimeCardIsChargedOnceWithConfirmationAndCardShownAsBrandAndLastFour(PaymentsTestbed bed) {
    PaymentResult r = bed.payments().process(bed.frontDesk(), Requests.oneTime("pm_card_visa"));

    assertThat(r).succeeded().hasStatus(PaymentStatus.SUCCEEDED);
    assertThat(r.payment().confirmationNumber()).startsWith("ch_");
    assertThat(r.payment().card().display()).isEqualTo("Visa •••• 4242");
    assertThat(bed.processor().succeededChargesFor(r.payment().id())).hasSize(1);
    assertThat(bed.store().find(r.payment().id())).contains(r.payment());
    assertThat(bed.payments().savedCards(bed.frontDesk(), PaymentsTestbed.CLIENT)).isEmpty();
  }

  @Test
  void newCardIsSavedUnderItsNicknameAndThenChargedAsASavedCard(PaymentsTestbed bed) {
    ElectronicPayments payments = bed.payments();
    PaymentResult first =
        payments.process(
            bed.frontDesk(),
            Requests.card(
                    CardChoice.saveNew(
                        "pm_card_visa",
                        "Visa 1000",
                        Consent.of(ConsentGiver.CLIENT, ConsentChannel.FRONT_DESK)))
                .build());
    assertThat(first).succeeded();

    PaymentMethod saved = payments.savedCards(bed.frontDesk(), PaymentsTestbed.CLIENT).get(0);
    assertThat(saved.nickname()).isEqualTo("Visa 1000");
    assertThat(saved.card().brand()).isEqualTo("visa");
    assertThat(saved.card().last4()).isEqualTo("4242");
    assertThat(saved.savedBy()).isEqualTo("staff:desk-1");
    assertThat(first.payment().savedCard()).isEqualTo(saved.id());

    PaymentResult again =
        payments.process(bed.frontDesk(), Requests.card(CardChoice.saved(saved.id())).build());
    assertThat(again).succeeded();
    assertThat(bed.processor().chargeCount()).isEqualTo(2);
  }

  @Test
  void theSameCardSavedTwiceIsKeptOnce(PaymentsTestbed bed) {
    bed.payments()
        .process(
            bed.frontDesk(),
            Requests.card(
                    CardChoice.saveNew(
                        "pm_card_visa",
                        "Visa 1000",
                        Consent.of(ConsentGiver.CLIENT, ConsentChannel.FRONT_DESK)))
                .build());
    bed.payments()
        .process(
            bed.frontDesk(),
            Requests.card(
                    CardChoice.saveNew(
                        "pm_card_visa",
                        "Visa again",
                        Consent.of(ConsentGiver.CLIENT, ConsentChannel.FRONT_DESK)))
                .build());

    assertThat(bed.payments().savedCards(bed.frontDesk(), PaymentsTestbed.CLIENT))
        .singleElement()
        .extracting(PaymentMethod::nickname)
        .isEqualTo("Visa 1000");
  }

  @Test
  void declinedCardFailsWithPlainReasonAndProcessorTextAndNothingIsCharged(PaymentsTestbed bed) {
    PaymentResult r =
        bed.payments()
            .process(
                bed.frontDesk(), Requests.oneTime("pm_card_visa_chargeDeclinedInsufficientFunds"));

    assertThat(r).failedWithDeclineCode("insufficient_funds").hasStatus(PaymentStatus.FAILED);
    PaymentFailure f = ((PaymentResult.Failed) r).failure();
    assertThat(f.kind()).isEqualTo(PaymentFailure.Kind.DECLINED);
    assertThat(f.code()).isEqualTo("card_declined");
    assertThat(f.reason()).startsWith("The card has insufficient funds.");
    assertThat(f.processorResponse()).isNotBlank();
    assertThat(bed.processor().chargeCount()).isZero();
  }

  @Test
  void declinedThenRetriedWithAnotherCardUsesANewKeyAndChargesOnce(PaymentsTestbed bed) {
    PaymentResult declined =
        bed.payments()
            .process(bed.frontDesk(), Requests.oneTime("pm_card_chargeDeclinedExpiredCard"));
    assertThat(declined).failedWithDeclineCode("expired_card");

    PaymentResult retried =
        bed.payments()
            .retry(
                bed.frontDesk(), declined.payment().id(), CardChoice.oneTime("pm_card_mastercard"));

    assertThat(retried).succeeded();
    assertThat(retried.payment().attempts()).hasSize(2);
    assertThat(retried.payment().attempts().get(0).idempotencyKey())
        .isNotEqualTo(retried.payment().attempts().get(1).idempotencyKey());
    assertThat(retried.payment().failure()).isNull();
    assertThat(retried.payment().card().last4()).isEqualTo("4444");
    assertThat(bed.processor().succeededChargesFor(retried.payment().id())).hasSize(1);
  }

  @Test
  void declingCardCannotBeSavedAndLeavesNoSavedCard(PaymentsTestbed bed) {
    PaymentResult r =
        bed.payments()
            .process(
                bed.frontDesk(),
                Requests.card(
                        CardChoice.saveNew(
                            "pm_card_visa_chargeDeclined",
                            "Visa 0002",
                            Consent.of(ConsentGiver.CLIENT, ConsentChannel.FRONT_DESK)))
                    .build());

    assertThat(r).failedWithDeclineCode("generic_decline");
    assertThat(bed.payments().savedCards(bed.frontDesk(), PaymentsTestbed.CLIENT)).isEmpty();
    assertThat(bed.processor().chargeCount()).isZero();
  }

  @Test
  void cardThatAttachesButDeclinesLeavesNoSavedCard(PaymentsTestbed bed) {
    PaymentResult r =
        bed.payments()
            .process(
                bed.frontDesk(),
                Requests.card(
                        CardChoice.saveNew(
                            "pm_card_chargeCustomerFail",
                            "Visa 0341",
                            Consent.of(ConsentGiver.CLIENT, ConsentChannel.FRONT_DESK)))
                    .build());

    assertThat(r).failed();
    assertThat(bed.payments().savedCards(bed.frontDesk(), PaymentsTestbed.CLIENT)).isEmpty();
    assertThat(bed.processor().cards()).noneMatch(c -> c.attached());
  }

  @Test
  void threeDSecureNeedsTheClientThenSettlesOnRefresh(PaymentsTestbed bed) {
    PaymentResult r =
        bed.payments().process(bed.frontDesk(), Requests.oneTime("pm_card_authenticationRequired"));

    assertThat(r).requiresAction();
    assertThat(((PaymentResult.RequiresAction) r).clientSecret()).contains("_secret_");
    assertThat(r.toString()).doesNotContain("_secret_");
    bed.processor().completeAuthentication(r.payment().currentAttempt().processorReference(), true);

    PaymentResult settled = bed.payments().refresh(bed.frontDesk(), r.payment().id());
    assertThat(settled).succeeded();
    assertThat(bed.processor().succeededChargesFor(r.payment().id())).hasSize(1);
  }

  @Test
  void savedCardChargedWithoutTheClientIsOffSession(PaymentsTestbed bed) {
    bed.payments()
        .process(
            bed.frontDesk(),
            Requests.card(
                    CardChoice.saveNew(
                        "pm_card_authenticationRequired",
                        "Visa 3184",
                        Consent.of(ConsentGiver.CLIENT, ConsentChannel.FRONT_DESK)))
                .build());
    // a card that always needs authentication cannot be saved by a charge that did not finish
    assertThat(bed.payments().savedCards(bed.frontDesk(), PaymentsTestbed.CLIENT)).isEmpty();

    // a card that needs authentication on setup is saved once the client completed it
    PaymentResult setUp =
        bed.payments()
            .process(
                bed.frontDesk(),
                Requests.card(
                        CardChoice.saveNew(
                            "pm_card_authenticationRequiredOnSetup",
                            "Visa 3155",
                            Consent.of(ConsentGiver.CLIENT, ConsentChannel.FRONT_DESK)))
                    .build());
    assertThat(setUp).requiresAction();
    bed.processor()
        .completeAuthentication(setUp.payment().currentAttempt().processorReference(), true);
    PaymentResult settled = bed.payments().refresh(bed.frontDesk(), setUp.payment().id());
    assertThat(settled).succeeded();
    PaymentMethod saved = bed.payments().savedCards(bed.frontDesk(), PaymentsTestbed.CLIENT).get(0);
    assertThat(saved.nickname()).isEqualTo("Visa 3155");
    assertThat(saved.card().last4()).isEqualTo("3155");
    assertThat(settled.payment().savedCard()).isEqualTo(saved.id());

    PaymentResult offSession =
        bed.payments()
            .process(
                bed.frontDesk(),
                Requests.card(CardChoice.saved(saved.id())).clientPresent(false).build());

    assertThat(offSession).succeeded();
    assertThat(bed.processor().succeededChargesFor(offSession.payment().id()))
        .singleElement()
        .extracting(c -> c.use())
        .isEqualTo(org.electronicpayments.spi.CardUse.SAVED_OFF_SESSION);
  }

  @Test
  void savedCardChargedWithTheClientPresentIsOnSessionAndMayNeedAuthentication(
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
    PaymentMethod saved = bed.payments().savedCards(bed.frontDesk(), PaymentsTestbed.CLIENT).get(0);

    PaymentResult onSession =
        bed.payments()
            .process(bed.frontDesk(), Requests.card(CardChoice.saved(saved.id())).build());

    assertThat(bed.processor().succeededChargesFor(onSession.payment().id()))
        .singleElement()
        .extracting(c -> c.use())
        .isEqualTo(org.electronicpayments.spi.CardUse.SAVED_ON_SESSION);
  }

  @Test
  void cashAndChecksAreRecordedWithoutCallingTheProcessor(PaymentsTestbed bed) {
    PaymentResult cash =
        bed.payments().process(bed.frontDesk(), Requests.cash(PaymentsTestbed.CLIENT));

    assertThat(cash).succeeded();
    assertThat(cash.payment().confirmationNumber()).isEqualTo(cash.payment().id().value());
    assertThat(bed.processor().calls()).isEmpty();
  }

  @Test
  void datePostedDefaultsToTodayInTheAgencysZone(PaymentsTestbed bed) {
    bed.clock().set(java.time.Instant.parse("2026-01-02T03:00:00Z")); // still Jan 1 in Chicago
    PaymentResult r =
        bed.payments().process(bed.frontDesk(), Requests.cash(PaymentsTestbed.CLIENT));

    assertThat(r.payment().request().datePosted()).isEqualTo(java.time.LocalDate.of(2026, 1, 1));
  }

  @Test
  void expiredSavedCardIsRejectedBeforeAnyCharge(PaymentsTestbed bed) {
    bed.payments()
        .process(
            bed.frontDesk(),
            Requests.card(
                    CardChoice.saveNew(
                        "pm_card_visa",
                        "Visa 1000",
                        Consent.of(ConsentGiver.CLIENT, ConsentChannel.FRONT_DESK)))
                .build());
    PaymentMethod saved = bed.payments().savedCards(bed.frontDesk(), PaymentsTestbed.CLIENT).get(0);
    bed.clock()
        .set(
            saved
                .card()
                .expiry()
                .plusMonths(1)
                .atDay(15)
                .atStartOfDay(java.time.ZoneOffset.UTC)
                .toInstant());
    long before = bed.processor().calls().size();
    int journaled = bed.store().payments().size();

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                bed.payments()
                    .process(bed.frontDesk(), Requests.card(CardChoice.saved(saved.id())).build()))
        .hasMessageContaining("card has expired");
    assertThat(bed.processor().calls()).hasSize((int) before);
    assertThat(bed.processor().chargeCount()).isEqualTo(1);
    assertThat(bed.store().payments())
        .as("nothing journaled for the refused payment")
        .hasSize(journaled);
  }

  @Test
  void fakeIsTheProcessorTheExtensionWires(FakePaymentProcessor fake, PaymentsTestbed bed) {
    assertThat(fake).isSameAs(bed.processor());
  }
}
