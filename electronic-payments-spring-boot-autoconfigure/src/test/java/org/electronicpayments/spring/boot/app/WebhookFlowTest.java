package org.electronicpayments.spring.boot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.electronicpayments.testkit.stripe.WebhookSignature;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The starter in a running application, with nothing but the three properties (pointed at the
 * Stripe emulator, which delivers its signed webhooks to the application over HTTP).
 */
@SpringBootTest(
    classes = TestApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class WebhookFlowTest {

  private static final EmulatedStripe STRIPE = new EmulatedStripe(true);

  @Autowired MeterRegistry meters;
  private Http desk;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    STRIPE.register(registry, "webhookflow");
  }

  @AfterAll
  static void stop() {
    STRIPE.emulator.close();
  }

  @BeforeEach
  void signIn() {
    desk = Http.frontDesk(STRIPE.appPort);
  }

  @Test
  void aCardPaymentThroughTheJsonApiChargesOnceAndIsSavedAndReceipted() {
    double before = count("electronic.payments.outcomes", "outcome", "SUCCEEDED");

    Http.Response r =
        desk.post("/electronic-payments/api/payments", request("WF-1", "pm_card_visa"));

    assertThat(r.status()).isEqualTo(200);
    JsonNode result = r.json();
    assertThat(result.get("status").textValue()).isEqualTo("SUCCEEDED");
    assertThat(result.has("clientSecret")).isFalse();
    assertThat(result.at("/payment/amount/amount").textValue()).isEqualTo("10.00");
    String id = result.at("/payment/id").textValue();
    assertThat(STRIPE.emulator.succeededCharges())
        .filteredOn(c -> id.equals(c.metadata().get("payment_id")))
        .hasSize(1);

    assertThat(desk.get("/electronic-payments/api/payments/unsaved").json().findValuesAsText("id"))
        .contains(id);
    assertThat(
            desk.post("/electronic-payments/api/payments/" + id + "/save", null)
                .json()
                .get("posted")
                .booleanValue())
        .isTrue();
    assertThat(desk.get("/electronic-payments/api/payments/unsaved").json().findValuesAsText("id"))
        .doesNotContain(id);
    assertThat(
            desk.get("/electronic-payments/api/payments/" + id + "/receipt")
                .json()
                .get("confirmationNumber")
                .textValue())
        .isEqualTo(result.get("confirmationNumber").textValue());
    Http.Response page = desk.get("/electronic-payments/api/payments/" + id + "/receipt/print");
    assertThat(page.contentType()).startsWith("text/html");
    assertThat(page.body()).contains("Riverside Counseling");

    assertThat(count("electronic.payments.outcomes", "outcome", "SUCCEEDED")).isEqualTo(before + 1);
    assertThat(
            meters.find("electronic.payments.processor.calls").tag("operation", "confirm").timer())
        .isNotNull();
  }

  @Test
  void aThreeDSecurePaymentIsSettledByTheWebhookStripeDelivers() {
    Http.Response r =
        desk.post(
            "/electronic-payments/api/payments", request("WF-2", "pm_card_authenticationRequired"));
    assertThat(r.json().get("status").textValue()).isEqualTo("REQUIRES_ACTION");
    String secret = r.json().get("clientSecret").textValue();
    String id = r.json().at("/payment/id").textValue();
    double handled =
        count("electronic.payments.webhook.events", "type", "payment_intent.succeeded");

    STRIPE.emulator.completeAuthentication(
        EmulatedStripe.pi(secret)); // the client's browser, nothing else

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(
                        desk.get("/electronic-payments/api/payments/" + id + "/status")
                            .json()
                            .get("status")
                            .textValue())
                    .isEqualTo("SUCCEEDED"));
    // The meter counts an event once its handling ends, a moment after the payment is settled.
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(
                        count(
                            "electronic.payments.webhook.events",
                            "type",
                            "payment_intent.succeeded"))
                    .isGreaterThan(handled));
    assertThat(STRIPE.emulator.succeededCharges())
        .filteredOn(c -> id.equals(c.metadata().get("payment_id")))
        .hasSize(1);
  }

  @Test
  void aConnectedAccountsWebhookSettlesThatAgencysPayment() {
    String agencyApi = "/electronic-payments/agencies/eastside/api";
    JsonNode r =
        desk.post(agencyApi + "/payments", request("WF-EAST", "pm_card_authenticationRequired"))
            .json();
    assertThat(r.get("status").textValue()).isEqualTo("REQUIRES_ACTION");
    String id = r.at("/payment/id").textValue();

    STRIPE.emulator.completeAuthentication(EmulatedStripe.pi(r.get("clientSecret").textValue()));

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(
                        desk.get(agencyApi + "/payments/" + id + "/status")
                            .json()
                            .get("status")
                            .textValue())
                    .isEqualTo("SUCCEEDED"));
    assertThat(STRIPE.emulator.succeededCharges())
        .filteredOn(c -> id.equals(c.metadata().get("payment_id")))
        .extracting(c -> c.account())
        .containsExactly("acct_eastside");
  }

  @Test
  void aWindowSubmittedEightTimesAtOnceOverHttpChargesOnce() throws Exception {
    int submits = 8;
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService threads = Executors.newFixedThreadPool(submits);
    try {
      List<Future<Http.Response>> answers = new ArrayList<>();
      for (int i = 0; i < submits; i++) {
        answers.add(
            threads.submit(
                () -> {
                  go.await();
                  return desk.post(
                      "/electronic-payments/api/payments", request("WF-DOUBLE", "pm_card_visa"));
                }));
      }
      go.countDown();
      Set<String> ids = new HashSet<>();
      for (Future<Http.Response> answer : answers) {
        Http.Response r = answer.get(60, TimeUnit.SECONDS);
        assertThat(r.status())
            .as("a double submit is answered, or told it met the first one")
            .isIn(200, 409);
        if (r.status() == 200) {
          assertThat(r.json().get("status").textValue()).isIn("SUCCEEDED", "IN_DOUBT");
          ids.add(r.json().at("/payment/id").textValue());
        }
      }
      assertThat(ids).hasSize(1);
      String id = ids.iterator().next();
      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(
              () ->
                  assertThat(
                          desk.get("/electronic-payments/api/payments/" + id + "/status")
                              .json()
                              .get("status")
                              .textValue())
                      .isEqualTo("SUCCEEDED"));
      assertThat(STRIPE.emulator.succeededCharges())
          .filteredOn(c -> id.equals(c.metadata().get("payment_id")))
          .hasSize(1);
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void aForgedWebhookIsRefusedAndADuplicateOrUselessOneIsAnswered2xx() {
    String payload =
        "{\"id\":\"evt_forged_1\",\"object\":\"event\",\"type\":\"customer.created\","
            + "\"data\":{\"object\":{\"id\":\"cus_1\",\"object\":\"customer\"}}}";
    double rejected = count("electronic.payments.webhook.events", "result", "rejected");

    Http.Response forged =
        post(payload, WebhookSignature.header(payload, "whsec_not_ours", Instant.now()));
    Http.Response unsigned = post(payload, null);
    assertThat(forged.status()).isEqualTo(400);
    assertThat(unsigned.status()).isEqualTo(400);
    assertThat(count("electronic.payments.webhook.events", "result", "rejected"))
        .isEqualTo(rejected + 2);

    String signed = WebhookSignature.header(payload, EmulatedStripe.WEBHOOK_SECRET, Instant.now());
    assertThat(post(payload, signed).body()).contains("ignored");
    Http.Response again = post(payload, signed);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.body()).contains("duplicate");
    String notAnEvent =
        "{\"nothing\":true}"; // signed, but nothing we can use: never a 5xx Stripe would retry
    assertThat(
            post(
                    notAnEvent,
                    WebhookSignature.header(
                        notAnEvent, EmulatedStripe.WEBHOOK_SECRET, Instant.now()))
                .status())
        .isEqualTo(200);
  }

  private Http.Response post(String payload, String signature) {
    return new WebhookPost(STRIPE.appPort).send(payload, signature);
  }

  private double count(String name, String tag, String value) {
    return meters.find(name).tag(tag, value).counters().stream().mapToDouble(c -> c.count()).sum();
  }

  static String request(String reference, String card) {
    return """
        {"clientId":"1000","reference":"%s","payer":"CO_PAY","amountReceived":"10.00",
         "electronic":true,"card":{"oneTime":"%s"}}"""
        .formatted(reference, card);
  }
}
