package org.electronicpayments.examples.web;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.electronicpayments.testkit.stripe.StripeEmulator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * Starts the front-desk web application on {@code http://localhost:8080/}.
 *
 * <p>Without the {@code stripe} profile it first starts the Stripe emulator on {@code 127.0.0.1}
 * (its Stripe.js double serves the card field) and points the starter and the pages at it: no
 * Stripe account and no network. With {@code --spring.profiles.active=stripe} it charges through
 * Stripe test mode with {@code STRIPE_SECRET_KEY} and {@code STRIPE_PUBLISHABLE_KEY}.
 */
@SpringBootApplication
@EnableConfigurationProperties(FrontDeskProperties.class)
public class FrontDeskWebApplication {

  /** The secret key the emulator accepts. */
  static final String EMULATOR_SECRET_KEY = "sk_test_emulator";

  /** The webhook secret the emulator signs its events with in the embedded setup. */
  static final String EMULATOR_WEBHOOK_SECRET = "whsec_front_desk_emulator";

  /**
   * Runs the application.
   *
   * @param args Spring Boot's arguments, such as {@code --server.port=9090} or {@code
   *     --spring.profiles.active=stripe}
   */
  public static void main(String[] args) {
    SpringApplication app = new SpringApplication(FrontDeskWebApplication.class);
    if (!stripeProfile(args)) {
      int port = serverPort(args);
      StripeEmulator emulator =
          StripeEmulator.builder()
              .webhookUrl(
                  java.net.URI.create(
                      "http://127.0.0.1:" + port + "/electronic-payments/stripe/webhook"))
              .webhookSecret(EMULATOR_WEBHOOK_SECRET)
              .start();
      Runtime.getRuntime().addShutdownHook(new Thread(emulator::close, "stripe-emulator-stop"));
      app.setDefaultProperties(emulatorProperties(emulator.baseUrl()));
    }
    app.run(args);
  }

  /**
   * The settings that point the starter and the pages at an emulator.
   *
   * @param baseUrl the emulator's base URL
   * @return the properties
   */
  static Map<String, Object> emulatorProperties(String baseUrl) {
    Map<String, Object> p = new HashMap<>();
    p.put("electronic-payments.stripe.api-base", baseUrl);
    p.put("electronic-payments.stripe.secret-key", EMULATOR_SECRET_KEY);
    p.put("electronic-payments.stripe.webhook-secret", EMULATOR_WEBHOOK_SECRET);
    p.put("front-desk.stripe-js-url", baseUrl + "/v3/");
    p.put("front-desk.publishable-key", "pk_test_emulator");
    return p;
  }

  private static boolean stripeProfile(String[] args) {
    String fromEnv = System.getenv("SPRING_PROFILES_ACTIVE");
    String fromProperty = System.getProperty("spring.profiles.active");
    boolean inArgs =
        Arrays.stream(args)
            .anyMatch(a -> a.startsWith("--spring.profiles.active=") && a.contains("stripe"));
    return inArgs
        || (fromEnv != null && fromEnv.contains("stripe"))
        || (fromProperty != null && fromProperty.contains("stripe"));
  }

  private static int serverPort(String[] args) {
    String port = System.getProperty("server.port", "8080");
    for (String a : args) {
      if (a.startsWith("--server.port=")) {
        port = a.substring("--server.port=".length());
      }
    }
    return Integer.parseInt(port);
  }
}
