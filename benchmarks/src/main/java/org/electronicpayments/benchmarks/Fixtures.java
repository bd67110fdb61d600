package org.electronicpayments.benchmarks;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentConfirmParams;
import com.stripe.param.PaymentIntentCreateParams;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.electronicpayments.AgencyDetails;
import org.electronicpayments.AgencyId;
import org.electronicpayments.CardChoice;
import org.electronicpayments.ClientId;
import org.electronicpayments.Origin;
import org.electronicpayments.Payer;
import org.electronicpayments.PaymentId;
import org.electronicpayments.PaymentRequest;
import org.electronicpayments.PaymentType;
import org.electronicpayments.StaffId;
import org.electronicpayments.security.Actor;
import org.electronicpayments.security.Role;
import org.electronicpayments.testkit.stripe.StripeEmulator;
import org.jspecify.annotations.Nullable;

/**
 * What every benchmark shares: the agency, the front-desk actor, a New Payment request, the
 * emulator to talk to, and the raw stripe-java payment that makes the same two requests as the
 * Stripe module (create unconfirmed with {@code <id>-a1-create}, confirm with {@code
 * <id>-a1-confirm}).
 */
final class Fixtures {

  /**
   * System property naming a running emulator ({@code http://127.0.0.1:port}); {@link Bench} sets
   * it.
   */
  static final String EMULATOR_PROPERTY = "bench.emulator";

  static final String SECRET_KEY = "sk_test_bench";
  static final AgencyDetails AGENCY =
      new AgencyDetails(
          AgencyId.of("agency-bench"),
          "Riverside Counseling",
          List.of("12 Main St", "Springfield, IL 62701"),
          null,
          ZoneId.of("America/Chicago"));
  static final ClientId CLIENT = ClientId.of("1000");
  static final Actor DESK = Actor.staff(StaffId.of("s-1"), Set.of(Role.allPermissions("Champion")));
  static final long AMOUNT_CENTS = 1000;
  static final String CARD = "pm_card_visa";

  private Fixtures() {}

  /**
   * A one-time card payment of $10.00 with a fresh reference (references are unique per agency).
   */
  static PaymentRequest request(String reference) {
    return PaymentRequest.builder()
        .client(CLIENT)
        .origin(Origin.APPOINTMENTS)
        .reference(reference)
        .type(PaymentType.CREDIT_CARD)
        .payer(Payer.CO_PAY)
        .amountReceived("10.00")
        .electronic(true)
        .card(CardChoice.oneTime(CARD))
        .clientPresent(true)
        .build();
  }

  /**
   * The emulator of this run: the one {@link Bench} started, or a new one in this JVM (then {@code
   * owned}).
   */
  static Server server() {
    String url = System.getProperty(EMULATOR_PROPERTY);
    if (url != null && !url.isBlank()) {
      return new Server(url, null);
    }
    StripeEmulator emulator = StripeEmulator.builder().requestLogCapacity(1_000).start();
    return new Server(emulator.baseUrl(), emulator);
  }

  /** stripe-java as a host would build it without the SDK: one client, defaults otherwise. */
  static StripeClient rawClient(String baseUrl) {
    return StripeClient.builder().setApiKey(SECRET_KEY).setApiBase(baseUrl).build();
  }

  /**
   * One payment with raw stripe-java: the same two requests, parameters and idempotency keys as the
   * Stripe module sends for a one-time card (see {@code electronic-payments-stripe/STRIPE.md}).
   */
  static PaymentIntent rawPayment(StripeClient client) throws StripeException {
    String id = PaymentId.generate().value();
    String key = id + "-a1";
    PaymentIntentCreateParams create =
        PaymentIntentCreateParams.builder()
            .setAmount(AMOUNT_CENTS)
            .setCurrency("usd")
            .setPaymentMethod(CARD)
            .addPaymentMethodType("card")
            .setCaptureMethod(PaymentIntentCreateParams.CaptureMethod.AUTOMATIC)
            .setConfirm(false)
            .setDescription("Payment " + id)
            .putMetadata("payment_id", id)
            .putMetadata("client_id", CLIENT.value())
            .putMetadata("agency_id", AGENCY.id().value())
            .putMetadata("attempt", "1")
            .build();
    PaymentIntent created =
        client
            .v1()
            .paymentIntents()
            .create(create, RequestOptions.builder().setIdempotencyKey(key + "-create").build());
    PaymentIntentConfirmParams confirm =
        PaymentIntentConfirmParams.builder().addExpand("payment_method").build();
    PaymentIntent confirmed =
        client
            .v1()
            .paymentIntents()
            .confirm(
                created.getId(),
                confirm,
                RequestOptions.builder().setIdempotencyKey(key + "-confirm").build());
    if (!"succeeded".equals(confirmed.getStatus())) {
      throw new IllegalStateException("raw payment " + id + " ended " + confirmed.getStatus());
    }
    return confirmed;
  }

  /** The emulator's address, and the emulator itself when this JVM started it. */
  record Server(String baseUrl, @Nullable StripeEmulator owned) implements AutoCloseable {
    @Override
    public void close() {
      if (owned != null) {
        owned.close();
      }
    }
  }
}
