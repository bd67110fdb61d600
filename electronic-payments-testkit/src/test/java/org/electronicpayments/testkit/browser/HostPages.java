package org.electronicpayments.testkit.browser;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A host application's card pages, served from their own origin (not the emulator's), each written
 * against Stripe.js's documented API and loading the script from {@code <baseUrl>/v3/} as a host
 * test would. Each page mounts a card Element in {@code #card-element}, shows {@code change} errors
 * in {@code #card-errors}, and on submit runs one Stripe.js call and writes its result as JSON into
 * {@code #result}. The page records the element's events in {@code window.events} and, for the
 * tests' leak check, every API response body in {@code window.responses}. Shared with the Stripe
 * module's browser tests through this module's test jar.
 */
public final class HostPages implements AutoCloseable {

  /** The call each page makes on submit; {@code secret} is the client secret in the URL. */
  private static final Map<String, String> CALLS =
      Map.ofEntries(
          Map.entry(
              "create-payment-method",
              "stripe.createPaymentMethod({type: 'card', card: card,"
                  + " billing_details: {name: 'Client 1000', email: 'client@example.test'}})"),
          Map.entry(
              "create-payment-method-from-elements",
              "elements.submit().then(function (s) {"
                  + " return s.error ? s : stripe.createPaymentMethod({elements: elements,"
                  + " params: {billing_details: {name: 'Client 1000'}}}); })"),
          Map.entry(
              "confirm-card-payment",
              "stripe.confirmCardPayment(secret, {payment_method:"
                  + " {card: card, billing_details: {name: 'Client 1000'}}})"),
          Map.entry(
              "handle-next-action",
              "stripe.confirmCardPayment(secret, {payment_method:"
                  + " {card: card}}, {handleActions: false}).then(function (r) {"
                  + " if (r.error || r.paymentIntent.status !== 'requires_action') return r;"
                  + " window.beforeAction = r.paymentIntent.status;"
                  + " return stripe.handleNextAction({clientSecret: secret}); })"),
          Map.entry("next-action", "stripe.handleNextAction({clientSecret: secret})"),
          Map.entry(
              "confirm-card-setup",
              "stripe.confirmCardSetup(secret, {payment_method:"
                  + " {card: card, billing_details: {name: 'Client 1000'}}})"),
          Map.entry("retrieve-payment-intent", "stripe.retrievePaymentIntent(secret)"));

  private final HttpServer server;
  private final String emulatorBaseUrl;

  /**
   * Serves the pages on a free port of {@code localhost}, another origin than the emulator's.
   *
   * @param emulatorBaseUrl where the pages load {@code /v3/} from and Stripe.js calls
   */
  public HostPages(String emulatorBaseUrl) {
    this.emulatorBaseUrl = emulatorBaseUrl;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/",
        exchange -> {
          String name = exchange.getRequestURI().getPath().substring(1);
          String call = CALLS.get(name);
          byte[] body =
              (call == null ? "no such page" : page(name, call)).getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
          exchange.sendResponseHeaders(call == null ? 404 : 200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
  }

  /**
   * The URL of a page.
   *
   * @param call the page's name ({@code confirm-card-payment}…)
   * @param publishableKey the key the page passes to {@code Stripe()}
   * @param clientSecret the intent's client secret, or null
   * @param element {@code card} or {@code payment}
   * @param account the connected account for {@code Stripe(pk, {stripeAccount})}, or null
   * @return the page's URL
   */
  public String url(
      String call, String publishableKey, String clientSecret, String element, String account) {
    return "http://localhost:"
        + server.getAddress().getPort()
        + "/"
        + call
        + "?pk="
        + encode(publishableKey)
        + "&secret="
        + encode(clientSecret)
        + "&element="
        + encode(element)
        + "&account="
        + encode(account);
  }

  private static String encode(String value) {
    return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private String page(String name, String call) {
    return """
        <!doctype html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <title>%s</title>
          <script>
            // Test instrumentation: keep every API response body for the leak check.
            window.responses = [];
            var originalFetch = window.fetch;
            window.fetch = function () {
              return originalFetch.apply(this, arguments).then(function (response) {
                return response.clone().text().then(function (text) {
                  window.responses.push(text);
                  return response;
                });
              });
            };
          </script>
          <script src="%s/v3/"></script>
          <style>
            body { font: 16px system-ui, sans-serif; margin: 40px; }
            #card-element { border: 1px solid #ccc; border-radius: 4px; padding: 10px; width: 520px; }
            .StripeElement--focus { border-color: #5469d4 !important; }
            .StripeElement--invalid { border-color: #c23d4b !important; }
            #card-errors { color: #c23d4b; min-height: 1.4em; margin: 8px 0; }
            #result { white-space: pre-wrap; word-break: break-all; }
          </style>
        </head>
        <body>
          <h1>New Payment: %s</h1>
          <form id="payment-form">
            <label>Card</label>
            <div id="card-element"></div>
            <div id="card-errors" role="alert"></div>
            <button id="submit" type="submit">Pay</button>
            <button id="other" type="button">Other field</button>
          </form>
          <pre id="result"></pre>
          <script>
            var query = new URLSearchParams(location.search);
            var secret = query.get('secret');
            window.events = [];
            try {
              var account = query.get('account');
              var stripe = account ? Stripe(query.get('pk'), {stripeAccount: account})
                  : Stripe(query.get('pk'));
              var elements = stripe.elements();
              var card = elements.create(query.get('element') || 'card');
              card.mount('#card-element');
              ['ready', 'change', 'focus', 'blur'].forEach(function (type) {
                card.on(type, function (event) {
                  window.events.push(Object.assign({event: type}, event));
                  if (type === 'change') {
                    document.getElementById('card-errors').textContent =
                        event.error ? event.error.message : '';
                  }
                });
              });
            } catch (e) {
              document.getElementById('result').textContent =
                  JSON.stringify({thrown: e.name, message: e.message});
            }
            document.getElementById('payment-form').addEventListener('submit', function (event) {
              event.preventDefault();
              Promise.resolve().then(function () { return %s; }).then(function (result) {
                document.getElementById('result').textContent = JSON.stringify(result);
              }, function (e) {
                document.getElementById('result').textContent =
                    JSON.stringify({thrown: e.name, message: e.message});
              });
            });
          </script>
        </body>
        </html>
        """
        .formatted(name, emulatorBaseUrl, name, call);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
