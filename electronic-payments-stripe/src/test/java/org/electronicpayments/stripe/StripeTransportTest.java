package org.electronicpayments.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.Stripe;
import com.stripe.net.HttpClient;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
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
  final List<String> userAgents = new CopyOnWriteArrayList<>();
  final List<String> clientUserAgents = new CopyOnWriteArrayList<>();
  volatile int status = 401;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          requests.incrementAndGet();
          connections.add(exchange.getRemoteAddress());
          userAgents.add(String.valueOf(exchange.getRequestHeaders().getFirst("User-Agent")));
          clientUserAgents.add(
              String.valueOf(exchange.getRequestHeaders().getFirst("X-Stripe-Client-User-Agent")));
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

  @Test
  @DisplayName(
      "The client headers are stripe-java's own, built once, and built again when Stripe.setAppInfo"
          + " changes them")
  void clientHeadersFollowAppInfo() throws ReflectiveOperationException {
    status = 200;
    Field appInfo = Stripe.class.getDeclaredField("appInfo");
    appInfo.setAccessible(true);
    Object before = appInfo.get(null);
    try {
      StripePaymentProcessor stripe = processor();
      stripe.ensureCustomer(new CustomerRequest(Fixtures.AGENCY, Fixtures.CLIENT, "customer-1"));
      stripe.ensureCustomer(new CustomerRequest(Fixtures.AGENCY, Fixtures.CLIENT, "customer-2"));
      Stripe.setAppInfo("ep-transport-test", "1.2.3");
      stripe.ensureCustomer(new CustomerRequest(Fixtures.AGENCY, Fixtures.CLIENT, "customer-3"));
      Stripe.setAppInfo("ep-transport-test", "1.2.4");
      stripe.ensureCustomer(new CustomerRequest(Fixtures.AGENCY, Fixtures.CLIENT, "customer-4"));

      assertThat(clientUserAgents).hasSize(4);
      assertThat(clientUserAgents.get(0))
          .isEqualTo(clientUserAgents.get(1))
          .contains("\"bindings.version\"")
          .doesNotContain("ep-transport-test");
      assertThat(clientUserAgents.get(2)).contains("ep-transport-test").contains("1.2.3");
      assertThat(clientUserAgents.get(3)).contains("1.2.4").doesNotContain("1.2.3");
      assertThat(clientUserAgents.get(3)).isEqualTo(StripeHeaders.clientUserAgent());
      assertThat(userAgents.get(0))
          .isEqualTo(userAgents.get(1))
          .startsWith("Stripe/v1 JavaBindings/");
      assertThat(userAgents.get(2)).contains("ep-transport-test/1.2.3");
      assertThat(userAgents.get(3)).contains("ep-transport-test/1.2.4");
    } finally {
      appInfo.set(null, before);
    }
  }

  /** stripe-java's own builders of the client headers. */
  private abstract static class StripeHeaders extends HttpClient {
    static String clientUserAgent() {
      return buildXStripeClientUserAgentString();
    }
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
