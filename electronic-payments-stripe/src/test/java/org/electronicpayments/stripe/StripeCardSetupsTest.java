package org.electronicpayments.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import org.electronicpayments.CardChoice;
import org.electronicpayments.CardSetupRequest;
import org.electronicpayments.CardSetupResult;
import org.electronicpayments.CardSetupStatus;
import org.electronicpayments.Consent;
import org.electronicpayments.ConsentChannel;
import org.electronicpayments.ConsentGiver;
import org.electronicpayments.PaymentFailure;
import org.electronicpayments.PaymentMethod;
import org.electronicpayments.PaymentRequest;
import org.electronicpayments.PaymentResult;
import org.electronicpayments.ReconcileReport;
import org.electronicpayments.security.Actor;
import org.electronicpayments.spi.ProcessorCard;
import org.electronicpayments.testkit.PaymentsTestbed;
import org.electronicpayments.testkit.StripeTestCards;
import org.electronicpayments.testkit.stripe.RecordedRequest;
import org.electronicpayments.testkit.stripe.StripeEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Saving a card without a payment through the facade, the Stripe module and real stripe-java,
 * against the emulator's SetupIntents: the same behaviour the fake shows in the testkit's tests.
 */
class StripeCardSetupsTest {

  private static final Consent PORTAL = Consent.of(ConsentGiver.CLIENT, ConsentChannel.PORTAL);
  private static final Actor CLIENT = Actor.client(PaymentsTestbed.CLIENT);

  // One emulator per test: the testbed's client always has the same id, so the same customer key.
  private final StripeEmulator emulator = StripeEmulator.start();
  private final StripePaymentProcessor processor = Fixtures.processor(emulator);
  private final PaymentsTestbed bed =
      PaymentsTestbed.over(
          processor, b -> b.consentWordingVersion("v7").deadline(java.time.Duration.ofSeconds(15)));

  @AfterEach
  void close() {
    bed.close();
    emulator.close();
  }

  private static CardSetupRequest request(String token) {
    return new CardSetupRequest(PaymentsTestbed.CLIENT, token, "Visa 1000", PORTAL);
  }

  private String customer() {
    return bed.store()
        .customerReference(PaymentsTestbed.AGENCY.id(), PaymentsTestbed.CLIENT)
        .orElseThrow();
  }

  private PaymentRequest offSession(PaymentMethod card) {
    return PaymentRequest.builder()
        .client(PaymentsTestbed.CLIENT)
        .reference("CC saved " + java.util.UUID.randomUUID().toString().substring(0, 8))
        .type(org.electronicpayments.PaymentType.CREDIT_CARD)
        .payer(org.electronicpayments.Payer.CO_PAY)
        .amountReceived("12.00")
        .electronic(true)
        .card(CardChoice.saved(card.id()))
        .clientPresent(false)
        .build();
  }

  @Test
  void aCardIsSavedOffSessionWithoutACharge_andChargedLaterWithoutTheClient() {
    CardSetupResult result = bed.payments().saveCard(CLIENT, request(StripeTestCards.VISA));

    assertThat(result).isInstanceOf(CardSetupResult.Saved.class);
    PaymentMethod card = ((CardSetupResult.Saved) result).card();
    assertThat(card.id().value()).startsWith("pm_");
    assertThat(card.consent().wordingVersion()).isEqualTo("v7");
    assertThat(result.setup().processorReference()).startsWith("seti_");
    assertThat(processor.listCards(customer()))
        .extracting(ProcessorCard::id)
        .containsExactly(card.id());
    RecordedRequest create = emulator.requests("POST /v1/setup_intents").get(0);
    assertThat(create.params())
        .containsEntry("usage", "off_session")
        .containsEntry("customer", customer());
    assertThat(create.idempotencyKey()).isEqualTo(result.setup().idempotencyKey() + "-create");
    assertThat(emulator.requests("POST /v1/payment_intents")).isEmpty();

    PaymentResult paid = bed.payments().process(bed.frontDesk(), offSession(card));
    assertThat(paid).isInstanceOf(PaymentResult.Succeeded.class);
    assertThat(paid.payment().confirmationNumber()).startsWith("ch_");
  }

  @Test
  void aDecliningCardIsRefusedAndNothingIsAttached() {
    CardSetupResult result = bed.payments().saveCard(CLIENT, request(StripeTestCards.LOST_CARD));

    assertThat(result).isInstanceOf(CardSetupResult.Failed.class);
    PaymentFailure failure = ((CardSetupResult.Failed) result).failure();
    assertThat(failure.kind()).isEqualTo(PaymentFailure.Kind.DECLINED);
    assertThat(failure.declineCode()).isEqualTo("lost_card");
    assertThat(bed.payments().savedCards(bed.frontDesk(), PaymentsTestbed.CLIENT)).isEmpty();
    assertThat(processor.listCards(customer())).isEmpty();
  }

  @Test
  void
      authenticationRequiredOnSetup_requiresActionWithAClientSecret_thenIsSavedAndChargedOffSession() {
    CardSetupResult result =
        bed.payments().saveCard(CLIENT, request(StripeTestCards.AUTHENTICATION_REQUIRED_ON_SETUP));

    assertThat(result).isInstanceOf(CardSetupResult.RequiresAction.class);
    String secret = ((CardSetupResult.RequiresAction) result).clientSecret();
    assertThat(secret).startsWith(result.setup().processorReference() + "_secret_");
    assertThat(processor.listCards(customer())).isEmpty();

    emulator.completeSetupAuthentication(result.setup().processorReference());
    CardSetupResult done = bed.payments().refreshCardSetup(CLIENT, result.setup().id());
    assertThat(done).isInstanceOf(CardSetupResult.Saved.class);
    PaymentMethod card = ((CardSetupResult.Saved) done).card();
    assertThat(processor.listCards(customer()))
        .extracting(ProcessorCard::id)
        .containsExactly(card.id());
    assertThat(bed.payments().process(bed.frontDesk(), offSession(card)))
        .isInstanceOf(PaymentResult.Succeeded.class);
  }

  @Test
  void theSameCardTwiceIsSavedOnce_hereAndAtStripe() {
    PaymentMethod first =
        ((CardSetupResult.Saved) bed.payments().saveCard(CLIENT, request(StripeTestCards.VISA)))
            .card();
    CardSetupResult again = bed.payments().saveCard(CLIENT, request(StripeTestCards.VISA));

    assertThat(again).isInstanceOf(CardSetupResult.Saved.class);
    assertThat(((CardSetupResult.Saved) again).card()).isEqualTo(first);
    assertThat(bed.payments().savedCards(bed.frontDesk(), PaymentsTestbed.CLIENT))
        .containsExactly(first);
    assertThat(processor.listCards(customer()))
        .extracting(ProcessorCard::id)
        .containsExactly(first.id());
  }

  @Test
  void aConfirmWhoseAnswerIsLostIsInDoubt_thenReconcileRecordsTheSavedCardOnce() {
    bed.payments()
        .saveCard(
            CLIENT,
            request(StripeTestCards.MASTERCARD)); // the customer exists: the fault hits the confirm
    emulator.faults().onNext("POST /v1/setup_intents/*/confirm").commitThenDrop();

    CardSetupResult result =
        bed.payments()
            .saveCard(
                CLIENT,
                new CardSetupRequest(PaymentsTestbed.CLIENT, StripeTestCards.VISA, "Visa", PORTAL));
    assertThat(result).isInstanceOf(CardSetupResult.InDoubt.class);
    assertThat(bed.payments().savedCards(bed.frontDesk(), PaymentsTestbed.CLIENT)).hasSize(1);

    ReconcileReport report = bed.payments().reconcile(bed.reconciler());
    assertThat(report.cardSetups()).isEqualTo(1);
    var settled = bed.payments().cardSetup(CLIENT, result.setup().id());
    assertThat(settled.status()).isEqualTo(CardSetupStatus.SUCCEEDED);
    assertThat(bed.payments().savedCards(bed.frontDesk(), PaymentsTestbed.CLIENT))
        .hasSize(2)
        .anySatisfy(c -> assertThat(c.id()).isEqualTo(settled.savedCard()));
    assertThat(processor.listCards(customer())).hasSize(2);
  }
}
