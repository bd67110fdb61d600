package org.electronicpayments.spring.boot.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import org.electronicpayments.testkit.stripe.StripeEmulator;
import org.jspecify.annotations.Nullable;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The Stripe emulator and the test application's port, chosen before the application starts so the
 * emulator can deliver its signed webhooks to the running application.
 */
final class EmulatedStripe {

  static final String WEBHOOK_SECRET = "whsec_starter_test";
  static final String FRONT_DESK_PERMISSIONS =
      "PROCESS_ELECTRONIC_PAYMENTS,RECORD_PAYMENTS,SAVE_CARD,"
          + "CHARGE_SAVED_CARD,MANAGE_SAVED_CARDS,REFUND,SEND_RECEIPTS,VIEW_PAYMENTS,POST_PAYMENTS,RECONCILE_PAYMENTS";

  final int appPort = freePort();
  final StripeEmulator emulator;

  EmulatedStripe(boolean deliverWebhooks) {
    var b = StripeEmulator.builder().webhookSecret(WEBHOOK_SECRET);
    if (deliverWebhooks) {
      b.webhookUrl(
          URI.create("http://127.0.0.1:" + appPort + "/electronic-payments/stripe/webhook"));
    }
    emulator = b.start();
  }

  /**
   * The three properties of a host, pointed at the emulator, plus the test's own.
   *
   * @param registry the test's properties
   * @param database the H2 database's name
   */
  void register(DynamicPropertyRegistry registry, String database) {
    registry.add("server.port", () -> appPort);
    registry.add("electronic-payments.stripe.secret-key", () -> "sk_test_emulator");
    registry.add("electronic-payments.stripe.webhook-secret", () -> WEBHOOK_SECRET);
    registry.add("electronic-payments.agency.name", () -> "Riverside Counseling");
    registry.add("electronic-payments.stripe.api-base", emulator::baseUrl);
    registry.add(
        "electronic-payments.security.roles[ROLE_FRONT_DESK]", () -> FRONT_DESK_PERMISSIONS);
    registry.add("electronic-payments.reconcile.initial-delay", () -> "1h");
    registry.add("spring.datasource.url", () -> "jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1");
    registry.add("management.endpoint.health.show-details", () -> "always");
    registry.add("electronic-payments.agencies.eastside.name", () -> "Eastside Family Therapy");
    registry.add("electronic-payments.agencies.eastside.connected-account", () -> "acct_eastside");
  }

  static String pi(@Nullable String clientSecret) {
    String s = String.valueOf(clientSecret);
    return s.substring(0, s.indexOf("_secret_"));
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
