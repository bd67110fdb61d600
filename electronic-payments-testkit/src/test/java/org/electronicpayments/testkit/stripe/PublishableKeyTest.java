package org.electronicpayments.testkit.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stripe.StripeClient;
import com.stripe.model.PaymentIntent;
import com.stripe.model.PaymentMethod;
import com.stripe.model.SetupIntent;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.SetupIntentCreateParams;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Year;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What a browser may do with a publishable key, over plain HTTP as Stripe.js sends it (the key as
 * the {@code key} parameter), and how a typed card number becomes a PaymentMethod.
 */
@ExtendWith(StripeEmulatorExtension.class)
class PublishableKeyTest {

  private static final String PK = "pk_test_emulator";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int NEXT_YEAR = Year.now(ZoneOffset.UTC).getValue() + 1;

  private final StripeEmulator emulator;
  private final StripeClient stripe;
  private final HttpClient http = HttpClient.newHttpClient();

  PublishableKeyTest(StripeEmulator emulator) {
    this.emulator = emulator;
    this.stripe = Clients.client(emulator);
  }

  @Test
  void publishableKeyCreatesAPaymentMethodFromATypedTestCard() throws Exception {
    HttpResponse<String> response =
        post(
            "/v1/payment_methods",
            "key="
                + PK
                + "&type=card"
                + "&card[number]=5555555555554444&card[exp_month]=4&card[exp_year]="
                + NEXT_YEAR
                + "&card[cvc]=123&billing_details[name]=Client+1000"
                + "&billing_details[address][postal_code]=62701");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode pm = JSON.readTree(response.body());
    assertThat(pm.path("id").asText()).startsWith("pm_");
    assertThat(pm.path("card").path("brand").asText()).isEqualTo("mastercard");
    assertThat(pm.path("card").path("last4").asText()).isEqualTo("4444");
    assertThat(pm.path("card").path("exp_month").asInt()).isEqualTo(4);
    assertThat(pm.path("card").path("exp_year").asInt()).isEqualTo(NEXT_YEAR);
    assertThat(pm.path("billing_details").path("name").asText()).isEqualTo("Client 1000");
    assertThat(pm.path("billing_details").path("address").path("postal_code").asText())
        .isEqualTo("62701");
    assertThat(response.body()).doesNotContain("5555555555554444", "\"123\"");

    PaymentMethod seenByServer = stripe.v1().paymentMethods().retrieve(pm.path("id").asText());
    PaymentMethod token = stripe.v1().paymentMethods().retrieve("pm_card_mastercard");
    assertThat(seenByServer.getCard().getFingerprint()).isEqualTo(token.getCard().getFingerprint());
  }

  @Test
  void secondNumberOfATestCardKeepsItsOwnLast4AndFingerprint() throws Exception {
    PaymentMethod first =
        stripe.v1().paymentMethods().retrieve(createPaymentMethod("371449635398431", "1234"));
    PaymentMethod second =
        stripe.v1().paymentMethods().retrieve(createPaymentMethod("378282246310005", "1234"));

    assertThat(first.getCard().getBrand()).isEqualTo("amex");
    assertThat(second.getCard().getBrand()).isEqualTo("amex");
    assertThat(second.getCard().getLast4()).isEqualTo("0005");
    assertThat(second.getCard().getFingerprint()).isNotEqualTo(first.getCard().getFingerprint());
    assertThat(first.getCard().getFingerprint())
        .isEqualTo(
            stripe.v1().paymentMethods().retrieve("pm_card_amex").getCard().getFingerprint());
  }

  @Test
  void typedCardBehavesAsItsRowOfTheTestCardTable() throws Exception {
    String pm = createPaymentMethod("4000000000009995");
    PaymentIntent pi =
        stripe
            .v1()
            .paymentIntents()
            .create(
                PaymentIntentCreateParams.builder().setAmount(1000L).setCurrency("usd").build());

    HttpResponse<String> confirmed =
        post(
            "/v1/payment_intents/" + pi.getId() + "/confirm",
            "key=" + PK + "&client_secret=" + pi.getClientSecret() + "&payment_method=" + pm);

    assertThat(confirmed.statusCode()).isEqualTo(402);
    JsonNode error = JSON.readTree(confirmed.body()).path("error");
    assertThat(error.path("type").asText()).isEqualTo("card_error");
    assertThat(error.path("decline_code").asText()).isEqualTo("insufficient_funds");
  }

  @ParameterizedTest
  @CsvSource({
    "4242424242424241, 12, +1, 123, invalid_number, card[number]",
    "4111111111111111, 12, +1, 123, invalid_number, card[number]",
    "4242424242424242, 13, +1, 123, invalid_expiry_month, card[exp_month]",
    "4242424242424242, 12, -1, 123, invalid_expiry_year, card[exp_year]",
    "4242424242424242, 12, +1, 12, invalid_cvc, card[cvc]"
  })
  void badCardDetailsAreACardErrorNamingTheFieldAndNeverEchoTheNumber(
      String number, int month, int yearOffset, String cvc, String code, String param)
      throws Exception {
    HttpResponse<String> response =
        post(
            "/v1/payment_methods",
            "key="
                + PK
                + "&type=card"
                + "&card[number]="
                + number
                + "&card[exp_month]="
                + month
                + "&card[exp_year]="
                + (NEXT_YEAR - 1 + yearOffset)
                + "&card[cvc]="
                + cvc);

    JsonNode error = JSON.readTree(response.body()).path("error");
    assertThat(response.statusCode()).isEqualTo(402);
    assertThat(error.path("type").asText()).isEqualTo("card_error");
    assertThat(error.path("code").asText()).isEqualTo(code);
    assertThat(error.path("param").asText()).isEqualTo(param);
    assertThat(response.body()).doesNotContain(number);
    assertThat(emulator.requests().toString()).doesNotContain(number);
  }

  @Test
  void publishableKeyIsRefusedWhereStripeRefusesIt() throws Exception {
    for (String path :
        new String[] {
          "/v1/customers", "/v1/charges", "/v1/events", "/v1/payment_methods/pm_card_visa"
        }) {
      HttpResponse<String> get = get(path + "?key=" + PK);
      assertThat(get.statusCode()).as(path).isEqualTo(401);
      assertThat(JSON.readTree(get.body()).path("error").path("message").asText())
          .contains("cannot be made with a publishable API key");
    }
    assertThat(post("/v1/customers", "key=" + PK + "&name=x").statusCode()).isEqualTo(401);
    assertThat(post("/v1/payment_intents", "key=" + PK + "&amount=1000&currency=usd").statusCode())
        .isEqualTo(401);
    assertThat(post("/v1/refunds", "key=" + PK + "&charge=ch_1").statusCode()).isEqualTo(401);
    assertThat(get("/v1/customers?key=pk_live_abc").statusCode()).isEqualTo(401);
    assertThat(emulator.requests("POST /v1/customers"))
        .allSatisfy(r -> assertThat(r.executed()).isFalse());
  }

  @Test
  void intentsAreReadAndConfirmedByPublishableKeyOnlyWithTheirClientSecret() throws Exception {
    PaymentIntent pi =
        stripe
            .v1()
            .paymentIntents()
            .create(
                PaymentIntentCreateParams.builder().setAmount(1000L).setCurrency("usd").build());
    String path = "/v1/payment_intents/" + pi.getId();

    assertThat(get(path + "?key=" + PK).statusCode()).isEqualTo(400);
    HttpResponse<String> wrong =
        get(path + "?key=" + PK + "&client_secret=" + pi.getId() + "_secret_wrong");
    assertThat(wrong.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(wrong.body()).path("error").path("param").asText())
        .isEqualTo("client_secret");
    HttpResponse<String> right =
        get(path + "?key=" + PK + "&client_secret=" + pi.getClientSecret());
    assertThat(right.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(right.body()).path("status").asText())
        .isEqualTo("requires_payment_method");
    assertThat(
            post(path + "/cancel", "key=" + PK + "&client_secret=" + pi.getClientSecret())
                .statusCode())
        .isEqualTo(401);
    assertThat(post(path + "/confirm", "key=" + PK + "&payment_method=pm_card_visa").statusCode())
        .isEqualTo(400);

    HttpResponse<String> confirmed =
        post(
            path + "/confirm",
            "key="
                + PK
                + "&client_secret="
                + pi.getClientSecret()
                + "&payment_method=pm_card_visa");
    assertThat(confirmed.statusCode()).isEqualTo(200);
    assertThat(stripe.v1().paymentIntents().retrieve(pi.getId()).getStatus())
        .isEqualTo("succeeded");

    SetupIntent seti = stripe.v1().setupIntents().create(SetupIntentCreateParams.builder().build());
    HttpResponse<String> setup =
        post(
            "/v1/setup_intents/" + seti.getId() + "/confirm",
            "key="
                + PK
                + "&client_secret="
                + seti.getClientSecret()
                + "&payment_method="
                + createPaymentMethod("4242424242424242"));
    assertThat(setup.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(setup.body()).path("status").asText()).isEqualTo("succeeded");
  }

  @Test
  void connectedAccountTravelsAsAParameterFromTheBrowser() throws Exception {
    HttpResponse<String> response =
        post(
            "/v1/payment_methods",
            "key="
                + PK
                + "&_stripe_account=acct_agency&type=card&card[number]=4242424242424242"
                + "&card[exp_month]=12&card[exp_year]="
                + NEXT_YEAR);
    String id = JSON.readTree(response.body()).path("id").asText();

    assertThat(
            stripe
                .v1()
                .paymentMethods()
                .retrieve(id, Clients.account("acct_agency"))
                .getCard()
                .getLast4())
        .isEqualTo("4242");
    assertThat(emulator.requests("POST /v1/payment_methods"))
        .singleElement()
        .satisfies(r -> assertThat(r.stripeAccount()).isEqualTo("acct_agency"));
  }

  @Test
  void scriptIsServedAtV3WithCorsAndWithoutAnySecretKey() throws Exception {
    HttpResponse<String> script =
        http.send(
            HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/v3/")).build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/javascript"));
    assertThat(script.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
    assertThat(script.body())
        .contains("window.Stripe = Stripe", "\"4242424242424242\":\"visa\"")
        .doesNotContain("__EMULATOR_TEST_CARDS__", "sk_test");

    HttpResponse<String> api =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(emulator.baseUrl() + "/v1/payment_intents/pi_x?key=" + PK))
                .header("Origin", "http://127.0.0.1:1")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(api.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");

    HttpResponse<String> preflight =
        http.send(
            HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/v1/payment_methods"))
                .header("Origin", "http://127.0.0.1:1")
                .header("Access-Control-Request-Method", "POST")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(preflight.statusCode()).isEqualTo(204);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods"))
        .hasValue("GET, POST");
    assertThat(emulator.requests()).noneMatch(r -> r.method().equals("OPTIONS"));
  }

  private String createPaymentMethod(String number) throws Exception {
    return createPaymentMethod(number, "123");
  }

  private String createPaymentMethod(String number, String cvc) throws Exception {
    HttpResponse<String> response =
        post(
            "/v1/payment_methods",
            "key="
                + PK
                + "&type=card"
                + "&card[number]="
                + number
                + "&card[exp_month]=12&card[exp_year]="
                + NEXT_YEAR
                + "&card[cvc]="
                + cvc);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body()).path("id").asText();
  }

  private HttpResponse<String> get(String pathAndQuery) throws Exception {
    return http.send(
        HttpRequest.newBuilder(
                URI.create(
                    emulator.baseUrl() + pathAndQuery.replace("[", "%5B").replace("]", "%5D")))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String form) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(emulator.baseUrl() + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
