package org.electronicpayments.spring.boot.starter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.Principal;
import java.util.Set;
import org.electronicpayments.ElectronicPayments;
import org.electronicpayments.StaffId;
import org.electronicpayments.jdbc.JdbcPaymentStore;
import org.electronicpayments.security.Actor;
import org.electronicpayments.security.StandardRoles;
import org.electronicpayments.spring.boot.ActorResolver;
import org.electronicpayments.spring.boot.ReconcileSchedule;
import org.electronicpayments.stripe.StripePaymentProcessor;
import org.electronicpayments.testkit.stripe.StripeEmulator;
import org.electronicpayments.testkit.stripe.WebhookSignature;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What the README promises: a Spring MVC application with a database adds the starter, sets three
 * properties, and has the facade over Stripe and its database, the JSON API, the webhook endpoint
 * and the reconcile schedule, all proved over real HTTP. The application brings what any host has:
 * its own sign-in (here a header read by a filter, mapped to front-desk staff by an {@link
 * ActorResolver}). The Stripe emulator stands in for Stripe, the one property more being where
 * Stripe is.
 */
@SpringBootTest(
    classes = ThreePropertiesTest.App.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "electronic-payments.stripe.secret-key=sk_test_three_properties",
      "electronic-payments.stripe.webhook-secret=" + ThreePropertiesTest.WEBHOOK_SECRET,
      "electronic-payments.agency.name=Riverside Counseling"
    })
class ThreePropertiesTest {

  static final String WEBHOOK_SECRET = "whsec_three_properties";
  private static final StripeEmulator STRIPE =
      StripeEmulator.builder().webhookSecret(WEBHOOK_SECRET).start();
  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired ApplicationContext context;

  @SpringBootApplication
  static class App {

    /** The host's own sign-in: the user named by a header (a real host uses Spring Security). */
    @Bean
    Filter signIn() {
      return (request, response, chain) -> {
        HttpServletRequest http = (HttpServletRequest) request;
        String user = http.getHeader("X-User");
        chain.doFilter(
            user == null
                ? request
                : new HttpServletRequestWrapper(http) {
                  @Override
                  public Principal getUserPrincipal() {
                    return () -> user;
                  }
                },
            response);
      };
    }

    @Bean
    ActorResolver actors() {
      return principal ->
          principal == null
              ? null
              : Actor.staff(StaffId.of(principal.getName()), Set.of(StandardRoles.FRONT_DESK));
    }
  }

  @DynamicPropertySource
  static void stripe(DynamicPropertyRegistry registry) {
    registry.add("electronic-payments.stripe.api-base", STRIPE::baseUrl);
  }

  @AfterAll
  static void stop() {
    STRIPE.close();
  }

  @Test
  void threePropertiesGiveAWorkingPaymentsApplication() throws Exception {
    assertThat(context.getBean(ElectronicPayments.class)).isNotNull();
    assertThat(context.getBeansOfType(StripePaymentProcessor.class)).hasSize(1);
    assertThat(context.getBeansOfType(JdbcPaymentStore.class)).hasSize(1);
    assertThat(context.getBean(ReconcileSchedule.class).isRunning()).isTrue();

    // The New Payment API: a card payment charged at Stripe and journaled in the database.
    HttpResponse<String> paid =
        post(
            "/electronic-payments/api/payments",
            "desk-1",
            """
            {"clientId":"1000","reference":"TP-1","payer":"CO_PAY","amountReceived":"10.00",
             "electronic":true,"card":{"oneTime":"pm_card_visa"}}""",
            null);
    assertThat(paid.statusCode()).isEqualTo(200);
    JsonNode result = JSON.readTree(paid.body());
    assertThat(result.get("status").textValue()).isEqualTo("SUCCEEDED");
    String id = result.at("/payment/id").textValue();
    assertThat(STRIPE.succeededCharges())
        .filteredOn(c -> id.equals(c.metadata().get("payment_id")))
        .hasSize(1);
    assertThat(post("/electronic-payments/api/payments", null, "{}", null).statusCode())
        .as("nobody signed in")
        .isEqualTo(401);

    // The webhook endpoint: a delivery signed with the webhook secret is taken, a forged one not.
    String event =
        """
        {"id":"evt_three_properties","object":"event","type":"customer.created",
         "data":{"object":{"id":"cus_three","object":"customer"}}}""";
    assertThat(
            post(
                    "/electronic-payments/stripe/webhook",
                    null,
                    event,
                    WebhookSignature.header(event, WEBHOOK_SECRET, STRIPE.now()))
                .statusCode())
        .isEqualTo(200);
    assertThat(
            post(
                    "/electronic-payments/stripe/webhook",
                    null,
                    event,
                    WebhookSignature.header(event, "whsec_forged", STRIPE.now()))
                .statusCode())
        .isEqualTo(400);

    // The reconcile schedule settles what the API left in doubt.
    ReconcileSchedule schedule = context.getBean(ReconcileSchedule.class);
    STRIPE.faults().onNext("POST /v1/payment_intents/*/confirm").commitThenDrop();
    JsonNode doubt =
        JSON.readTree(
            post(
                    "/electronic-payments/api/payments",
                    "desk-1",
                    """
                    {"clientId":"1000","reference":"TP-2","payer":"CO_PAY","amountReceived":"10.00",
                     "electronic":true,"card":{"oneTime":"pm_card_visa"}}""",
                    null)
                .body());
    assertThat(doubt.get("status").textValue()).isEqualTo("IN_DOUBT");
    assertThat(schedule.runOnce().succeeded()).isEqualTo(1);
  }

  private HttpResponse<String> post(
      String path, @Nullable String user, String body, @Nullable String signature)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (user != null) {
      request.header("X-User", user);
    }
    if (signature != null) {
      request.header("Stripe-Signature", signature);
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
