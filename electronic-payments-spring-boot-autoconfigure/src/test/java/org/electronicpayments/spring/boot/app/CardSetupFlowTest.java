package org.electronicpayments.spring.boot.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.electronicpayments.spring.boot.ReconcileSchedule;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Saving a card without a payment through the JSON API, on the Stripe module over the emulator: a
 * SetupIntent saves the card on the client's customer, 3-D Secure on setup is completed in the
 * "browser" and settled by the refresh endpoint, a setup whose answer was lost is settled by
 * reconcile, and the saved card is then charged without the client present.
 */
@SpringBootTest(
    classes = TestApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class CardSetupFlowTest {

  private static final EmulatedStripe STRIPE = new EmulatedStripe(false);
  private static final String API = "/electronic-payments/api";

  @Autowired ReconcileSchedule schedule;
  private Http client;
  private Http desk;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    STRIPE.register(registry, "cardsetupflow");
  }

  @AfterAll
  static void stop() {
    STRIPE.emulator.close();
  }

  @BeforeEach
  void signIn() {
    desk = Http.frontDesk(STRIPE.appPort);
    client = desk.as("1000", "ROLE_PAYMENTS_CLIENT");
  }

  @Test
  void aCardSavedInThePortalIsChargedLaterWithoutTheClientAndNothingWasChargedToSaveIt() {
    int charges = STRIPE.emulator.charges().size();

    JsonNode saved = client.post(API + "/clients/1000/cards", setup("pm_card_visa", "Visa")).json();

    assertThat(saved.get("status").textValue()).isEqualTo("SUCCEEDED");
    String cardId = saved.at("/card/id").textValue();
    assertThat(saved.at("/card/card/last4").textValue()).isEqualTo("4242");
    assertThat(STRIPE.emulator.requests("POST /v1/setup_intents")).isNotEmpty();
    assertThat(STRIPE.emulator.charges()).hasSize(charges);

    JsonNode paid = desk.post(API + "/payments", savedCardPayment("CS-1", cardId)).json();

    assertThat(paid.get("status").textValue()).isEqualTo("SUCCEEDED");
    String paymentId = paid.at("/payment/id").textValue();
    assertThat(STRIPE.emulator.succeededCharges())
        .filteredOn(c -> paymentId.equals(c.metadata().get("payment_id")))
        .singleElement()
        .satisfies(c -> assertThat(c.paymentMethod()).isEqualTo(cardId));
  }

  @Test
  void threeDSecureOnSetupIsCompletedInTheBrowserAndSettledByTheRefreshEndpoint() {
    JsonNode action =
        client
            .post(
                API + "/clients/1000/cards",
                setup("pm_card_authenticationRequiredOnSetup", "Visa 3184"))
            .json();

    assertThat(action.get("status").textValue()).isEqualTo("REQUIRES_ACTION");
    String secret = action.get("clientSecret").textValue();
    assertThat(secret).startsWith("seti_");
    String setupId = action.at("/setup/id").textValue();
    assertThat(client.get(API + "/clients/1000/cards").json().findValuesAsText("nickname"))
        .doesNotContain("Visa 3184");

    assertThat(
            STRIPE.emulator.completeSetupAuthentication(
                secret.substring(0, secret.indexOf("_secret_"))))
        .isEqualTo("succeeded");
    JsonNode refreshed = client.post(API + "/card-setups/" + setupId + "/refresh", null).json();

    assertThat(refreshed.get("status").textValue()).isEqualTo("SUCCEEDED");
    assertThat(refreshed.has("clientSecret")).isFalse();
    String cardId = refreshed.at("/card/id").textValue();
    assertThat(client.get(API + "/clients/1000/cards").json().findValuesAsText("id"))
        .contains(cardId);
    JsonNode offSession = desk.post(API + "/payments", savedCardPayment("CS-2", cardId)).json();
    assertThat(offSession.get("status").textValue()).isEqualTo("SUCCEEDED");
  }

  @Test
  void aSetupWhoseAnswerWasLostIsInDoubtUntilReconcileSettlesIt() {
    STRIPE.emulator.faults().onNext("POST /v1/setup_intents/*/confirm").commitThenDrop();

    JsonNode doubt =
        client.post(API + "/clients/1000/cards", setup("pm_card_mastercard", "MC 4444")).json();

    assertThat(doubt.get("status").textValue()).isEqualTo("IN_DOUBT");
    String setupId = doubt.at("/setup/id").textValue();
    assertThat(client.get(API + "/card-setups/" + setupId).json().get("status").textValue())
        .isEqualTo("IN_DOUBT");

    schedule.runOnce();

    JsonNode settled = client.get(API + "/card-setups/" + setupId).json();
    assertThat(settled.get("status").textValue()).isEqualTo("SUCCEEDED");
    assertThat(client.get(API + "/clients/1000/cards").json().findValuesAsText("id"))
        .contains(settled.at("/card/id").textValue());
  }

  private static String setup(String token, String nickname) {
    return """
        {"token":"%s","nickname":"%s","consent":{"givenBy":"client","channel":"portal"}}"""
        .formatted(token, nickname);
  }

  private static String savedCardPayment(String reference, String cardId) {
    return """
        {"clientId":"1000","reference":"%s","payer":"CO_PAY","amountReceived":"10.00",
         "electronic":true,"clientPresent":false,"card":{"saved":"%s"}}"""
        .formatted(reference, cardId);
  }
}
