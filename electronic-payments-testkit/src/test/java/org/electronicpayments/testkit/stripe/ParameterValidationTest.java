package org.electronicpayments.testkit.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each endpoint refuses what Stripe refuses: a parameter it does not know (400 {@code
 * parameter_unknown} naming it) and a malformed value (Stripe's code and {@code param}), before it
 * runs and without recording the idempotency key.
 */
@ExtendWith(StripeEmulatorExtension.class)
class ParameterValidationTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final StripeEmulator emulator;
  private final HttpClient http = HttpClient.newHttpClient();
  private String customer;
  private String paymentMethod;
  private String paymentIntent;

  ParameterValidationTest(StripeEmulator emulator) {
    this.emulator = emulator;
  }

  @BeforeEach
  void objects() throws Exception {
    customer = ok(post("/v1/customers", "email=jenny%40example.com", null)).path("id").asText();
    paymentMethod =
        ok(post("/v1/payment_methods/pm_card_visa/attach", "customer=" + customer, null))
            .path("id")
            .asText();
    paymentIntent =
        ok(post(
                "/v1/payment_intents",
                "amount=1000&currency=usd&customer="
                    + customer
                    + "&payment_method="
                    + paymentMethod,
                null))
            .path("id")
            .asText();
  }

  @ParameterizedTest(name = "{0} {1} refuses {3}")
  @CsvSource(
      delimiter = '|',
      value = {
        "POST | /v1/customers | email=a%40b.test&colour=blue | colour",
        "POST | /v1/customers/{cus} | invoice_settings[footer_text]=x | invoice_settings[footer_text]",
        "GET  | /v1/customers | email=a%40b.test&sort=asc | sort",
        "GET  | /v1/customers/{cus} | include=all | include",
        "GET  | /v1/customers/{cus}/payment_methods | type=card&brand=visa | brand",
        "GET  | /v1/payment_methods | customer={cus}&type=card&card[brand]=visa | card",
        "GET  | /v1/payment_methods/{pm} | type=card | type",
        "POST | /v1/payment_methods/{pm} | card[exp_month]=5&card[number]=4242424242424242 | card[number]",
        "POST | /v1/payment_methods/{pm} | billing_details[nickname]=Jen | billing_details[nickname]",
        "POST | /v1/payment_methods/{pm}/attach | customer={cus}&default=true | default",
        "POST | /v1/payment_methods/{pm}/detach | customer={cus} | customer",
        "POST | /v1/payment_intents | amount=1000&currency=usd&amount_cents=1000 | amount_cents",
        "POST | /v1/payment_intents | amount=1000&currency=usd&payment_method_types[card]=1 | payment_method_types[card]",
        "POST | /v1/payment_intents | amount=1000&currency=usd&description[en]=x | description[en]",
        "GET  | /v1/payment_intents/{pi} | status=succeeded | status",
        "POST | /v1/payment_intents/{pi}/confirm | capture_method=automatic | capture_method",
        "POST | /v1/payment_intents/{pi}/cancel | reason=duplicate | reason",
        "GET  | /v1/charges | payment_intent={pi}&paid=true | paid",
        "GET  | /v1/charges/ch_missing | refunded=false | refunded",
        "POST | /v1/refunds | payment_intent={pi}&cancellation_reason=duplicate | cancellation_reason",
        "GET  | /v1/refunds | charge=ch_1&status=succeeded | status",
        "GET  | /v1/refunds/re_missing | charge=ch_1 | charge",
        "GET  | /v1/events | type=charge.succeeded&object=event | object",
        "GET  | /v1/events/evt_missing | type=x | type"
      })
  void everyEndpointRefusesAnUnknownParameterNamingItAndRunsNothing(
      String method, String path, String params, String unknown) throws Exception {
    int before = countOfObjects();

    HttpResponse<String> response = send(method, fill(path), fill(params), "unknown-param-key");

    JsonNode error = error(response, 400);
    assertThat(error.path("type").asText()).isEqualTo("invalid_request_error");
    assertThat(error.path("code").asText()).isEqualTo("parameter_unknown");
    assertThat(error.path("param").asText()).isEqualTo(unknown);
    assertThat(error.path("message").asText()).isEqualTo("Received unknown parameter: " + unknown);
    assertThat(emulator.requests()).last().satisfies(r -> assertThat(r.executed()).isFalse());
    assertThat(countOfObjects()).isEqualTo(before);
  }

  @ParameterizedTest(name = "{0} {1}: {2} → {3} {4}")
  @CsvSource(
      delimiter = '|',
      nullValues = "none",
      value = {
        "POST | /v1/payment_intents | amount=10.50&currency=usd | amount | parameter_invalid_integer | Invalid integer: 10.50",
        "POST | /v1/payment_intents | amount=ten&currency=usd | amount | parameter_invalid_integer | Invalid integer: ten",
        "POST | /v1/payment_intents | amount=10&currency=usd | amount | amount_too_small | Amount must be at least $0.50 usd",
        "POST | /v1/payment_intents | amount=1000&currency=dollars | currency | none | Invalid currency: dollars",
        "POST | /v1/payment_intents | amount=1000&currency=usd&receipt_email=jenny | receipt_email | email_invalid | Invalid email address: jenny",
        "POST | /v1/payment_intents | amount=1000&currency=usd&receipt_email=a%40b | receipt_email | email_invalid | Invalid email address: a@b",
        "POST | /v1/payment_intents | amount=1000&currency=usd&capture_method=later | capture_method | none | Invalid capture_method: must be one of automatic, automatic_async, or manual",
        "POST | /v1/payment_intents | amount=1000&currency=usd&setup_future_usage=always | setup_future_usage | none | Invalid setup_future_usage: must be one of off_session or on_session",
        "POST | /v1/payment_intents | amount=1000&currency=usd&confirm=yes | confirm | none | Invalid boolean: yes",
        "POST | /v1/payment_intents | amount=1000&currency=usd&metadata=x | metadata | none | Invalid hash",
        "POST | /v1/payment_intents | amount=1000&currency=usd&expand=latest_charge | expand | none | Invalid array",
        "POST | /v1/payment_intents/{pi}/confirm | receipt_email=not+an+email | receipt_email | email_invalid | Invalid email address: not an email",
        "POST | /v1/payment_intents/{pi}/confirm | off_session=sometimes | off_session | none | Invalid boolean: sometimes",
        "POST | /v1/payment_intents/{pi}/cancel | cancellation_reason=bored | cancellation_reason | none | Invalid cancellation_reason: must be one of abandoned, duplicate, fraudulent, or requested_by_customer",
        "POST | /v1/customers | email=jenny%40 | email | email_invalid | Invalid email address: jenny@",
        "POST | /v1/customers/{cus} | metadata[a][b]=c | metadata[a] | none | Invalid value for metadata[a]: metadata values must be strings",
        "POST | /v1/payment_methods/{pm} | card[exp_month]=May | card[exp_month] | parameter_invalid_integer | Invalid integer: May",
        "POST | /v1/payment_methods/{pm} | billing_details[email]=x%40 | billing_details[email] | email_invalid | Invalid email address: x@",
        "POST | /v1/refunds | payment_intent={pi}&amount=1.5 | amount | parameter_invalid_integer | Invalid integer: 1.5",
        "POST | /v1/refunds | payment_intent={pi}&reason=changed_mind | reason | none | Invalid reason: must be one of duplicate, fraudulent, or requested_by_customer",
        "GET  | /v1/customers | limit=many | limit | parameter_invalid_integer | Invalid integer: many"
      })
  void malformedValuesAreRefusedWithStripesCodeAndParam(
      String method, String path, String params, String param, String code, String message)
      throws Exception {
    int before = countOfObjects();

    HttpResponse<String> response = send(method, fill(path), fill(params), null);

    JsonNode error = error(response, 400);
    assertThat(error.path("type").asText()).isEqualTo("invalid_request_error");
    assertThat(error.path("param").asText()).isEqualTo(param);
    assertThat(error.has("code") ? error.path("code").asText() : null).isEqualTo(code);
    assertThat(error.path("message").asText()).startsWith(message);
    assertThat(countOfObjects()).isEqualTo(before);
  }

  @Test
  void everyParameterStripeJavaSendsInTheSdksFlowsIsAccepted() throws Exception {
    String pi =
        ok(post(
                "/v1/payment_intents",
                "amount=1000&currency=usd&customer="
                    + customer
                    + "&payment_method=pm_card_visa&payment_method_types[0]=card&capture_method=automatic"
                    + "&confirm=false&description=Payment+1&metadata[payment_id]=p1&metadata[attempt]=1"
                    + "&receipt_email=jenny%40example.com&setup_future_usage=off_session"
                    + "&statement_descriptor_suffix=RIVERSIDE",
                "k-create"))
            .path("id")
            .asText();
    ok(post("/v1/payment_intents/" + pi + "/confirm", "expand[0]=payment_method", "k-confirm"));
    ok(send("GET", "/v1/payment_intents/" + pi, "expand[]=payment_method", null));
    ok(
        post(
            "/v1/refunds",
            "payment_intent=" + pi + "&amount=100&metadata[payment_id]=p1",
            "k-refund"));
    ok(
        post(
            "/v1/payment_methods/" + paymentMethod,
            "card[exp_month]=5&card[exp_year]=2031"
                + "&metadata[saved_by_payment]=p1&billing_details[name]=Jen",
            "k-update"));
    ok(send("GET", "/v1/customers/" + customer + "/payment_methods", "type=card&limit=100", null));
    ok(send("GET", "/v1/events", "types[]=charge.succeeded&limit=3", null));
    ok(post("/v1/payment_methods/" + paymentMethod + "/detach", "", "k-detach"));
  }

  @Test
  void aRefusedRequestDoesNotRecordItsIdempotencyKeySoTheCorrectedRetryRuns() throws Exception {
    error(post("/v1/customers", "email=jenny%40example.com&nickname=Jen", "k-customer"), 400);

    JsonNode created = ok(post("/v1/customers", "email=jenny%40example.com", "k-customer"));

    assertThat(created.path("email").asText()).isEqualTo("jenny@example.com");
    assertThat(emulator.requests("POST /v1/customers"))
        .last()
        .satisfies(r -> assertThat(r.executed()).isTrue());
  }

  @Test
  void anUnknownParameterIsRefusedEvenWhenItsValueIsEmpty() throws Exception {
    JsonNode error =
        error(post("/v1/refunds", "payment_intent=" + paymentIntent + "&note=", null), 400);

    assertThat(error.path("param").asText()).isEqualTo("note");
  }

  private int countOfObjects() throws Exception {
    int count = 0;
    for (String list :
        List.of(
            "/v1/customers",
            "/v1/payment_intents/" + paymentIntent,
            "/v1/charges",
            "/v1/refunds",
            "/v1/events")) {
      JsonNode body = ok(send("GET", list, list.contains("_intents/") ? "" : "limit=100", null));
      count += body.has("data") ? body.path("data").size() : 1;
    }
    return count;
  }

  private String fill(String template) {
    return template
        .replace("{cus}", customer)
        .replace("{pm}", paymentMethod)
        .replace("{pi}", paymentIntent);
  }

  private HttpResponse<String> post(String path, String body, String key)
      throws IOException, InterruptedException {
    return send("POST", path, body, key);
  }

  private HttpResponse<String> send(String method, String path, String params, String key)
      throws IOException, InterruptedException {
    boolean post = method.equals("POST");
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                URI.create(
                    emulator.baseUrl() + path + (post || params.isEmpty() ? "" : "?" + params)))
            .header("Authorization", "Bearer " + Clients.API_KEY);
    if (key != null) {
      request.header("Idempotency-Key", key);
    }
    if (post) {
      request
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(params));
    } else {
      request.GET();
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode ok(HttpResponse<String> response) throws IOException {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static JsonNode error(HttpResponse<String> response, int status) throws IOException {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return JSON.readTree(response.body()).path("error");
  }
}
