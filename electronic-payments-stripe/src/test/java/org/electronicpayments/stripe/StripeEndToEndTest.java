package org.electronicpayments.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.electronicpayments.CardChoice;
import org.electronicpayments.Consent;
import org.electronicpayments.ConsentChannel;
import org.electronicpayments.ConsentGiver;
import org.electronicpayments.ElectronicPayments;
import org.electronicpayments.Money;
import org.electronicpayments.Payment;
import org.electronicpayments.PaymentRefund;
import org.electronicpayments.PaymentResult;
import org.electronicpayments.PaymentStatus;
import org.electronicpayments.ReconcileReport;
import org.electronicpayments.security.Actor;
import org.electronicpayments.testkit.stripe.RecordedRequest;
import org.electronicpayments.testkit.stripe.StripeEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The New Payment flows end to end: facade, in-memory store, this module, real stripe-java, the
 * emulator, and webhooks delivered by the emulator. The last test inspects every request the
 * emulator received during the class (G5).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StripeEndToEndTest {

  /** The parameters Stripe may receive (G5): amounts, ids, card, receipt email, neutral text. */
  static final Pattern ALLOWED =
      Pattern.compile(
          "amount|currency|customer|payment_method|receipt_email|description"
              + "|metadata\\[(payment_id|client_id|agency_id|attempt|saved_by_payment)]|payment_intent"
              + "|setup_future_usage|capture_method"
              + "|confirm|off_session|payment_method_types\\[\\d*]|expand\\[\\d*]|cancellation_reason|type|limit"
              + "|card\\[exp_month]|card\\[exp_year]");

  static StripeEmulator emulator;
  static HttpServer receiver;
  static volatile StripeWebhooks webhooks;
  static ElectronicPayments payments;

  @BeforeAll
  static void start() throws IOException {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/stripe/webhooks",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          int status;
          try {
            webhooks.handle(body, exchange.getRequestHeaders().getFirst("Stripe-Signature"));
            status = 200;
          } catch (StripeWebhooks.InvalidWebhookException e) {
            status = 400;
          }
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    receiver.start();
    emulator =
        StripeEmulator.builder()
            .webhookSecret("whsec_endtoend")
            .webhookUrl(
                URI.create(
                    "http://127.0.0.1:" + receiver.getAddress().getPort() + "/stripe/webhooks"))
            .start();
    payments = Facades.facade(Fixtures.processor(emulator));
    webhooks = StripeWebhooks.builder().secret("whsec_endtoend").payments(payments).build();
  }

  @AfterAll
  static void stop() {
    payments.close();
    emulator.close();
    receiver.stop(0);
  }

  @Test
  @Order(1)
  @DisplayName("One-time card: charged once, saved (posted), partly refunded")
  void oneTimeCardChargedPostedAndRefunded() {
    PaymentResult result =
        payments.process(
            Facades.DESK, Facades.request(CardChoice.oneTime("pm_card_visa"), true, "25.00"));

    assertThat(result).isInstanceOf(PaymentResult.Succeeded.class);
    Payment p = result.payment();
    assertThat(p.confirmationNumber()).startsWith("ch_");
    assertThat(payments.save(Facades.DESK, p.id()).status()).isEqualTo(PaymentStatus.POSTED);
    PaymentRefund refund = payments.refund(Facades.DESK, p.id(), Money.usd("5.00"));
    assertThat(refund.status()).isEqualTo(PaymentStatus.SUCCEEDED);
    assertThat(payments.payment(Facades.DESK, p.id()).status())
        .isEqualTo(PaymentStatus.PARTIALLY_REFUNDED);
    assertThat(emulator.chargesFor(p.currentAttempt().processorReference()))
        .singleElement()
        .satisfies(c -> assertThat(c.amountRefunded()).isEqualTo(500));
  }

  @Test
  @Order(2)
  @DisplayName("New card saved, then charged on-session and off-session as a saved card")
  void newCardSavedThenChargedOnAndOffSession() {
    PaymentResult saved =
        payments.process(
            Facades.DESK,
            Facades.request(
                CardChoice.saveNew(
                    "pm_card_mastercard",
                    "Mastercard 4444",
                    Consent.of(ConsentGiver.CLIENT, ConsentChannel.FRONT_DESK)),
                true,
                "10.00"));
    assertThat(saved).isInstanceOf(PaymentResult.Succeeded.class);
    var card = payments.savedCards(Facades.DESK, Fixtures.CLIENT);
    assertThat(card)
        .singleElement()
        .satisfies(c -> assertThat(c.nickname()).isEqualTo("Mastercard 4444"));

    for (boolean present : new boolean[] {true, false}) {
      PaymentResult again =
          payments.process(
              Facades.DESK, Facades.request(CardChoice.saved(card.get(0).id()), present, "10.00"));
      assertThat(again).isInstanceOf(PaymentResult.Succeeded.class);
    }
    assertThat(emulator.requests("POST /v1/customers")).hasSize(1);
  }

  @Test
  @Order(3)
  @DisplayName("Confirm dropped after charging: in doubt, then reconcile records the one charge")
  void droppedConfirmIsInDoubtThenReconciled() {
    emulator.faults().onNext("POST /v1/payment_intents/*/confirm").commitThenDrop();

    PaymentResult result =
        payments.process(
            Facades.DESK, Facades.request(CardChoice.oneTime("pm_card_amex"), true, "12.34"));

    assertThat(result).isInstanceOf(PaymentResult.InDoubt.class);
    String pi = result.payment().currentAttempt().processorReference();
    assertThat(emulator.chargesFor(pi)).hasSize(1);
    await(
        () ->
            payments.status(Facades.DESK, result.payment().id())
                == PaymentStatus.SUCCEEDED); // webhook or…
    ReconcileReport report = payments.reconcile(Actor.system("reconciler"));
    assertThat(payments.status(Facades.DESK, result.payment().id()))
        .isEqualTo(PaymentStatus.SUCCEEDED);
    assertThat(report.failed()).isZero();
    assertThat(emulator.chargesFor(pi)).hasSize(1);
  }

  @Test
  @Order(4)
  @DisplayName(
      "Confirm that never arrived: in doubt, then reconcile cancels the PaymentIntent; nothing charged")
  void lostConfirmIsCancelledByReconcile() {
    emulator.faults().onNext("POST /v1/payment_intents/*/confirm").fail(500, false);

    PaymentResult result =
        payments.process(
            Facades.DESK, Facades.request(CardChoice.oneTime("pm_card_visa"), true, "7.00"));
    assertThat(result).isInstanceOf(PaymentResult.InDoubt.class);

    payments.reconcile(Actor.system("reconciler"));

    Payment settled = payments.payment(Facades.DESK, result.payment().id());
    assertThat(settled.status()).isEqualTo(PaymentStatus.FAILED);
    assertThat(emulator.chargesFor(settled.currentAttempt().processorReference())).isEmpty();
  }

  @Test
  @Order(5)
  @DisplayName(
      "3-D Secure: requires action; the client authenticates; Stripe's webhook settles the payment")
  void threeDSecureSettledByWebhook() {
    PaymentResult result =
        payments.process(
            Facades.DESK,
            Facades.request(CardChoice.oneTime("pm_card_authenticationRequired"), true, "40.00"));
    assertThat(result).isInstanceOf(PaymentResult.RequiresAction.class);
    assertThat(((PaymentResult.RequiresAction) result).clientSecret()).contains("_secret_");

    emulator.completeAuthentication(result.payment().currentAttempt().processorReference());

    await(() -> payments.status(Facades.DESK, result.payment().id()) == PaymentStatus.SUCCEEDED);
    assertThat(payments.status(Facades.DESK, result.payment().id()))
        .isEqualTo(PaymentStatus.SUCCEEDED);
  }

  @Test
  @Order(6)
  @DisplayName(
      "G5: every request Stripe received carries only amounts, ids, card, receipt email and neutral text")
  void stripeReceivesNoNoteReferenceOrAppointment() {
    var requests = emulator.requests();
    assertThat(requests).hasSizeGreaterThan(20);
    for (RecordedRequest r : requests) {
      for (Map.Entry<String, String> p : r.params().entrySet()) {
        assertThat(p.getKey()).as(r.endpoint()).matches(ALLOWED);
        assertThat(p.getValue())
            .as(r.endpoint() + " " + p.getKey())
            .doesNotContain(
                "DOS",
                "90837",
                "anxiety",
                "appt",
                "intake-zq",
                "Smith",
                "copay",
                "Riverside",
                "Mastercard 4444");
      }
    }
    assertThat(requests)
        .filteredOn(r -> r.endpoint().equals("POST /v1/payment_intents"))
        .allSatisfy(
            r -> {
              assertThat(r.params().get("description")).startsWith("Payment pay_");
              assertThat(r.params().keySet())
                  .filteredOn(k -> k.startsWith("metadata"))
                  .isSubsetOf(
                      Set.of(
                          "metadata[payment_id]",
                          "metadata[client_id]",
                          "metadata[agency_id]",
                          "metadata[attempt]"));
            });
    assertThat(requests)
        .filteredOn(r -> r.endpoint().equals("POST /v1/customers"))
        .allSatisfy(
            r ->
                assertThat(r.params().keySet())
                    .containsOnly("metadata[client_id]", "metadata[agency_id]"));
  }

  private static void await(java.util.function.BooleanSupplier done) {
    long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (!done.getAsBoolean() && System.nanoTime() < end) {
      try {
        Thread.sleep(25);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
