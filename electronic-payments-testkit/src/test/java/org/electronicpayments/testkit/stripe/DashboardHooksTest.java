package org.electronicpayments.testkit.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.Charge;
import com.stripe.model.Dispute;
import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import com.stripe.model.PaymentMethod;
import com.stripe.model.Refund;
import com.stripe.net.Webhook;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.DisputeListParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PaymentMethodAttachParams;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.RefundListParams;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The test hooks that act as Stripe's Dashboard or a card holder's bank, seen through stripe-java
 * and webhooks.
 */
class DashboardHooksTest {

  private static final String SECRET = "whsec_dashboard_hooks";

  private static HttpServer receiver;
  private static final BlockingQueue<Event> deliveries = new LinkedBlockingQueue<>();
  private static StripeEmulator emulator;
  private static StripeClient stripe;

  @BeforeAll
  static void start() throws Exception {
    receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    receiver.createContext(
        "/webhook",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          String signature = exchange.getRequestHeaders().getFirst("Stripe-Signature");
          int status = 200;
          try {
            deliveries.add(Webhook.constructEvent(body, signature, SECRET));
          } catch (Exception e) {
            status = 400;
          }
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    receiver.start();
    emulator =
        StripeEmulator.builder()
            .webhookSecret(SECRET)
            .webhookUrl(
                URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/webhook"))
            .start();
    stripe = Clients.client(emulator);
  }

  @AfterAll
  static void stop() {
    emulator.close();
    receiver.stop(0);
  }

  @BeforeEach
  void reset() {
    emulator.reset();
    deliveries.clear();
  }

  @Test
  void dashboardRefundIsListedWithoutMetadataAndSignalledBySignedEvents() throws Exception {
    PaymentIntent paid = pay(null, 4000);
    Refund own =
        stripe
            .v1()
            .refunds()
            .create(
                RefundCreateParams.builder()
                    .setPaymentIntent(paid.getId())
                    .setAmount(1000L)
                    .putMetadata("payment_id", "p-1")
                    .build());
    String dashboard = emulator.dashboardRefund(paid.getId(), 1500L);

    List<Refund> listed =
        stripe
            .v1()
            .refunds()
            .list(RefundListParams.builder().setPaymentIntent(paid.getId()).build())
            .getData();
    assertThat(listed).extracting(Refund::getId).containsExactly(dashboard, own.getId());
    assertThat(listed.get(0).getAmount()).isEqualTo(1500L);
    assertThat(listed.get(0).getStatus()).isEqualTo("succeeded");
    assertThat(listed.get(0).getMetadata()).isEmpty();
    assertThat(listed.get(1).getMetadata()).containsEntry("payment_id", "p-1");
    Charge charge = stripe.v1().charges().retrieve(paid.getLatestCharge());
    assertThat(charge.getAmountRefunded()).isEqualTo(2500L);
    assertThat(charge.getRefunded()).isFalse();

    List<Event> events = awaitEvents(e -> e.getType().equals("charge.refunded"), 2);
    Charge refundedCharge =
        (Charge) events.get(1).getDataObjectDeserializer().getObject().orElseThrow();
    assertThat(refundedCharge.getAmountRefunded()).isEqualTo(2500L);
    assertThat(events.get(1).getRequest().getId()).isNull();

    emulator.dashboardRefund(paid.getId(), null);
    assertThat(stripe.v1().charges().retrieve(paid.getLatestCharge()).getRefunded()).isTrue();
    assertThatThrownBy(() -> emulator.dashboardRefund(paid.getId(), 1L))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("already been refunded");
    assertThatThrownBy(() -> emulator.dashboardRefund("pi_missing", 1L))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void disputeIsOpenedListedAndClosedWithItsEvents() throws Exception {
    PaymentIntent paid = pay(null, 5000);
    PaymentIntent other = pay(null, 700);
    String id = emulator.openDispute(paid.getId(), "fraudulent", 5000);

    List<Dispute> listed =
        stripe
            .v1()
            .disputes()
            .list(DisputeListParams.builder().setPaymentIntent(paid.getId()).build())
            .getData();
    assertThat(listed)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.getId()).isEqualTo(id);
              assertThat(d.getStatus()).isEqualTo("needs_response");
              assertThat(d.getReason()).isEqualTo("fraudulent");
              assertThat(d.getAmount()).isEqualTo(5000L);
              assertThat(d.getCharge()).isEqualTo(paid.getLatestCharge());
            });
    assertThat(
            stripe
                .v1()
                .disputes()
                .list(DisputeListParams.builder().setPaymentIntent(other.getId()).build())
                .getData())
        .isEmpty();
    assertThat(stripe.v1().charges().retrieve(paid.getLatestCharge()).getDisputed()).isTrue();
    Dispute created =
        (Dispute)
            awaitEvents(e -> e.getType().equals("charge.dispute.created"), 1)
                .get(0)
                .getDataObjectDeserializer()
                .getObject()
                .orElseThrow();
    assertThat(created.getPaymentIntent()).isEqualTo(paid.getId());

    assertThat(emulator.closeDispute(id, true)).isEqualTo("won");
    assertThat(stripe.v1().disputes().retrieve(id).getStatus()).isEqualTo("won");
    Dispute closed =
        (Dispute)
            awaitEvents(e -> e.getType().equals("charge.dispute.closed"), 1)
                .get(0)
                .getDataObjectDeserializer()
                .getObject()
                .orElseThrow();
    assertThat(closed.getStatus()).isEqualTo("won");
    assertThatThrownBy(() -> emulator.closeDispute(id, false))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> emulator.openDispute(paid.getId(), "fraudulent", 100))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("already disputed");
    assertThatThrownBy(() -> emulator.openDispute(other.getId(), "because", 100))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> emulator.openDispute(other.getId(), "duplicate", 701))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void disputeListRefusesAnUndeclaredParameter() {
    assertThatThrownBy(
            () ->
                stripe
                    .v1()
                    .disputes()
                    .list(DisputeListParams.builder().putExtraParam("customer", "cus_1").build()))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("customer");
  }

  @Test
  void dashboardDetachAndExpiryChangeTheCardAndEmitEvents() throws Exception {
    String customer =
        stripe.v1().customers().create(CustomerCreateParams.builder().build()).getId();
    String detached = attach("pm_card_visa", customer);
    String expired = attach("pm_card_mastercard", customer);

    emulator.dashboardDetach(detached);
    assertThat(stripe.v1().customers().paymentMethods().list(customer).getData())
        .extracting(PaymentMethod::getId)
        .containsExactly(expired);
    PaymentMethod event =
        (PaymentMethod)
            awaitEvents(e -> e.getType().equals("payment_method.detached"), 1)
                .get(0)
                .getDataObjectDeserializer()
                .getObject()
                .orElseThrow();
    assertThat(event.getId()).isEqualTo(detached);
    assertThat(event.getCustomer()).isNull();
    assertThatThrownBy(() -> emulator.dashboardDetach(detached))
        .isInstanceOf(IllegalStateException.class);

    emulator.expireCard(expired, YearMonth.of(2020, 2));
    PaymentMethod card = stripe.v1().paymentMethods().retrieve(expired);
    assertThat(card.getCard().getExpYear()).isEqualTo(2020L);
    assertThat(card.getCard().getExpMonth()).isEqualTo(2L);
    awaitEvents(e -> e.getType().equals("payment_method.updated"), 1);
  }

  private static PaymentIntent pay(String customer, long amount) throws StripeException {
    PaymentIntentCreateParams.Builder params =
        PaymentIntentCreateParams.builder()
            .setAmount(amount)
            .setCurrency("usd")
            .setPaymentMethod("pm_card_visa")
            .addPaymentMethodType("card")
            .setConfirm(true);
    if (customer != null) {
      params.setCustomer(customer);
    }
    PaymentIntent pi = stripe.v1().paymentIntents().create(params.build());
    assertThat(pi.getStatus()).isEqualTo("succeeded");
    return pi;
  }

  private static String attach(String pm, String customer) throws StripeException {
    return stripe
        .v1()
        .paymentMethods()
        .attach(pm, PaymentMethodAttachParams.builder().setCustomer(customer).build())
        .getId();
  }

  /** The first {@code count} signed deliveries matching, waiting for each; others are set aside. */
  private static List<Event> awaitEvents(java.util.function.Predicate<Event> matching, int count)
      throws InterruptedException {
    List<Event> found = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (found.size() < count) {
      Event e = deliveries.poll(Math.max(1, end - System.nanoTime()), TimeUnit.NANOSECONDS);
      assertThat(e).as("a matching delivery; saw %s", seen).isNotNull();
      seen.add(e.getType());
      if (matching.test(e)) {
        found.add(e);
      }
    }
    return found;
  }
}
