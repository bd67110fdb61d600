package org.electronicpayments.spring.boot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.electronicpayments.testkit.FakePaymentProcessor;
import org.electronicpayments.testkit.RecordingReceiptDelivery;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

/**
 * The JSON API's contract, endpoint by endpoint: what a screen sends, what it gets back, and each
 * error as RFC 9457 problem details (400 listing every field, 401, 403, 404, 409).
 */
@SpringBootTest(
    classes = {TestApplication.class, JsonApiContractTest.Beans.class},
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "electronic-payments.agency.name=Riverside Counseling",
      "electronic-payments.store.type=in-memory",
      "electronic-payments.reconcile.enabled=false",
      "electronic-payments.agencies.eastside.name=Eastside Family Therapy",
      "electronic-payments.security.roles[ROLE_FRONT_DESK]=" + EmulatedStripe.FRONT_DESK_PERMISSIONS
    })
class JsonApiContractTest {

  private static final String API = "/electronic-payments/api";

  @LocalServerPort int port;
  @Autowired FakePaymentProcessor fake;
  @Autowired RacingStore store;
  @Autowired RecordingReceiptDelivery outbox;
  private Http desk;
  private Http viewer;
  private Http client1000;
  private Http client2000;

  @TestConfiguration
  static class Beans {
    @Bean
    FakePaymentProcessor fakeProcessor() {
      return FakePaymentProcessor.create();
    }

    @Bean
    RacingStore racingStore() {
      return new RacingStore();
    }

    @Bean
    RecordingReceiptDelivery outbox() {
      return RecordingReceiptDelivery.create();
    }
  }

  @BeforeEach
  void signIn() {
    desk = Http.frontDesk(port);
    viewer = desk.as("viewer-1", "VIEW_PAYMENTS");
    client1000 = desk.as("1000", "ROLE_PAYMENTS_CLIENT");
    client2000 = desk.as("2000", "ROLE_PAYMENTS_CLIENT");
  }

  @Test
  void anInvalidPaymentListsEveryFieldErrorAndStoresNothing() {
    Http.Response r =
        desk.post(
            API + "/payments",
            """
        {"payer":"uncle","amountReceived":"10.5","electronic":true,"card":{"oneTime":7},
         "emailReceiptTo":"not-an-address","reference":"CT-BAD"}""");

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.contentType()).startsWith("application/problem+json");
    JsonNode problem = r.json();
    assertThat(problem.get("status").intValue()).isEqualTo(400);
    assertThat(problem.get("instance").textValue()).isEqualTo(API + "/payments");
    assertThat(problem.get("errors").findValuesAsText("field"))
        .contains("clientId", "payer", "amountReceived", "card", "emailReceiptTo");
    assertThat(desk.get(API + "/payments?clientId=1000").json().findValuesAsText("reference"))
        .doesNotContain("CT-BAD");
    assertThat(
            desk.post(API + "/payments", "{not json")
                .json()
                .get("errors")
                .findValuesAsText("field"))
        .containsExactly("body");
  }

  @Test
  void anUnknownUserGets401AndAnActorWithoutThePermission403WithNothingCharged() {
    int charges = fake.charges().size();
    assertThat(desk.as(null, null).post(API + "/payments", card("CT-401", "pm_card_visa")).status())
        .isEqualTo(401);
    assertThat(desk.as(null, null).post(API + "/payments", "{\"payer\":\"uncle\"}").status())
        .isEqualTo(401);
    Http.Response denied = viewer.post(API + "/payments", card("CT-403", "pm_card_visa"));
    assertThat(denied.status()).isEqualTo(403);
    assertThat(denied.json().get("permission").textValue())
        .isEqualTo("PROCESS_ELECTRONIC_PAYMENTS");
    assertThat(fake.charges()).hasSize(charges);
    assertThat(client2000.post(API + "/payments", card("CT-403b", "pm_card_visa")).status())
        .isEqualTo(403);
  }

  @Test
  void aClientPaysForThemselfInThePortalAndSeesOnlyTheirOwnPayments() {
    Http.Response paid = client1000.post(API + "/payments", card("CT-PORTAL", "pm_card_visa"));
    assertThat(paid.json().get("status").textValue()).isEqualTo("SUCCEEDED");
    String id = paid.json().at("/payment/id").textValue();
    assertThat(client1000.get(API + "/payments/" + id).status()).isEqualTo(200);
    assertThat(client2000.get(API + "/payments/" + id).status()).isEqualTo(403);
    assertThat(client1000.get(API + "/payments/unsaved").status()).isEqualTo(403);
  }

  @Test
  void anUnknownPaymentIs404OnEveryEndpoint() {
    for (String path :
        new String[] {
          "/payments/pay_nope",
          "/payments/pay_nope/status",
          "/payments/pay_nope/receipt",
          "/payments/pay_nope/receipt/print",
          "/payments/pay_nope/receipt/emails"
        }) {
      assertThat(desk.get(API + path).status()).as(path).isEqualTo(404);
    }
    for (String path :
        new String[] {
          "/payments/pay_nope/save",
          "/payments/pay_nope/retry",
          "/payments/pay_nope/refresh",
          "/payments/pay_nope/receipt/email"
        }) {
      Http.Response r = desk.post(API + path, null);
      assertThat(r.status()).as(path).isEqualTo(404);
      assertThat(r.contentType()).startsWith("application/problem+json");
    }
  }

  @Test
  void aDeclinedCardIsExplainedRetriedWithAnotherAndThenSavedReceiptedAndEmailed() {
    JsonNode declined =
        desk.post(API + "/payments", card("CT-RETRY", "pm_card_visa_chargeDeclined")).json();
    assertThat(declined.get("status").textValue()).isEqualTo("FAILED");
    assertThat(declined.at("/failure/reason").textValue()).isNotBlank();
    String id = declined.at("/payment/id").textValue();

    Http.Response notSavable = desk.post(API + "/payments/" + id + "/save", null);
    assertThat(notSavable.status()).isEqualTo(409);
    assertThat(notSavable.json().get("paymentStatus").textValue()).isEqualTo("FAILED");

    JsonNode retried =
        desk.post(API + "/payments/" + id + "/retry", "{\"card\":{\"oneTime\":\"pm_card_visa\"}}")
            .json();
    assertThat(retried.get("status").textValue()).isEqualTo("SUCCEEDED");
    assertThat(retried.at("/payment/attempts").size()).isEqualTo(2);
    assertThat(desk.get(API + "/payments/unsaved").json().findValuesAsText("id")).contains(id);
    assertThat(desk.post(API + "/payments/" + id + "/save", null).json().get("status").textValue())
        .isEqualTo("POSTED");
    assertThat(
            desk.get(API + "/payments/" + id + "/receipt").json().at("/amount/amount").textValue())
        .isEqualTo("10.00");
    Http.Response emailed = desk.post(API + "/payments/" + id + "/receipt/email", null);
    assertThat(emailed.status()).isEqualTo(200);
    assertThat(emailed.json().get("sentTo").textValue()).isEqualTo("client@example.org");
    assertThat(outbox.sent()).isNotEmpty();
    JsonNode emails = desk.get(API + "/payments/" + id + "/receipt/emails").json();
    assertThat(emails.findValuesAsText("to")).containsExactly("client@example.org");
    assertThat(emails.get(0).get("sent").booleanValue()).isTrue();
    assertThat(emails.get(0).has("failure")).isFalse();
  }

  @Test
  void aChangeThatKeepsMeetingAnotherNodesWriteIs409() {
    String id =
        desk.post(API + "/payments", card("CT-409", "pm_card_visa"))
            .json()
            .at("/payment/id")
            .textValue();
    store.anotherNodeWritesFirst(1_000);
    try {
      Http.Response r = desk.post(API + "/payments/" + id + "/save", null);
      assertThat(r.status()).isEqualTo(409);
      assertThat(r.json().get("title").textValue()).isEqualTo("Changed meanwhile");
    } finally {
      store.anotherNodeWritesFirst(0);
    }
    assertThat(desk.post(API + "/payments/" + id + "/save", null).status()).isEqualTo(200);
  }

  @Test
  void anAsyncPaymentIsAcceptedAtOnceAndItsStatusPolledUntilKnown() {
    Http.Response accepted = desk.post(API + "/payments/async", card("CT-ASYNC", "pm_card_visa"));
    assertThat(accepted.status()).isEqualTo(202);
    String id = accepted.json().get("paymentId").textValue();
    assertThat(accepted.json().get("statusUrl").textValue())
        .isEqualTo(API + "/payments/" + id + "/status");

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(
                        desk.get(API + "/payments/" + id + "/status")
                            .json()
                            .at("/result/status")
                            .textValue())
                    .isEqualTo("SUCCEEDED"));
    assertThat(desk.post(API + "/payments/async", "{}").status()).isEqualTo(400);
  }

  @Test
  void aThreeDSecureResultGivesTheBrowserItsClientSecretAndNothingElseDoes() {
    JsonNode action =
        desk.post(API + "/payments", card("CT-3DS", "pm_card_authenticationRequired")).json();
    assertThat(action.get("status").textValue()).isEqualTo("REQUIRES_ACTION");
    assertThat(action.get("clientSecret").textValue()).isNotBlank();
    String id = action.at("/payment/id").textValue();
    assertThat(desk.get(API + "/payments/" + id).body())
        .doesNotContain(action.get("clientSecret").textValue());
  }

  @Test
  void paymentsAreListedByQueryAndBadFiltersAreFieldErrors() {
    desk.post(API + "/payments", card("CT-Q1", "pm_card_visa"));
    desk.post(API + "/payments", card("CT-Q2", "pm_card_visa_chargeDeclined"));
    assertThat(
            desk.get(API + "/payments?clientId=1000&status=FAILED")
                .json()
                .findValuesAsText("reference"))
        .contains("CT-Q2")
        .doesNotContain("CT-Q1");
    assertThat(
            desk.get(API + "/payments?clientId=1000&unsaved=true")
                .json()
                .findValuesAsText("reference"))
        .contains("CT-Q1")
        .doesNotContain("CT-Q2");
    assertThat(
            desk.get(API + "/payments?status=LOST").json().get("errors").findValuesAsText("field"))
        .containsExactly("status");
    assertThat(desk.get(API + "/payments?limit=0").status()).isEqualTo(400);
    assertThat(
            desk.get(API + "/payments?datePostedFrom=yesterday")
                .json()
                .get("errors")
                .findValuesAsText("field"))
        .containsExactly("datePostedFrom");
  }

  @Test
  void savedCardsAreListedRenamedRenewedAndRemoved() {
    desk.post(
        API + "/payments",
        """
        {"clientId":"1000","reference":"CT-CARD","payer":"CO_PAY","amountReceived":"10.00","electronic":true,
         "card":{"saveNew":"pm_card_mastercard","nickname":"Mastercard 4444",
          "consent":{"givenBy":"client","channel":"front_desk"}}}""");
    JsonNode cards = desk.get(API + "/clients/1000/cards").json();
    String cardId = null;
    for (JsonNode c : cards) {
      if (c.get("nickname").textValue().equals("Mastercard 4444")) {
        cardId = c.get("id").textValue();
      }
    }
    assertThat(cardId).isNotNull();
    assertThat(client2000.get(API + "/clients/1000/cards").status()).isEqualTo(403);

    assertThat(
            desk.post(API + "/cards/" + cardId + "/nickname", "{\"nickname\":\"Work card\"}")
                .json()
                .get("nickname")
                .textValue())
        .isEqualTo("Work card");
    assertThat(
            desk.post(API + "/cards/" + cardId + "/expiry", "{\"expiry\":\"2031-01\"}")
                .json()
                .at("/card/expiry")
                .textValue())
        .isEqualTo("2031-01");
    assertThat(
            desk.post(API + "/cards/" + cardId + "/expiry", "{\"expiry\":\"soon\"}")
                .json()
                .get("errors")
                .findValuesAsText("field"))
        .containsExactly("expiry");
    assertThat(desk.delete(API + "/cards/" + cardId).status()).isEqualTo(204);
    assertThat(desk.get(API + "/clients/1000/cards").json().findValuesAsText("id"))
        .doesNotContain(cardId);
    JsonNode removed = desk.get(API + "/clients/1000/cards/removed").json();
    assertThat(removed.findValuesAsText("cardId")).contains(cardId);
    assertThat(removed.findValuesAsText("removedBy")).contains("staff:desk-1");
    assertThat(client2000.get(API + "/clients/1000/cards/removed").status()).isEqualTo(403);
  }

  @Test
  void eachAgencyOfThePlatformHasItsOwnApiAndNoneSeesAnothersPayments() {
    JsonNode east =
        desk.post(
                "/electronic-payments/agencies/eastside/api/payments",
                card("CT-EAST", "pm_card_visa"))
            .json();
    assertThat(east.get("status").textValue()).isEqualTo("SUCCEEDED");
    assertThat(east.at("/payment/agencyId").textValue()).isEqualTo("eastside");
    String id = east.at("/payment/id").textValue();
    assertThat(desk.get("/electronic-payments/agencies/eastside/api/payments/" + id).status())
        .isEqualTo(200);
    assertThat(desk.get(API + "/payments/" + id).status()).isEqualTo(404);
    assertThat(desk.post(API + "/payments/" + id + "/save", null).status()).isEqualTo(404);
    assertThat(desk.get(API + "/payments?clientId=1000").json().findValuesAsText("reference"))
        .doesNotContain("CT-EAST");
    assertThat(desk.get("/electronic-payments/agencies/nowhere/api/payments").status())
        .isEqualTo(404);
  }

  @Test
  void aClientSavesACardWithoutAPaymentAndSeesItListedWithTheConsent() {
    Http.Response r =
        client1000.post(API + "/clients/1000/cards", setup("pm_card_amex", "Amex 0005"));

    assertThat(r.status()).isEqualTo(200);
    JsonNode saved = r.json();
    assertThat(saved.get("status").textValue()).isEqualTo("SUCCEEDED");
    assertThat(saved.has("clientSecret")).isFalse();
    assertThat(saved.at("/setup/clientId").textValue()).isEqualTo("1000");
    assertThat(saved.at("/setup/consent/givenBy").textValue()).isEqualTo("client");
    assertThat(saved.at("/setup/consent/channel").textValue()).isEqualTo("portal");
    assertThat(saved.at("/setup/consent/recordedBy").textValue()).isNotBlank();
    String cardId = saved.at("/card/id").textValue();
    assertThat(saved.at("/setup/savedCard").textValue()).isEqualTo(cardId);
    assertThat(saved.at("/card/nickname").textValue()).isEqualTo("Amex 0005");
    assertThat(client1000.get(API + "/clients/1000/cards").json().findValuesAsText("id"))
        .contains(cardId);

    String setupId = saved.at("/setup/id").textValue();
    assertThat(saved.get("statusUrl").textValue()).isEqualTo(API + "/card-setups/" + setupId);
    JsonNode read = client1000.get(API + "/card-setups/" + setupId).json();
    assertThat(read.get("status").textValue()).isEqualTo("SUCCEEDED");
    assertThat(read.at("/card/id").textValue()).isEqualTo(cardId);

    JsonNode again =
        client1000.post(API + "/clients/1000/cards", setup("pm_card_amex", "Amex again")).json();
    assertThat(again.at("/card/id").textValue())
        .as("the same card is not saved twice")
        .isEqualTo(cardId);

    JsonNode paid =
        client1000
            .post(
                API + "/payments",
                """
        {"clientId":"1000","reference":"CT-SAVED","payer":"CO_PAY","amountReceived":"10.00",
         "electronic":true,"card":{"saved":"%s"}}"""
                    .formatted(cardId))
            .json();
    assertThat(paid.get("status").textValue()).isEqualTo("SUCCEEDED");
    assertThat(client1000.get(API + "/payments?clientId=1000").json().findValuesAsText("reference"))
        .contains("CT-SAVED");
    assertThat(client1000.get(API + "/payments?clientId=2000").status()).isEqualTo(403);
    assertThat(
            client1000.post(API + "/clients/1000/cards/sync", null).json().findValuesAsText("id"))
        .contains(cardId);
  }

  @Test
  void anInvalidCardToSaveListsEveryFieldErrorAndSavesNothing() {
    int setups = fake.setupCount();
    Http.Response r =
        desk.post(
            API + "/clients/1000/cards",
            "{\"token\":7,\"nickname\":\" \",\"consent\":{\"givenBy\":\"uncle\",\"channel\":\"portal\"}}");

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(r.json().get("errors").findValuesAsText("field"))
        .containsExactlyInAnyOrder("token", "nickname", "consent");
    assertThat(r.body()).doesNotContain("uncle");
    assertThat(
            desk.post(API + "/clients/1000/cards", "{}")
                .json()
                .get("errors")
                .findValuesAsText("field"))
        .containsExactlyInAnyOrder("token", "nickname", "consent");
    assertThat(
            desk.post(API + "/clients/1000/cards", "[1]")
                .json()
                .get("errors")
                .findValuesAsText("field"))
        .containsExactly("body");
    assertThat(
            desk.post(API + "/clients/" + "x".repeat(80) + "/cards", setup("pm_card_visa", "Visa"))
                .json()
                .get("errors")
                .findValuesAsText("field"))
        .containsExactly("clientId");
    assertThat(fake.setupCount()).isEqualTo(setups);
  }

  @Test
  void aClientCannotSaveReadOrManageAnotherClientsCard() {
    int setups = fake.setupCount();
    Http.Response denied =
        client2000.post(API + "/clients/1000/cards", setup("pm_card_visa", "Visa 4242"));
    assertThat(denied.status()).isEqualTo(403);
    assertThat(denied.json().get("permission").textValue()).isEqualTo("SAVE_CARD");
    assertThat(fake.setupCount()).isEqualTo(setups);
    assertThat(
            desk.as(null, null)
                .post(API + "/clients/1000/cards", setup("pm_card_visa", "V"))
                .status())
        .isEqualTo(401);

    JsonNode saved =
        client1000.post(API + "/clients/1000/cards", setup("pm_card_mastercard", "MC")).json();
    String cardId = saved.at("/card/id").textValue();
    String setupId = saved.at("/setup/id").textValue();
    assertThat(client2000.get(API + "/card-setups/" + setupId).status()).isEqualTo(403);
    assertThat(client2000.post(API + "/card-setups/" + setupId + "/refresh", null).status())
        .isEqualTo(403);
    assertThat(
            client2000
                .post(API + "/cards/" + cardId + "/nickname", "{\"nickname\":\"Mine\"}")
                .status())
        .isEqualTo(403);
    assertThat(
            client2000
                .post(API + "/cards/" + cardId + "/expiry", "{\"expiry\":\"2033-01\"}")
                .status())
        .isEqualTo(403);
    assertThat(client2000.delete(API + "/cards/" + cardId).status()).isEqualTo(403);
    assertThat(client2000.get(API + "/clients/1000/cards").status()).isEqualTo(403);
    assertThat(client1000.get(API + "/clients/1000/cards").json().findValuesAsText("id"))
        .contains(cardId);
    assertThat(
            client1000
                .post(API + "/cards/" + cardId + "/nickname", "{\"nickname\":\"Mine\"}")
                .json()
                .get("nickname")
                .textValue())
        .isEqualTo("Mine");
    assertThat(client1000.delete(API + "/cards/" + cardId).status()).isEqualTo(204);
  }

  @Test
  void aCardNeedingThreeDSecureGivesTheBrowserItsSecretUntilRefreshedAfterAuthentication() {
    Http.Response r =
        client1000.post(
            API + "/clients/1000/cards",
            setup("pm_card_authenticationRequiredOnSetup", "Visa 3184"));

    JsonNode action = r.json();
    assertThat(action.get("status").textValue()).isEqualTo("REQUIRES_ACTION");
    String secret = action.get("clientSecret").textValue();
    assertThat(secret).isNotBlank();
    String setupId = action.at("/setup/id").textValue();
    assertThat(action.has("card")).isFalse();
    assertThat(
            client1000.get(API + "/card-setups/" + setupId).json().get("clientSecret").textValue())
        .isEqualTo(secret);
    assertThat(client1000.get(API + "/clients/1000/cards").body()).doesNotContain(secret);

    fake.completeSetupAuthentication(secret.substring(0, secret.indexOf("_secret_")), true);
    JsonNode refreshed = client1000.post(API + "/card-setups/" + setupId + "/refresh", null).json();

    assertThat(refreshed.get("status").textValue()).isEqualTo("SUCCEEDED");
    assertThat(refreshed.has("clientSecret")).isFalse();
    String cardId = refreshed.at("/card/id").textValue();
    assertThat(client1000.get(API + "/clients/1000/cards").json().findValuesAsText("id"))
        .contains(cardId);
    JsonNode read = client1000.get(API + "/card-setups/" + setupId).json();
    assertThat(read.get("status").textValue()).isEqualTo("SUCCEEDED");
    assertThat(read.has("clientSecret")).isFalse();
  }

  @Test
  void aDeclinedCardToSaveIsExplainedAndAnUnknownSetupIs404() {
    JsonNode failed =
        desk.post(API + "/clients/1000/cards", setup("pm_card_visa_chargeDeclined", "Declined"))
            .json();
    assertThat(failed.get("status").textValue()).isEqualTo("FAILED");
    assertThat(failed.at("/failure/reason").textValue()).isNotBlank();
    assertThat(failed.has("card")).isFalse();

    for (String path : new String[] {"/card-setups/setup_nope", "/card-setups/%20"}) {
      Http.Response r = desk.get(API + path);
      assertThat(r.status()).as(path).isEqualTo(404);
      assertThat(r.contentType()).startsWith("application/problem+json");
    }
    assertThat(desk.post(API + "/card-setups/setup_nope/refresh", null).status()).isEqualTo(404);
  }

  @Test
  void aChargedPaymentIsRefundedInPartAndBadRefundsAreExplained() {
    String id =
        desk.post(API + "/payments", card("CT-REFUND", "pm_card_visa"))
            .json()
            .at("/payment/id")
            .textValue();

    assertThat(viewer.post(API + "/payments/" + id + "/refunds", "{\"amount\":\"4.00\"}").status())
        .isEqualTo(403);
    JsonNode refund =
        desk.post(API + "/payments/" + id + "/refunds", "{\"amount\":\"4.00\"}").json();
    assertThat(refund.at("/amount/amount").textValue()).isEqualTo("4.00");
    assertThat(refund.get("status").textValue()).isEqualTo("SUCCEEDED");
    assertThat(desk.get(API + "/payments/" + id).json().at("/refunded/amount").textValue())
        .isEqualTo("4.00");

    assertThat(
            desk.post(API + "/payments/" + id + "/refunds", "{\"amount\":\"7.00\"}")
                .json()
                .get("errors")
                .findValuesAsText("field"))
        .containsExactly("amount");
    assertThat(
            desk.post(API + "/payments/" + id + "/refunds", "{\"amount\":4,\"currency\":\"XX\"}")
                .json()
                .get("errors")
                .findValuesAsText("field"))
        .containsExactlyInAnyOrder("amount", "currency");
    String declined =
        desk.post(API + "/payments", card("CT-REFUND-F", "pm_card_visa_chargeDeclined"))
            .json()
            .at("/payment/id")
            .textValue();
    Http.Response notCharged =
        desk.post(API + "/payments/" + declined + "/refunds", "{\"amount\":\"1.00\"}");
    assertThat(notCharged.status()).isEqualTo(409);
    assertThat(notCharged.json().get("paymentStatus").textValue()).isEqualTo("FAILED");
    assertThat(desk.post(API + "/payments/pay_nope/refunds", "{\"amount\":\"1.00\"}").status())
        .isEqualTo(404);
  }

  @Test
  void aBadQueryParameterIsAFieldErrorNotAServerError() {
    Http.Response r = desk.get(API + "/payments?offset=many");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().get("errors").findValuesAsText("field")).containsExactly("offset");
  }

  private static String setup(String token, String nickname) {
    return """
        {"token":"%s","nickname":"%s","consent":{"givenBy":"client","channel":"portal"}}"""
        .formatted(token, nickname);
  }

  private static String card(String reference, String token) {
    return """
        {"clientId":"1000","reference":"%s","payer":"CO_PAY","amountReceived":"10.00","electronic":true,
         "emailReceiptTo":"client@example.org","card":{"oneTime":"%s"}}"""
        .formatted(reference, token);
  }
}
