package org.electronicpayments.testkit.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.StripeClient;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.model.Customer;
import com.stripe.param.CustomerCreateParams;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StripeEmulatorHttpTest {

  private static StripeEmulator emulator;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    emulator = StripeEmulator.start();
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @BeforeEach
  void reset() {
    emulator.reset();
  }

  @Test
  void listensOnLoopbackAtAFreePortAndAnswersJsonWithARequestId() throws Exception {
    HttpResponse<String> response = get("/v1/customers", "Bearer sk_test_emulator");

    assertThat(emulator.baseUrl()).isEqualTo("http://127.0.0.1:" + emulator.port());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Request-Id"))
        .hasValueSatisfying(id -> assertThat(id).startsWith("req_"));
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(response.body()).contains("\"object\" : \"list\"", "\"url\" : \"/v1/customers\"");
  }

  @Test
  void missingOrInvalidApiKeyIsA401WithStripesErrorShape() throws Exception {
    HttpResponse<String> missing = get("/v1/customers", null);
    HttpResponse<String> live = get("/v1/customers", "Bearer sk_live_not_allowed_here");

    assertThat(missing.statusCode()).isEqualTo(401);
    assertThat(missing.body()).contains("You did not provide an API key", "invalid_request_error");
    assertThat(live.statusCode()).isEqualTo(401);
    assertThat(live.body()).contains("Invalid API Key provided");
    StripeClient wrongKey =
        StripeClient.builder().setApiKey("sk_wrong").setApiBase(emulator.baseUrl()).build();
    assertThatThrownBy(
            () -> wrongKey.v1().customers().create(CustomerCreateParams.builder().build()))
        .isInstanceOfSatisfying(
            AuthenticationException.class, e -> assertThat(e.getStatusCode()).isEqualTo(401));
  }

  @Test
  void basicAuthWithTheKeyAsUserIsAcceptedAsStripeDoes() throws Exception {
    String basic =
        "Basic "
            + java.util.Base64.getEncoder()
                .encodeToString(
                    "sk_test_emulator:".getBytes(java.nio.charset.StandardCharsets.UTF_8));

    assertThat(get("/v1/customers", basic).statusCode()).isEqualTo(200);
  }

  @Test
  void unknownUrlIsA404InvalidRequest() throws Exception {
    HttpResponse<String> response = get("/v1/subscriptions", "Bearer sk_test_emulator");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).contains("Unrecognized request URL (GET: /v1/subscriptions)");
  }

  @Test
  void stripeVersionHeaderIsAcceptedAndEchoed() throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/v1/customers"))
                .header("Authorization", "Bearer sk_test_emulator")
                .header("Stripe-Version", "2024-06-20")
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Stripe-Version")).hasValue("2024-06-20");
  }

  @Test
  void requestLogRecordsDecodedParamsHeadersAndStatusWithTheKeyMasked() throws Exception {
    Customer customer =
        Clients.client(emulator)
            .v1()
            .customers()
            .create(
                CustomerCreateParams.builder()
                    .setEmail("jenny@example.com")
                    .putMetadata("client_id", "1000")
                    .build(),
                Clients.key("create-customer-1"));

    RecordedRequest request = emulator.requests("POST /v1/customers").get(0);
    assertThat(request.params())
        .containsEntry("email", "jenny@example.com")
        .containsEntry("metadata[client_id]", "1000");
    assertThat(request.idempotencyKey()).isEqualTo("create-customer-1");
    assertThat(request.status()).isEqualTo(200);
    assertThat(request.executed()).isTrue();
    assertThat(request.fault()).isNull();
    assertThat(request.headers().get("authorization"))
        .isEqualTo("Bearer sk_test_****ator")
        .doesNotContain("emulator");
    assertThat(customer.getId()).startsWith("cus_");
  }

  @Test
  void resetForgetsObjectsAndRequests() throws Exception {
    StripeClient stripe = Clients.client(emulator);
    Customer customer = stripe.v1().customers().create(CustomerCreateParams.builder().build());

    emulator.reset();

    assertThat(emulator.requests()).isEmpty();
    assertThatThrownBy(() -> stripe.v1().customers().retrieve(customer.getId()))
        .isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void startsOnAGivenPortAndStopsListeningWhenClosed() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    StripeEmulator own = StripeEmulator.builder().port(port).start();
    assertThat(own.baseUrl()).isEqualTo("http://127.0.0.1:" + port);

    own.close();

    assertThatThrownBy(
            () ->
                http.send(
                    HttpRequest.newBuilder(URI.create(own.baseUrl() + "/v1/customers"))
                        .GET()
                        .build(),
                    HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(ConnectException.class);
  }

  @Test
  void requestLogKeepsTheNewestRequestsUpToItsCapacity() throws Exception {
    try (StripeEmulator small = StripeEmulator.builder().requestLogCapacity(2).start()) {
      StripeClient stripe = Clients.client(small);
      stripe.v1().customers().create(CustomerCreateParams.builder().setEmail("1@x.test").build());
      stripe.v1().customers().create(CustomerCreateParams.builder().setEmail("2@x.test").build());
      stripe.v1().customers().create(CustomerCreateParams.builder().setEmail("3@x.test").build());

      assertThat(small.requests())
          .extracting(r -> r.params().get("email"))
          .containsExactly("2@x.test", "3@x.test");
    }
  }

  @Test
  void misconfigurationFailsNamingTheSetting() {
    assertThatThrownBy(() -> StripeEmulator.builder().webhookSecret("not-a-secret"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("webhookSecret");
    assertThatThrownBy(() -> StripeEmulator.builder().port(70_000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("port");
    assertThatThrownBy(() -> StripeEmulator.builder().idempotencyRetention(java.time.Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("idempotencyRetention");
    assertThatThrownBy(() -> emulator.faults().onNext("payment_intents"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pattern");
  }

  private HttpResponse<String> get(String path, String authorization)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + path));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
  }
}
