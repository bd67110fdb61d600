package org.electronicpayments.spring.boot.starter;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.electronicpayments.ElectronicPayments;
import org.electronicpayments.jdbc.JdbcPaymentStore;
import org.electronicpayments.spring.boot.ReconcileSchedule;
import org.electronicpayments.stripe.StripePaymentProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * What the README promises: a Spring MVC application with a database adds the starter, sets three
 * properties, and has the facade over Stripe and its database, the webhook endpoint, the JSON API
 * and the reconcile schedule. Nothing here talks to Stripe.
 */
@SpringBootTest(
    classes = ThreePropertiesTest.App.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "electronic-payments.stripe.secret-key=sk_test_three_properties",
      "electronic-payments.stripe.webhook-secret=whsec_three_properties",
      "electronic-payments.agency.name=Riverside Counseling"
    })
class ThreePropertiesTest {

  @LocalServerPort int port;
  @Autowired ApplicationContext context;

  @SpringBootApplication
  static class App {}

  @Test
  void threePropertiesGiveAWorkingPaymentsApplication() throws Exception {
    assertThat(context.getBean(ElectronicPayments.class)).isNotNull();
    assertThat(context.getBeansOfType(StripePaymentProcessor.class)).hasSize(1);
    assertThat(context.getBeansOfType(JdbcPaymentStore.class)).hasSize(1);
    assertThat(context.getBean(ReconcileSchedule.class).isRunning()).isTrue();

    assertThat(post("/electronic-payments/stripe/webhook", "{}"))
        .isEqualTo(400); // unsigned: refused
    assertThat(post("/electronic-payments/api/payments", "{}")).isEqualTo(401); // nobody signed in
  }

  private int post(String path, String body) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return HttpClient.newHttpClient()
        .send(request, HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }
}
