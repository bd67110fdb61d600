package org.electronicpayments.testkit.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.StripeClient;
import com.stripe.exception.CardException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.exception.StripeException;
import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import com.stripe.net.Webhook;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.EventListParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PaymentMethodAttachParams;
import com.stripe.param.RefundCreateParams;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EventsAndWebhooksTest {

  private static final String SECRET = "whsec_test_emulator";

  private static HttpServer receiver;
  private static final BlockingQueue<String[]> deliveries = new LinkedBlockingQueue<>();
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
          deliveries.add(new String[] {body, signature});
          exchange.sendResponseHeaders(200, -1);
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
  void stateChangesAreListedAsEventsNewestFirst() throws StripeException {
    String customer =
        stripe.v1().customers().create(CustomerCreateParams.builder().build()).getId();
    String pm =
        stripe
            .v1()
            .paymentMethods()
            .attach(
                "pm_card_visa", PaymentMethodAttachParams.builder().setCustomer(customer).build())
            .getId();
    PaymentIntent paid = pay(pm, customer);
    stripe
        .v1()
        .refunds()
        .create(RefundCreateParams.builder().setPaymentIntent(paid.getId()).build());
    stripe.v1().paymentMethods().detach(pm);
    PaymentIntent toCancel =
        stripe
            .v1()
            .paymentIntents()
            .create(
                PaymentIntentCreateParams.builder().setAmount(1000L).setCurrency("usd").build());
    stripe.v1().paymentIntents().cancel(toCancel.getId());
    assertThatThrownBy(() -> pay("pm_card_chargeDeclined", null)).isInstanceOf(CardException.class);
    pay("pm_card_authenticationRequired", null);

    List<String> types = new ArrayList<>();
    stripe
        .v1()
        .events()
        .list(EventListParams.builder().setLimit(100L).build())
        .getData()
        .forEach(e -> types.add(e.getType()));

    assertThat(types)
        .contains(
            "payment_method.attached",
            "payment_intent.succeeded",
            "charge.succeeded",
            "charge.refunded",
            "refund.created",
            "payment_method.detached",
            "payment_intent.canceled",
            "payment_intent.payment_failed",
            "charge.failed",
            "payment_intent.requires_action");
    assertThat(types.get(0)).isEqualTo("payment_intent.requires_action");
    assertThat(types.get(types.size() - 1)).isEqualTo("payment_method.attached");
  }

  @Test
  void eventIsRetrievableFilterableByTypeAndCarriesTheObjectAndRequest() throws StripeException {
    PaymentIntent paid = pay("pm_card_visa", null);

    List<Event> succeeded =
        stripe
            .v1()
            .events()
            .list(EventListParams.builder().setType("payment_intent.succeeded").build())
            .getData();
    Event event = stripe.v1().events().retrieve(succeeded.get(0).getId());

    assertThat(succeeded).hasSize(1);
    assertThat(event.getId()).startsWith("evt_");
    assertThat(event.getLivemode()).isFalse();
    assertThat(event.getRequest().getId()).isEqualTo(paid.getLastResponse().requestId());
    PaymentIntent inEvent =
        (PaymentIntent) event.getDataObjectDeserializer().getObject().orElseThrow();
    assertThat(inEvent.getId()).isEqualTo(paid.getId());
    assertThat(inEvent.getStatus()).isEqualTo("succeeded");
    assertThatThrownBy(() -> stripe.v1().events().retrieve("evt_nope"))
        .isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void eventsArePostedSignedSoStripeJavaVerifiesThem() throws Exception {
    PaymentIntent paid = pay("pm_card_visa", null);

    List<String> typesForPaid = new ArrayList<>();
    while (!typesForPaid.contains("payment_intent.succeeded")) {
      String[] delivery = deliveries.poll(5, TimeUnit.SECONDS);
      assertThat(delivery).as("a webhook delivery").isNotNull();
      Event event = Webhook.constructEvent(delivery[0], delivery[1], SECRET);
      if (event.getType().startsWith("payment_intent.")
          && paid.getId()
              .equals(
                  ((PaymentIntent) event.getDataObjectDeserializer().getObject().orElseThrow())
                      .getId())) {
        typesForPaid.add(event.getType());
      }
    }

    assertThat(typesForPaid).containsExactly("payment_intent.created", "payment_intent.succeeded");
  }

  @Test
  void signatureHelperProducesHeadersStripeJavaAcceptsAndRejectsWithAnotherSecret()
      throws Exception {
    String payload = "{\"id\":\"evt_1\",\"object\":\"event\",\"type\":\"ping\",\"data\":{}}";

    String header = WebhookSignature.header(payload, SECRET, Instant.now());

    assertThat(header).matches("t=\\d+,v1=[0-9a-f]{64}");
    assertThat(Webhook.constructEvent(payload, header, SECRET).getId()).isEqualTo("evt_1");
    assertThatThrownBy(() -> Webhook.constructEvent(payload, header, "whsec_other"))
        .isInstanceOf(SignatureVerificationException.class);
    assertThatThrownBy(
            () ->
                Webhook.constructEvent(
                    payload,
                    WebhookSignature.header(payload, SECRET, Instant.now().minusSeconds(600)),
                    SECRET))
        .isInstanceOf(SignatureVerificationException.class);
  }

  @Test
  void objectsOfAConnectedAccountAreInvisibleToThePlatformAndViceVersa() throws Exception {
    String onAccount =
        stripe
            .v1()
            .customers()
            .create(CustomerCreateParams.builder().build(), Clients.account("acct_clinic_a"))
            .getId();
    String onPlatform =
        stripe.v1().customers().create(CustomerCreateParams.builder().build()).getId();
    StripeClient clinicB =
        StripeClient.builder()
            .setApiKey(Clients.API_KEY)
            .setApiBase(emulator.baseUrl())
            .setStripeAccount("acct_clinic_b")
            .build();

    assertThat(
            stripe.v1().customers().retrieve(onAccount, Clients.account("acct_clinic_a")).getId())
        .isEqualTo(onAccount);
    assertThatThrownBy(() -> stripe.v1().customers().retrieve(onAccount))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> clinicB.v1().customers().retrieve(onAccount))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(
            () -> stripe.v1().customers().retrieve(onPlatform, Clients.account("acct_clinic_a")))
        .isInstanceOf(InvalidRequestException.class);
    PaymentIntent pi =
        clinicB
            .v1()
            .paymentIntents()
            .create(
                PaymentIntentCreateParams.builder()
                    .setAmount(1000L)
                    .setCurrency("usd")
                    .setPaymentMethod("pm_card_visa")
                    .setConfirm(true)
                    .build());
    assertThat(emulator.chargesFor(pi.getId()))
        .singleElement()
        .satisfies(c -> assertThat(c.account()).isEqualTo("acct_clinic_b"));
    assertThat(stripe.v1().events().list().getData()).isEmpty();
    assertThat(emulator.requests().get(emulator.requests().size() - 1).stripeAccount()).isNull();
  }

  private static PaymentIntent pay(String pm, String customer) throws StripeException {
    return stripe
        .v1()
        .paymentIntents()
        .create(
            PaymentIntentCreateParams.builder()
                .setAmount(1000L)
                .setCurrency("usd")
                .setPaymentMethod(pm)
                .setCustomer(customer)
                .setConfirm(true)
                .build());
  }
}
