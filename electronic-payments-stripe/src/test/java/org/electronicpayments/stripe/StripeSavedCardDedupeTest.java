package org.electronicpayments.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.electronicpayments.PaymentFailure;
import org.electronicpayments.PaymentMethodId;
import org.electronicpayments.spi.CardUse;
import org.electronicpayments.spi.ChargeOutcome;
import org.electronicpayments.spi.ChargeRequest;
import org.electronicpayments.spi.ProcessorCard;
import org.electronicpayments.testkit.stripe.RecordedRequest;
import org.electronicpayments.testkit.stripe.StripeEmulator;
import org.electronicpayments.testkit.stripe.StripeEmulatorExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Saving the same card twice: every re-issued request of an attempt has the parameters of the first
 * (the create never depends on the customer's other cards), and the fingerprint dedupe, done after
 * the charge, never keeps a card another attempt may still release.
 */
@ExtendWith(StripeEmulatorExtension.class)
class StripeSavedCardDedupeTest {

  static final String CREATE = "POST /v1/payment_intents";

  final StripeEmulator emulator;
  StripePaymentProcessor stripe;
  String customer;

  StripeSavedCardDedupeTest(StripeEmulator emulator) {
    this.emulator = emulator;
  }

  @BeforeEach
  void reset() {
    stripe = Fixtures.processor(emulator);
    customer = Fixtures.customer(stripe);
  }

  @Test
  @DisplayName(
      "A create lost while another payment's same card is released is re-issued unchanged and settles")
  void createLostWhileAnotherPaymentReleasesTheSameCardSettlesOnResolve() {
    ChargeRequest b = Fixtures.charge("pm_card_visa", CardUse.SAVE_FOR_FUTURE, customer);
    ChargeRequest a = Fixtures.charge("pm_card_visa", CardUse.SAVE_FOR_FUTURE, customer);
    String bReference = prepared(b); // B attaches the card first
    emulator.faults().onNext(CREATE).commitThenDrop();

    ChargeOutcome lost = stripe.prepare(a); // A's create runs, its answer is lost

    assertThat(lost).isInstanceOf(ChargeOutcome.Unknown.class);
    assertThat(lost.processorReference()).isNull();
    ChargeOutcome bOutcome =
        stripe.resolve(b, bReference); // B is declined: cancelled, its card released
    assertThat(bOutcome).isInstanceOf(ChargeOutcome.Declined.class);

    ChargeOutcome settled = stripe.resolve(a, null);

    assertThat(settled).isInstanceOf(ChargeOutcome.Declined.class);
    assertThat(((ChargeOutcome.Declined) settled).failure().kind())
        .isEqualTo(PaymentFailure.Kind.CANCELLED);
    List<RecordedRequest> creates =
        emulator.requests(CREATE).stream()
            .filter(q -> (a.idempotencyKey() + "-create").equals(q.idempotencyKey()))
            .toList();
    assertThat(creates).hasSize(2);
    assertThat(creates.get(1).params()).isEqualTo(creates.get(0).params());
    assertThat(creates.get(1).status()).isEqualTo(200);
    assertThat(emulator.succeededCharges()).isEmpty();
    assertThat(stripe.listCards(customer)).isEmpty();
  }

  @Test
  @DisplayName(
      "The same card saved again is charged as the new card, then kept once as the card saved before")
  void sameCardSavedAgainIsChargedThenKeptOnce() {
    PaymentMethodId first =
        charged(Fixtures.charge("pm_card_visa", CardUse.SAVE_FOR_FUTURE, customer)).savedCard();
    ChargeRequest again = Fixtures.charge("pm_card_visa", CardUse.SAVE_FOR_FUTURE, customer);

    ChargeOutcome.Charged charged = charged(again);

    assertThat(charged.savedCard()).isEqualTo(first);
    String chargedWith = emulator.requests(CREATE).get(1).params().get("payment_method");
    assertThat(chargedWith).isNotEqualTo(first.value());
    assertThat(stripe.listCards(customer)).extracting(ProcessorCard::id).containsExactly(first);
    assertThat(
            ((ChargeOutcome.Charged) stripe.resolve(again, charged.processorReference()))
                .savedCard())
        .as("resolve reports what confirm did")
        .isEqualTo(first);
  }

  @Test
  @DisplayName(
      "A card another payment attached but has not charged is not kept instead, and its release leaves ours")
  void aCardAnotherPaymentHasNotChargedIsNotKeptInstead() {
    ChargeRequest pending = Fixtures.charge("pm_card_visa", CardUse.SAVE_FOR_FUTURE, customer);
    String pendingReference = prepared(pending);

    ChargeOutcome.Charged charged =
        charged(Fixtures.charge("pm_card_visa", CardUse.SAVE_FOR_FUTURE, customer));
    assertThat(stripe.resolve(pending, pendingReference))
        .isInstanceOf(ChargeOutcome.Declined.class);

    assertThat(stripe.listCards(customer))
        .extracting(ProcessorCard::id)
        .containsExactly(charged.savedCard());
  }

  @Test
  @DisplayName(
      "A dedupe detach that took effect but whose answer was lost reports the card kept, never the detached one")
  void lostDetachAnswerReportsTheCardKept() {
    PaymentMethodId first =
        charged(Fixtures.charge("pm_card_visa", CardUse.SAVE_FOR_FUTURE, customer)).savedCard();
    emulator.faults().onNext("POST /v1/payment_methods/*/detach").commitThenDrop();

    ChargeOutcome.Charged again =
        charged(Fixtures.charge("pm_card_visa", CardUse.SAVE_FOR_FUTURE, customer));

    assertThat(again.savedCard()).isEqualTo(first);
    assertThat(stripe.listCards(customer)).extracting(ProcessorCard::id).containsExactly(first);
  }

  @Test
  @DisplayName(
      "Reconcile re-running a payment's cleanup never detaches the card that payment already reported as saved")
  void cleanupRunAgainNeverDetachesTheCardItReported() {
    ChargeRequest a = Fixtures.charge("pm_card_visa", CardUse.SAVE_FOR_FUTURE, customer);
    String aReference = prepared(a);
    PaymentMethodId aSaved = ((ChargeOutcome.Charged) stripe.confirm(a, aReference)).savedCard();
    // another payment saves the same card; its cleanup loses the card list, so it keeps its own
    // card too (twice: a GET that a kept-alive connection loses is read once more on a new one)
    emulator.faults().onNext("GET /v1/customers/*/payment_methods").times(2).drop();
    PaymentMethodId cSaved =
        charged(Fixtures.charge("pm_card_visa", CardUse.SAVE_FOR_FUTURE, customer)).savedCard();
    assertThat(cSaved).isNotEqualTo(aSaved);

    ChargeOutcome again =
        stripe.resolve(a, aReference); // reconcile settles the first payment again

    assertThat(((ChargeOutcome.Charged) again).savedCard()).isEqualTo(aSaved);
    assertThat(stripe.listCards(customer)).extracting(ProcessorCard::id).contains(aSaved, cSaved);
  }

  private String prepared(ChargeRequest r) {
    return ((ChargeOutcome.Prepared) stripe.prepare(r)).processorReference();
  }

  private ChargeOutcome.Charged charged(ChargeRequest r) {
    return (ChargeOutcome.Charged) stripe.confirm(r, prepared(r));
  }
}
