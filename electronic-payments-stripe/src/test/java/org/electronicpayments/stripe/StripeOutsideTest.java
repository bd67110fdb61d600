package org.electronicpayments.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.electronicpayments.CardChoice;
import org.electronicpayments.Consent;
import org.electronicpayments.ConsentChannel;
import org.electronicpayments.ConsentGiver;
import org.electronicpayments.DisputeStatus;
import org.electronicpayments.ElectronicPayments;
import org.electronicpayments.Money;
import org.electronicpayments.Payment;
import org.electronicpayments.PaymentMethod;
import org.electronicpayments.PaymentRefund;
import org.electronicpayments.PaymentResult;
import org.electronicpayments.PaymentStatus;
import org.electronicpayments.security.Actor;
import org.electronicpayments.testkit.stripe.StripeEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What staff and banks do in Stripe, outside the SDK, reaching the facade: the emulator's Dashboard
 * hooks emit Stripe's events, delivered signed to {@link StripeWebhooks}, which has the facade
 * record them; and {@code refresh} finds the same without a webhook.
 */
class StripeOutsideTest {

  private static final String SECRET = "whsec_outside";

  static StripeEmulator emulator;
  static HttpServer receiver;
  static StripePaymentProcessor processor;
  static ElectronicPayments payments;
  static volatile StripeWebhooks webhooks;

  /** What the receiver did with each delivery, in order of handling. */
  static final LinkedBlockingQueue<StripeWebhooks.Result> handled = new LinkedBlockingQueue<>();

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
            handled.add(
                webhooks.handle(body, exchange.getRequestHeaders().getFirst("Stripe-Signature")));
            status = 200;
          } catch (StripeWebhooks.InvalidWebhookException e) {
            status = 400;
          } catch (RuntimeException e) {
            status = 500;
          }
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    receiver.start();
    emulator =
        StripeEmulator.builder()
            .webhookSecret(SECRET)
            .webhookUrl(
                URI.create(
                    "http://127.0.0.1:" + receiver.getAddress().getPort() + "/stripe/webhooks"))
            .start();
    processor = Fixtures.processor(emulator);
    payments = Facades.facade(processor);
    webhooks =
        StripeWebhooks.builder().secret(SECRET).payments(payments).processor(processor).build();
  }

  @AfterAll
  static void stop() {
    payments.close();
    emulator.close();
    receiver.stop(0);
  }

  @BeforeEach
  void clear() {
    handled.clear();
  }

  @Test
  @DisplayName(
      "a Dashboard refund reaches the payment by webhook, once, with its re_ id and amount; the SDK's own is not doubled")
  void dashboardRefundIsRecordedOnceByWebhook() throws InterruptedException {
    Payment p = charged("40.00");
    String pi = p.currentAttempt().processorReference();
    PaymentRefund own = payments.refund(Facades.DESK, p.id(), Money.usd("10.00"));
    String dashboard = emulator.dashboardRefund(pi, 1500L);

    awaitHandled("charge.refunded", 2); // one for the SDK's refund, one for the Dashboard's
    Payment after = payments.payment(Facades.DESK, p.id());
    assertThat(after.refunds()).hasSize(2);
    assertThat(after.refunds().get(0).processorReference()).isEqualTo(own.processorReference());
    assertThat(after.refunds().get(0).madeOutsideSdk()).isFalse();
    PaymentRefund outside = after.refunds().get(1);
    assertThat(outside.processorReference()).isEqualTo(dashboard);
    assertThat(outside.amount()).isEqualTo(Money.usd("15.00"));
    assertThat(outside.madeOutsideSdk()).isTrue();
    assertThat(outside.status()).isEqualTo(PaymentStatus.SUCCEEDED);
    assertThat(after.status()).isEqualTo(PaymentStatus.PARTIALLY_REFUNDED);
    assertThat(after.refunded()).isEqualTo(Money.usd("25.00"));

    // Every further look (the refund.created deliveries, a refresh) leaves it recorded once.
    payments.refresh(Actor.system("reconciler"), p.id());
    assertThat(payments.payment(Facades.DESK, p.id()).refunds()).hasSize(2);

    emulator.dashboardRefund(pi, null);
    awaitHandled("charge.refunded", 1);
    Payment full = payments.payment(Facades.DESK, p.id());
    assertThat(full.refunds()).hasSize(3);
    assertThat(full.status()).isEqualTo(PaymentStatus.REFUNDED);
    assertThat(full.refunded()).isEqualTo(Money.usd("40.00"));
    assertThat(emulator.chargesFor(pi))
        .singleElement()
        .satisfies(c -> assertThat(c.amountRefunded()).isEqualTo(4000));
  }

  @Test
  @DisplayName(
      "the SDK's own refund whose answer was lost is not recorded as a Dashboard refund; its retry settles it")
  void inDoubtOwnRefundIsNotRecordedAsOutside() throws InterruptedException {
    Payment p = charged("20.00");
    emulator.faults().onNext("POST /v1/refunds").commitThenDrop();
    PaymentRefund inDoubt = payments.refund(Facades.DESK, p.id(), Money.usd("8.00"));
    assertThat(inDoubt.status()).isEqualTo(PaymentStatus.IN_DOUBT);
    awaitHandled("charge.refunded", 1);
    payments.refresh(Facades.DESK, p.id());
    assertThat(payments.payment(Facades.DESK, p.id()).refunds())
        .singleElement()
        .satisfies(r -> assertThat(r.status()).isEqualTo(PaymentStatus.IN_DOUBT));

    PaymentRefund settled = payments.refund(Facades.DESK, p.id(), Money.usd("8.00"));
    assertThat(settled.status()).isEqualTo(PaymentStatus.SUCCEEDED);
    Payment after = payments.refresh(Facades.DESK, p.id()).payment();
    assertThat(after.refunds())
        .singleElement()
        .satisfies(r -> assertThat(r.processorReference()).isEqualTo(settled.processorReference()));
    assertThat(after.refunded()).isEqualTo(Money.usd("8.00"));
    assertThat(emulator.chargesFor(p.currentAttempt().processorReference()))
        .singleElement()
        .satisfies(c -> assertThat(c.amountRefunded()).isEqualTo(800));
  }

  @Test
  @DisplayName(
      "refresh finds a Dashboard refund without any webhook, and the SDK then refunds only what is left")
  void refreshFindsADashboardRefund() {
    Payment p = charged("30.00");
    String pi = p.currentAttempt().processorReference();
    StripeWebhooks saved = webhooks;
    webhooks =
        StripeWebhooks.builder()
            .secret("whsec_someone_else")
            .payments(payments)
            .build(); // deliveries refused
    try {
      String dashboard = emulator.dashboardRefund(pi, 2000L);
      Payment refreshed = payments.refresh(Facades.DESK, p.id()).payment();
      assertThat(refreshed.refunds())
          .singleElement()
          .satisfies(
              r -> {
                assertThat(r.processorReference()).isEqualTo(dashboard);
                assertThat(r.amount()).isEqualTo(Money.usd("20.00"));
              });
      assertThat(refreshed.status()).isEqualTo(PaymentStatus.PARTIALLY_REFUNDED);
      assertThat(payments.refresh(Facades.DESK, p.id()).payment().refunds()).hasSize(1);
    } finally {
      webhooks = saved;
    }
    assertThat(payments.refund(Facades.DESK, p.id(), Money.usd("10.00")).status())
        .isEqualTo(PaymentStatus.SUCCEEDED);
    assertThat(payments.payment(Facades.DESK, p.id()).status()).isEqualTo(PaymentStatus.REFUNDED);
  }

  @Test
  @DisplayName(
      "a dispute opened and then lost marks the payment disputed with reason, amount and outcome")
  void disputeOpenedThenLost() throws InterruptedException {
    Payment p = charged("50.00");
    String pi = p.currentAttempt().processorReference();
    String dispute = emulator.openDispute(pi, "fraudulent", 5000);
    awaitHandled("charge.dispute.created", 1);
    Payment open = payments.payment(Facades.DESK, p.id());
    assertThat(open.isDisputed()).isTrue();
    assertThat(open.dispute().processorReference()).isEqualTo(dispute);
    assertThat(open.dispute().reason()).isEqualTo("fraudulent");
    assertThat(open.dispute().amount()).isEqualTo(Money.usd("50.00"));
    assertThat(open.dispute().status()).isEqualTo(DisputeStatus.OPEN);

    assertThat(emulator.closeDispute(dispute, false)).isEqualTo("lost");
    awaitHandled("charge.dispute.closed", 1);
    Payment lost = payments.payment(Facades.DESK, p.id());
    assertThat(lost.dispute().status()).isEqualTo(DisputeStatus.LOST);
    assertThat(lost.dispute().openedAt()).isEqualTo(open.dispute().openedAt());
  }

  @Test
  @DisplayName(
      "a card detached in the Dashboard leaves the saved-card list by webhook; an expired one at the next sync")
  void detachedAndExpiredCardsLeaveTheList() throws InterruptedException {
    var client = org.electronicpayments.ClientId.of("outside-" + System.nanoTime());
    saveCard(client, "pm_card_visa", "Visa");
    saveCard(client, "pm_card_mastercard", "Mastercard");
    saveCard(client, "pm_card_amex", "Amex");
    List<PaymentMethod> cards = payments.savedCards(Facades.DESK, client);
    assertThat(cards).hasSize(3);

    handled.clear();
    emulator.dashboardDetach(cards.get(0).id().value());
    awaitHandled("payment_method.detached", 1);
    assertThat(payments.savedCards(Facades.DESK, client))
        .extracting(PaymentMethod::id)
        .containsExactly(cards.get(1).id(), cards.get(2).id());

    emulator.expireCard(cards.get(1).id().value(), YearMonth.of(2020, 1));
    awaitHandled("payment_method.updated", 1);
    assertThat(payments.syncSavedCards(Facades.DESK, client))
        .extracting(PaymentMethod::id)
        .containsExactly(cards.get(2).id());
    assertThat(payments.savedCards(Facades.DESK, client))
        .extracting(PaymentMethod::id)
        .containsExactly(cards.get(2).id());
  }

  private static Payment charged(String amount) {
    PaymentResult result =
        payments.process(
            Facades.DESK, Facades.request(CardChoice.oneTime("pm_card_visa"), true, amount));
    assertThat(result).isInstanceOf(PaymentResult.Succeeded.class);
    return result.payment();
  }

  private static void saveCard(
      org.electronicpayments.ClientId client, String card, String nickname) {
    var request =
        org.electronicpayments.PaymentRequest.builder()
            .client(client)
            .origin(org.electronicpayments.Origin.CLIENTS)
            .reference("1.1.2026 outside " + java.util.UUID.randomUUID().toString().substring(0, 8))
            .type(org.electronicpayments.PaymentType.CREDIT_CARD)
            .payer(org.electronicpayments.Payer.CO_PAY)
            .amountReceived("5.00")
            .electronic(true)
            .card(
                CardChoice.saveNew(
                    card, nickname, Consent.of(ConsentGiver.CLIENT, ConsentChannel.FRONT_DESK)))
            .clientPresent(true)
            .build();
    assertThat(payments.process(Facades.DESK, request)).isInstanceOf(PaymentResult.Succeeded.class);
  }

  /**
   * Waits for {@code count} deliveries of a type to be handled (not ignored), other deliveries
   * aside.
   */
  private static void awaitHandled(String type, int count) throws InterruptedException {
    List<StripeWebhooks.Result> seen = new ArrayList<>();
    long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    int found = 0;
    while (found < count) {
      StripeWebhooks.Result r =
          handled.poll(Math.max(1, end - System.nanoTime()), TimeUnit.NANOSECONDS);
      assertThat(r).as("a handled %s delivery; saw %s", type, seen).isNotNull();
      seen.add(r);
      if (r.eventType().equals(type) && r.kind() == StripeWebhooks.Result.Kind.HANDLED) {
        found++;
      }
    }
  }
}
