package org.electronicpayments.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import org.electronicpayments.PaymentFailure;
import org.electronicpayments.spi.CardUse;
import org.electronicpayments.spi.ChargeOutcome;
import org.electronicpayments.spi.ChargeRequest;
import org.electronicpayments.testkit.stripe.StripeEmulator;
import org.electronicpayments.testkit.stripe.StripeEmulatorExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The charge flows against the emulator: one-time, save-new, saved on- and off-session, 3-D Secure.
 */
@ExtendWith(StripeEmulatorExtension.class)
class StripeChargeFlowsTest {

  final StripeEmulator emulator;
  StripePaymentProcessor stripe;

  StripeChargeFlowsTest(StripeEmulator emulator) {
    this.emulator = emulator;
  }

  @BeforeEach
  void reset() {
    stripe = Fixtures.processor(emulator);
  }

  ChargeOutcome charge(ChargeRequest r) {
    ChargeOutcome prepared = stripe.prepare(r);
    if (!(prepared instanceof ChargeOutcome.Prepared p)) {
      return prepared;
    }
    assertThat(emulator.chargesFor(p.processorReference())).isEmpty();
    return stripe.confirm(r, p.processorReference());
  }

  @Test
  @DisplayName(
      "A one-time card is charged once, with the card's details and the charge as confirmation")
  void oneTimeCardIsChargedOnce() {
    ChargeOutcome outcome = charge(Fixtures.charge("pm_card_visa", CardUse.ONE_TIME, null));

    assertThat(outcome).isInstanceOf(ChargeOutcome.Charged.class);
    ChargeOutcome.Charged charged = (ChargeOutcome.Charged) outcome;
    assertThat(charged.chargeReference()).startsWith("ch_");
    assertThat(charged.card().last4()).isEqualTo("4242");
    assertThat(charged.card().brand()).isEqualTo("visa");
    assertThat(charged.savedCard()).isNull();
    assertThat(emulator.succeededCharges())
        .singleElement()
        .satisfies(c -> assertThat(c.amount()).isEqualTo(1000));
  }

  @Test
  @DisplayName(
      "A declined card is reported with Stripe's codes and message, and nothing is charged")
  void declinedCardIsReportedWithProcessorReasonAndNothingIsCharged() {
    ChargeOutcome outcome =
        charge(
            Fixtures.charge(
                "pm_card_visa_chargeDeclinedInsufficientFunds", CardUse.ONE_TIME, null));

    assertThat(outcome).isInstanceOf(ChargeOutcome.Declined.class);
    PaymentFailure failure = ((ChargeOutcome.Declined) outcome).failure();
    assertThat(failure.kind()).isEqualTo(PaymentFailure.Kind.DECLINED);
    assertThat(failure.code()).isEqualTo("card_declined");
    assertThat(failure.declineCode()).isEqualTo("insufficient_funds");
    assertThat(failure.processorResponse()).isEqualTo("Your card has insufficient funds.");
    assertThat(failure.reason()).contains("insufficient funds");
    assertThat(emulator.succeededCharges()).isEmpty();
  }

  @Test
  @DisplayName(
      "A new card saved for future use is attached once; the same card again is not saved twice")
  void savedCardIsAttachedOnceAndNotSavedTwice() {
    String customer = Fixtures.customer(stripe);
    ChargeOutcome.Charged first =
        (ChargeOutcome.Charged)
            charge(Fixtures.charge("pm_card_visa", CardUse.SAVE_FOR_FUTURE, customer));
    ChargeOutcome.Charged second =
        (ChargeOutcome.Charged)
            charge(Fixtures.charge("pm_card_visa", CardUse.SAVE_FOR_FUTURE, customer));

    assertThat(first.savedCard()).isNotNull();
    assertThat(second.savedCard()).isEqualTo(first.savedCard());
    assertThat(stripe.listCards(customer))
        .singleElement()
        .satisfies(c -> assertThat(c.id()).isEqualTo(first.savedCard()));
    assertThat(emulator.succeededCharges()).hasSize(2);
  }

  @Test
  @DisplayName("A declining card cannot be saved: declined at attach, nothing saved or charged")
  void decliningCardIsDeclinedAtAttach() {
    String customer = Fixtures.customer(stripe);
    ChargeOutcome outcome =
        stripe.prepare(
            Fixtures.charge("pm_card_visa_chargeDeclined", CardUse.SAVE_FOR_FUTURE, customer));

    assertThat(outcome).isInstanceOf(ChargeOutcome.Declined.class);
    assertThat(((ChargeOutcome.Declined) outcome).failure().declineCode())
        .isEqualTo("generic_decline");
    assertThat(stripe.listCards(customer)).isEmpty();
    assertThat(emulator.requests("POST /v1/payment_intents")).isEmpty();
  }

  @Test
  @DisplayName("A card that attaches but fails its charge is not left saved")
  void chargeCustomerFailLeavesNoSavedCard() {
    String customer = Fixtures.customer(stripe);
    ChargeOutcome outcome =
        charge(Fixtures.charge("pm_card_chargeCustomerFail", CardUse.SAVE_FOR_FUTURE, customer));

    assertThat(outcome).isInstanceOf(ChargeOutcome.Declined.class);
    assertThat(stripe.listCards(customer)).isEmpty();
    assertThat(emulator.succeededCharges()).isEmpty();
  }

  @Test
  @DisplayName(
      "A saved card is charged on-session and off-session; off-session is sent only at confirm")
  void savedCardChargedOnAndOffSession() {
    String customer = Fixtures.customer(stripe);
    ChargeOutcome.Charged saved =
        (ChargeOutcome.Charged)
            charge(Fixtures.charge("pm_card_visa", CardUse.SAVE_FOR_FUTURE, customer));
    String card = saved.savedCard().value();

    assertThat(charge(Fixtures.charge(card, CardUse.SAVED_ON_SESSION, customer)))
        .isInstanceOf(ChargeOutcome.Charged.class);
    assertThat(charge(Fixtures.charge(card, CardUse.SAVED_OFF_SESSION, customer)))
        .isInstanceOf(ChargeOutcome.Charged.class);

    assertThat(emulator.requests("POST /v1/payment_intents"))
        .allSatisfy(r -> assertThat(r.params()).doesNotContainKey("off_session"));
    assertThat(emulator.requests("POST /v1/payment_intents/*/confirm"))
        .last()
        .satisfies(r -> assertThat(r.params()).containsEntry("off_session", "true"));
    assertThat(emulator.succeededCharges()).hasSize(3);
  }

  @Test
  @DisplayName(
      "3-D Secure on-session asks for action with the client secret; once done, resolve says charged")
  void authenticationRequiredThenCompleted() {
    String customer = Fixtures.customer(stripe);
    ChargeRequest r = Fixtures.charge("pm_card_authenticationRequired", CardUse.ONE_TIME, null);
    ChargeOutcome outcome = charge(r);

    assertThat(outcome).isInstanceOf(ChargeOutcome.ActionRequired.class);
    ChargeOutcome.ActionRequired action = (ChargeOutcome.ActionRequired) outcome;
    assertThat(action.clientSecret()).startsWith(action.processorReference() + "_secret_");
    assertThat(stripe.resolve(r, action.processorReference()))
        .isInstanceOf(ChargeOutcome.ActionRequired.class);

    emulator.completeAuthentication(action.processorReference());

    assertThat(stripe.resolve(r, action.processorReference()))
        .isInstanceOf(ChargeOutcome.Charged.class);
    assertThat(emulator.succeededCharges()).hasSize(1);
    assertThat(customer).startsWith("cus_");
  }

  @Test
  @DisplayName(
      "Failed 3-D Secure is settled as an authentication failure and the PaymentIntent cancelled")
  void authenticationFailedIsCancelled() {
    ChargeRequest r = Fixtures.charge("pm_card_authenticationRequired", CardUse.ONE_TIME, null);
    ChargeOutcome.ActionRequired action = (ChargeOutcome.ActionRequired) charge(r);
    emulator.failAuthentication(action.processorReference());

    ChargeOutcome settled = stripe.resolve(r, action.processorReference());

    assertThat(settled).isInstanceOf(ChargeOutcome.Declined.class);
    assertThat(((ChargeOutcome.Declined) settled).failure().kind())
        .isEqualTo(PaymentFailure.Kind.AUTHENTICATION_FAILED);
    assertThat(emulator.requests("POST /v1/payment_intents/*/cancel")).hasSize(1);
    assertThat(emulator.succeededCharges()).isEmpty();
  }

  @Test
  @DisplayName(
      "A card saved with 3-D Secure charges off-session; one that always needs it is declined off-session")
  void offSessionAuthentication() {
    String customer = Fixtures.customer(stripe);
    ChargeRequest onSetup =
        Fixtures.charge("pm_card_authenticationRequiredOnSetup", CardUse.SAVE_FOR_FUTURE, customer);
    ChargeOutcome.ActionRequired setUp = (ChargeOutcome.ActionRequired) charge(onSetup);
    emulator.completeAuthentication(setUp.processorReference());
    ChargeOutcome.Charged saved =
        (ChargeOutcome.Charged) stripe.resolve(onSetup, setUp.processorReference());

    assertThat(
            charge(Fixtures.charge(saved.savedCard().value(), CardUse.SAVED_OFF_SESSION, customer)))
        .isInstanceOf(ChargeOutcome.Charged.class);

    ChargeRequest always =
        Fixtures.charge("pm_card_authenticationRequired", CardUse.SAVE_FOR_FUTURE, customer);
    ChargeOutcome.ActionRequired first = (ChargeOutcome.ActionRequired) charge(always);
    emulator.completeAuthentication(first.processorReference());
    ChargeOutcome.Charged alwaysSaved =
        (ChargeOutcome.Charged) stripe.resolve(always, first.processorReference());
    ChargeOutcome offSession =
        charge(
            Fixtures.charge(alwaysSaved.savedCard().value(), CardUse.SAVED_OFF_SESSION, customer));

    assertThat(offSession).isInstanceOf(ChargeOutcome.Declined.class);
    assertThat(((ChargeOutcome.Declined) offSession).failure().code())
        .isEqualTo("authentication_required");
    assertThat(emulator.succeededCharges()).hasSize(3);
  }
}
