package org.electronicpayments.testkit.stripe;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Posts events, signed, to the configured webhook URL, one at a time in order of creation. */
final class WebhookDispatcher implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);

  private final URI url;
  private final String secret;
  private final Supplier<Instant> clock;
  private final ExecutorService executor =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "stripe-emulator-webhooks");
            t.setDaemon(true);
            return t;
          });
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  WebhookDispatcher(URI url, String secret, Supplier<Instant> clock) {
    this.url = url;
    this.secret = secret;
    this.clock = clock;
  }

  void deliver(String eventId, byte[] body) {
    executor.execute(() -> send(eventId, new String(body, StandardCharsets.UTF_8)));
  }

  private void send(String eventId, String payload) {
    HttpRequest request =
        HttpRequest.newBuilder(url)
            .timeout(Duration.ofSeconds(5))
            .header("Content-Type", "application/json; charset=utf-8")
            .header("User-Agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks)")
            .header(WebhookSignature.HEADER, WebhookSignature.header(payload, secret, clock.get()))
            .POST(HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8))
            .build();
    try {
      HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
      LOG.debug("Webhook {} delivered to {}: HTTP {}", eventId, url, response.statusCode());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      LOG.warn("Webhook {} could not be delivered to {}", eventId, url, e);
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
