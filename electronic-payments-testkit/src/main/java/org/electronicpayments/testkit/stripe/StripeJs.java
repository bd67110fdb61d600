package org.electronicpayments.testkit.stripe;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.electronicpayments.testkit.StripeTestCard;
import org.electronicpayments.testkit.StripeTestCards;

/**
 * The Stripe.js double served at {@code <baseUrl>/v3/} (a page loads it instead of {@code
 * https://js.stripe.com/v3/}), and the answer to CORS preflight requests. The script is a resource
 * of this package; the test card numbers its card field accepts are filled in from the emulator's
 * test card table, so that the browser and the API agree.
 */
final class StripeJs {

  private static final String RESOURCE = "stripe-v3.js";
  private static final String CARDS_PLACEHOLDER = "__EMULATOR_TEST_CARDS__";
  private static final byte[] SCRIPT = load();

  private StripeJs() {}

  /** Whether this handler answers the request: the script, or a preflight. */
  static boolean serves(String method, String path) {
    return (method.equals("GET") && (path.equals("/v3") || path.equals("/v3/")))
        || method.equals("OPTIONS");
  }

  static void serve(HttpExchange exchange) throws IOException {
    Headers out = exchange.getResponseHeaders();
    out.set("Access-Control-Allow-Origin", "*");
    if (exchange.getRequestMethod().equalsIgnoreCase("OPTIONS")) {
      out.set("Access-Control-Allow-Methods", "GET, POST");
      out.set(
          "Access-Control-Allow-Headers",
          "Authorization, Content-Type, Idempotency-Key, Stripe-Account, Stripe-Version");
      out.set("Access-Control-Max-Age", "600");
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
      return;
    }
    out.set("Content-Type", "application/javascript; charset=utf-8");
    out.set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(200, SCRIPT.length);
    try (OutputStream body = exchange.getResponseBody()) {
      body.write(SCRIPT);
    }
  }

  private static byte[] load() {
    try (InputStream in =
        Objects.requireNonNull(StripeJs.class.getResourceAsStream(RESOURCE), RESOURCE)) {
      String script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      ObjectNode cards = Json.object();
      for (StripeTestCard card : StripeTestCards.all()) {
        card.numbers().forEach(number -> cards.put(number, card.brand()));
      }
      return script.replace(CARDS_PLACEHOLDER, cards.toString()).getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
