package org.electronicpayments.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.electronicpayments.CardSetupId;
import org.electronicpayments.CardSetupRequest;
import org.electronicpayments.CardSetupResult;
import org.electronicpayments.CardSetupStatus;
import org.electronicpayments.Consent;
import org.electronicpayments.ConsentChannel;
import org.electronicpayments.ConsentGiver;
import org.electronicpayments.PaymentMethod;
import org.electronicpayments.security.Actor;
import org.electronicpayments.spi.ProcessorCard;
import org.electronicpayments.testkit.PaymentsTestbed;
import org.electronicpayments.testkit.StripeTestCards;
import org.electronicpayments.testkit.stripe.StripeEmulator;
import org.electronicpayments.testkit.stripe.WebhookSignature;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A card saved without a payment that needed 3-D Secure is settled by Stripe's {@code
 * setup_intent.*} webhook, without waiting for reconcile; the event is only a hint, so what is
 * recorded is what Stripe answers.
 */
class StripeSetupWebhooksTest {

  private static final String SECRET = "whsec_setup_test";
  private static final Consent PORTAL = Consent.of(ConsentGiver.CLIENT, ConsentChannel.PORTAL);
  private static final Actor CLIENT = Actor.client(PaymentsTestbed.CLIENT);

  private final StripeEmulator emulator = StripeEmulator.start();
  private final StripePaymentProcessor processor = Fixtures.processor(emulator);
  private final PaymentsTestbed bed =
      PaymentsTestbed.over(processor, b -> b.deadline(java.time.Duration.ofSeconds(15)));
  private final StripeWebhooks webhooks =
      StripeWebhooks.builder().secret(SECRET).payments(bed.payments()).build();

  @AfterEach
  void close() {
    bed.close();
    emulator.close();
  }

  private CardSetupResult.RequiresAction waitingForTheClient() {
    CardSetupResult result =
        bed.payments()
            .saveCard(
                CLIENT,
                new CardSetupRequest(
                    PaymentsTestbed.CLIENT,
                    StripeTestCards.AUTHENTICATION_REQUIRED_ON_SETUP,
                    "Visa 3184",
                    PORTAL));
    assertThat(result).isInstanceOf(CardSetupResult.RequiresAction.class);
    return (CardSetupResult.RequiresAction) result;
  }

  private StripeWebhooks.Result deliver(String eventId, String type, String seti, String setupId) {
    String payload =
        "{\"id\": \""
            + eventId
            + "\", \"object\": \"event\", \"api_version\": \"2026-07-29.dahlia\","
            + " \"created\": 1795000000, \"livemode\": false, \"type\": \""
            + type
            + "\", \"data\": {\"object\": {\"id\": \""
            + seti
            + "\", \"object\": \"setup_intent\", \"status\": \"succeeded\","
            + " \"metadata\": {\"setup_id\": \""
            + setupId
            + "\"}}}}";
    return webhooks.handle(payload, WebhookSignature.header(payload, SECRET, Instant.now()));
  }

  private CardSetupStatus stored(CardSetupId id) {
    return bed.payments().cardSetup(CLIENT, id).status();
  }

  private String customer() {
    return bed.store()
        .customerReference(PaymentsTestbed.AGENCY.id(), PaymentsTestbed.CLIENT)
        .orElseThrow();
  }

  @Test
  @DisplayName("setup_intent.succeeded saves the card the client authenticated")
  void succeededSavesTheCard() {
    CardSetupResult.RequiresAction waiting = waitingForTheClient();
    String seti = waiting.setup().processorReference();
    emulator.completeSetupAuthentication(seti);

    StripeWebhooks.Result r =
        deliver("evt_seti_ok", "setup_intent.succeeded", seti, waiting.setup().id().value());

    assertThat(r.kind()).isEqualTo(StripeWebhooks.Result.Kind.HANDLED);
    assertThat(stored(waiting.setup().id())).isEqualTo(CardSetupStatus.SUCCEEDED);
    assertThat(bed.payments().savedCards(CLIENT, PaymentsTestbed.CLIENT))
        .extracting(PaymentMethod::nickname)
        .containsExactly("Visa 3184");
    assertThat(processor.listCards(customer())).extracting(ProcessorCard::id).hasSize(1);
  }

  @Test
  @DisplayName("setup_intent.setup_failed records the failure and saves nothing")
  void failedRecordsTheFailure() {
    CardSetupResult.RequiresAction waiting = waitingForTheClient();
    String seti = waiting.setup().processorReference();
    emulator.failSetupAuthentication(seti);

    StripeWebhooks.Result r =
        deliver("evt_seti_ko", "setup_intent.setup_failed", seti, waiting.setup().id().value());

    assertThat(r.kind()).isEqualTo(StripeWebhooks.Result.Kind.HANDLED);
    assertThat(stored(waiting.setup().id())).isEqualTo(CardSetupStatus.FAILED);
    assertThat(bed.payments().savedCards(CLIENT, PaymentsTestbed.CLIENT)).isEmpty();
  }

  @Test
  @DisplayName("An event that claims success before the client authenticated changes nothing")
  void anEventIsOnlyAHint() {
    CardSetupResult.RequiresAction waiting = waitingForTheClient();

    StripeWebhooks.Result r =
        deliver(
            "evt_seti_early",
            "setup_intent.succeeded",
            waiting.setup().processorReference(),
            waiting.setup().id().value());

    assertThat(r.kind()).isEqualTo(StripeWebhooks.Result.Kind.HANDLED);
    assertThat(stored(waiting.setup().id())).isEqualTo(CardSetupStatus.REQUIRES_ACTION);
    assertThat(bed.payments().savedCards(CLIENT, PaymentsTestbed.CLIENT)).isEmpty();
  }

  @Test
  @DisplayName("A setup id that is not this agency's is ignored")
  void unknownSetupIsIgnored() {
    StripeWebhooks.Result r =
        deliver("evt_seti_other", "setup_intent.succeeded", "seti_other", "setup_not_ours");

    assertThat(r.kind()).isEqualTo(StripeWebhooks.Result.Kind.IGNORED);
  }
}
