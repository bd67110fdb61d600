package org.electronicpayments.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.electronicpayments.CardChoice;
import org.electronicpayments.ElectronicPayments;
import org.electronicpayments.PaymentId;
import org.electronicpayments.PaymentResult;
import org.electronicpayments.PaymentStatus;
import org.electronicpayments.testkit.stripe.StripeEmulator;
import org.electronicpayments.testkit.stripe.WebhookSignature;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Webhook verification: valid, forged, stale, re-serialized, duplicate, and events of no concern.
 */
class StripeWebhooksTest {

  static final String SECRET = "whsec_test_secret";
  static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

  static StripeEmulator emulator;
  static ElectronicPayments payments;

  @BeforeAll
  static void start() {
    emulator = StripeEmulator.start();
    payments = Facades.facade(Fixtures.processor(emulator));
  }

  @AfterAll
  static void stop() {
    payments.close();
    emulator.close();
  }

  static StripeWebhooks webhooks(Instant now) {
    return StripeWebhooks.builder()
        .secret(SECRET)
        .payments(payments)
        .clock(Clock.fixed(now, ZoneOffset.UTC))
        .build();
  }

  static String event(String id, String type, String paymentId) {
    return "{\n  \"id\": \""
        + id
        + "\",\n  \"object\": \"event\",\n  \"api_version\": \"2026-07-29.dahlia\",\n"
        + "  \"created\": 1795000000,\n  \"livemode\": false,\n  \"type\": \""
        + type
        + "\",\n"
        + "  \"data\": {\n    \"object\": {\n      \"id\": \"pi_123\",\n      \"object\": \"payment_intent\",\n"
        + "      \"status\": \"succeeded\",\n      \"metadata\": {\"payment_id\": \""
        + paymentId
        + "\"}\n    }\n  }\n}";
  }

  @Test
  @DisplayName("A valid event settles the payment it names; the same event again is a duplicate")
  void validEventSettlesThePaymentAndDuplicatesAreDropped() {
    PaymentResult waiting =
        payments.process(
            Facades.DESK,
            Facades.request(CardChoice.oneTime("pm_card_authenticationRequired"), true, "15.00"));
    assertThat(waiting.status()).isEqualTo(PaymentStatus.REQUIRES_ACTION);
    emulator.completeAuthentication(waiting.payment().currentAttempt().processorReference());
    StripeWebhooks webhooks = webhooks(NOW);
    String payload =
        event("evt_valid_1", "payment_intent.succeeded", waiting.payment().id().value());
    String header = WebhookSignature.header(payload, SECRET, NOW.minusSeconds(10));

    StripeWebhooks.Result first = webhooks.handle(payload, header);
    StripeWebhooks.Result again = webhooks.handle(payload, header);

    assertThat(first.kind()).isEqualTo(StripeWebhooks.Result.Kind.HANDLED);
    assertThat(first.paymentId()).isEqualTo(waiting.payment().id());
    assertThat(first.status()).isEqualTo(PaymentStatus.SUCCEEDED);
    assertThat(again.kind()).isEqualTo(StripeWebhooks.Result.Kind.DUPLICATE);
    assertThat(emulator.succeededCharges()).hasSize(1);
  }

  @Test
  @DisplayName("A payload signed with another secret is rejected")
  void forgedSignatureIsRejected() {
    String payload = event("evt_forged", "payment_intent.succeeded", "pay_forged");
    String header = WebhookSignature.header(payload, "whsec_attacker", NOW);

    assertThatThrownBy(() -> webhooks(NOW).handle(payload, header))
        .isInstanceOf(StripeWebhooks.InvalidWebhookException.class)
        .hasMessageContaining("does not verify")
        .hasMessageNotContaining(SECRET);
  }

  @Test
  @DisplayName(
      "A signature older than five minutes is rejected; one just inside the tolerance is accepted")
  void staleSignatureIsRejected() {
    String payload = event("evt_stale", "customer.created", "pay_x");
    String old = WebhookSignature.header(payload, SECRET, NOW.minusSeconds(301));
    String recent = WebhookSignature.header(payload, SECRET, NOW.minusSeconds(299));

    assertThatThrownBy(() -> webhooks(NOW).handle(payload, old))
        .isInstanceOf(StripeWebhooks.InvalidWebhookException.class);
    assertThat(webhooks(NOW).handle(payload, recent).kind())
        .isEqualTo(StripeWebhooks.Result.Kind.IGNORED);
  }

  @Test
  @DisplayName(
      "A payload parsed and re-serialized after signing is rejected, even with the same content")
  void reserializedPayloadIsRejected() {
    String payload = event("evt_reserialized", "payment_intent.succeeded", "pay_x");
    String header = WebhookSignature.header(payload, SECRET, NOW);
    String compact = payload.replace("\n", "").replace("  ", "").replace(": ", ":");

    assertThatThrownBy(() -> webhooks(NOW).handle(compact, header))
        .isInstanceOf(StripeWebhooks.InvalidWebhookException.class);
  }

  @Test
  @DisplayName("A missing Stripe-Signature header is rejected")
  void missingHeaderIsRejected() {
    assertThatThrownBy(
            () ->
                webhooks(NOW).handle(event("evt_nohdr", "payment_intent.succeeded", "pay_x"), null))
        .isInstanceOf(StripeWebhooks.InvalidWebhookException.class)
        .hasMessageContaining("missing");
  }

  @Test
  @DisplayName("Other event types and payments this store does not know are ignored")
  void otherEventsAreIgnored() {
    StripeWebhooks webhooks = webhooks(NOW);
    String other = event("evt_other", "customer.updated", "pay_x");
    String unknown = event("evt_unknown", "payment_intent.succeeded", PaymentId.generate().value());

    assertThat(webhooks.handle(other, WebhookSignature.header(other, SECRET, NOW)).kind())
        .isEqualTo(StripeWebhooks.Result.Kind.IGNORED);
    StripeWebhooks.Result result =
        webhooks.handle(unknown, WebhookSignature.header(unknown, SECRET, NOW));
    assertThat(result.kind()).isEqualTo(StripeWebhooks.Result.Kind.IGNORED);
  }

  @Test
  @DisplayName(
      "Duplicates are remembered in bounded memory: the oldest ids are forgotten past the capacity")
  void duplicateMemoryIsBounded() {
    StripeWebhooks webhooks =
        StripeWebhooks.builder()
            .secret(SECRET)
            .payments(payments)
            .clock(Clock.fixed(NOW, ZoneOffset.UTC))
            .capacity(2)
            .build();
    for (String id : new String[] {"evt_a", "evt_b", "evt_c"}) {
      String p = event(id, "customer.updated", "pay_x");
      webhooks.handle(p, WebhookSignature.header(p, SECRET, NOW));
    }
    String c = event("evt_c", "customer.updated", "pay_x");
    String a = event("evt_a", "customer.updated", "pay_x");

    assertThat(webhooks.handle(c, WebhookSignature.header(c, SECRET, NOW)).kind())
        .isEqualTo(StripeWebhooks.Result.Kind.DUPLICATE);
    assertThat(webhooks.handle(a, WebhookSignature.header(a, SECRET, NOW)).kind())
        .isEqualTo(StripeWebhooks.Result.Kind.IGNORED);
  }

  @Test
  @DisplayName("The builder requires the secret and the facade, and never shows the secret")
  void builderValidates() {
    assertThatThrownBy(() -> StripeWebhooks.builder().payments(payments).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("secret");
    assertThatThrownBy(() -> StripeWebhooks.builder().secret(SECRET).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("payments");
    assertThatThrownBy(() -> StripeWebhooks.builder().secret("sk_test_wrong"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("sk_test_wrong");
    assertThatThrownBy(() -> StripeWebhooks.builder().tolerance(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tolerance");
    assertThat(StripeWebhooks.builder().secret(SECRET).toString()).doesNotContain("test_secret");
  }
}
