package org.electronicpayments.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.electronicpayments.ProcessorException;
import org.electronicpayments.spi.CustomerRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What the module's {@code HttpURLConnection} transport keeps from stripe-java's and what it adds.
 */
class StripeTransportTest {

  static final String REFUSED =
      "{\"error\": {\"type\": \"invalid_request_error\","
          + " \"message\": \"Invalid API Key provided: sk_test_****used\"}}";

  HttpServer server;
  final AtomicInteger requests = new AtomicInteger();
  final Set<InetSocketAddress> connections = ConcurrentHashMap.newKeySet();
  volatile int status = 401;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          requests.incrementAndGet();
          connections.add(exchange.getRemoteAddress());
          try (InputStream in = exchange.getRequestBody()) {
            in.readAllBytes();
          }
          byte[] body =
              (status == 401 ? REFUSED : "{\"id\": \"cus_1\", \"object\": \"customer\"}")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.getResponseHeaders().add("Request-Id", "req_1");
          if (status == 401) {
            exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"Stripe\"");
          }
          exchange.sendResponseHeaders(status, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  @DisplayName(
      "A key Stripe refuses (401) is a ProcessorException on a POST, whose streamed body loses the answer, and on a GET")
  void refusedKeyIsAProcessorExceptionOnPostAndGet() {
    StripePaymentProcessor stripe = processor();

    assertThatThrownBy(
            () ->
                stripe.ensureCustomer(
                    new CustomerRequest(Fixtures.AGENCY, Fixtures.CLIENT, "customer-refused")))
        .isInstanceOf(ProcessorException.class)
        .hasMessageContaining("refused the API key");
    assertThatThrownBy(() -> stripe.listCards("cus_1"))
        .isInstanceOf(ProcessorException.class)
        .hasMessageContaining("refused the API key");
    assertThat(requests).hasValue(2); // neither is retried
  }

  @Test
  @DisplayName(
      "Successive requests reuse one kept-alive connection, as stripe-java's own client does")
  void requestsReuseOneKeptAliveConnection() {
    status = 200;
    StripePaymentProcessor stripe = processor();

    for (int i = 0; i < 5; i++) {
      assertThat(
              stripe.ensureCustomer(
                  new CustomerRequest(Fixtures.AGENCY, Fixtures.CLIENT, "customer-" + i)))
          .isEqualTo("cus_1");
    }

    assertThat(requests).hasValue(5);
    assertThat(connections).hasSize(1);
  }

  private StripePaymentProcessor processor() {
    return StripePaymentProcessor.builder()
        .secretKey("sk_test_refused")
        .apiBase("http://127.0.0.1:" + server.getAddress().getPort())
        .connectTimeout(Duration.ofSeconds(1))
        .readTimeout(Duration.ofSeconds(2))
        .maxNetworkRetries(1)
        .deadline(Duration.ofSeconds(4))
        .build();
  }
}
