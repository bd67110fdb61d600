package org.electronicpayments.spring.boot.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import org.electronicpayments.ReconcileReport;
import org.electronicpayments.spring.boot.ReconcileSchedule;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A charge whose answer was lost (committed at Stripe, connection dropped) through the JSON API: in
 * doubt, the health indicator DOWN and the gauge counting it, until reconcile settles it. The
 * emulator delivers no webhooks here, so only reconcile can settle it.
 */
@SpringBootTest(
    classes = TestApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class ReconcileFlowTest {

  private static final EmulatedStripe STRIPE = new EmulatedStripe(false);

  @Autowired MeterRegistry meters;
  @Autowired ReconcileSchedule schedule;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    STRIPE.register(registry, "reconcileflow");
    registry.add("electronic-payments.health.in-doubt-threshold", () -> "0s");
  }

  @AfterAll
  static void stop() {
    STRIPE.emulator.close();
  }

  @Test
  void reconcileSettlesACommittedChargeWhoseAnswerWasLostAndHealthAndMetricsFollow() {
    Http desk = Http.frontDesk(STRIPE.appPort);
    assertThat(health(desk).get("status").textValue()).isEqualTo("UP");
    double settledBefore =
        meters
            .find("electronic.payments.reconcile.settled")
            .tag("outcome", "succeeded")
            .counters()
            .stream()
            .mapToDouble(c -> c.count())
            .sum();
    STRIPE.emulator.faults().onNext("POST /v1/payment_intents/*/confirm").commitThenDrop();

    JsonNode result =
        desk.post(
                "/electronic-payments/api/payments",
                WebhookFlowTest.request("RF-1", "pm_card_visa"))
            .json();

    assertThat(result.get("status").textValue()).isEqualTo("IN_DOUBT");
    String id = result.at("/payment/id").textValue();
    assertThat(STRIPE.emulator.succeededCharges()).hasSize(1);
    JsonNode down = health(desk);
    assertThat(down.get("status").textValue()).isEqualTo("DOWN");
    assertThat(down.at("/details/oldestInDoubt").textValue()).isEqualTo(id);
    assertThat(meters.get("electronic.payments.in.doubt").gauge().value()).isEqualTo(1.0);
    assertThat(
            meters
                .find("electronic.payments.outcomes")
                .tag("outcome", "IN_DOUBT")
                .counter()
                .count())
        .isEqualTo(1.0);

    ReconcileReport report = schedule.runOnce();

    assertThat(report).isNotNull();
    assertThat(report.succeeded()).isEqualTo(1);
    assertThat(
            desk.get("/electronic-payments/api/payments/" + id + "/status")
                .json()
                .get("status")
                .textValue())
        .isEqualTo("SUCCEEDED");
    assertThat(health(desk).get("status").textValue()).isEqualTo("UP");
    assertThat(meters.get("electronic.payments.in.doubt").gauge().value()).isZero();
    assertThat(meters.get("electronic.payments.unsaved").gauge().value()).isEqualTo(1.0);
    assertThat(
            meters
                .find("electronic.payments.reconcile.settled")
                .tag("outcome", "succeeded")
                .counter()
                .count())
        .isEqualTo(settledBefore + 1);
    assertThat(meters.find("electronic.payments.reconcile.runs").timer().count()).isPositive();
    assertThat(STRIPE.emulator.succeededCharges()).hasSize(1);
  }

  private static JsonNode health(Http http) {
    return http.get("/actuator/health/electronicPayments").json();
  }
}
