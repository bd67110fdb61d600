package org.electronicpayments.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.exception.ApiConnectionException;
import com.stripe.net.ApiMode;
import com.stripe.net.ApiResource;
import com.stripe.net.RequestOptions;
import com.stripe.net.StripeRequest;
import com.stripe.net.StripeResponse;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.FileInputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.electronicpayments.CardChoice;
import org.electronicpayments.ElectronicPayments;
import org.electronicpayments.PaymentResult;
import org.electronicpayments.PaymentStatus;
import org.electronicpayments.testkit.stripe.StripeEmulator;
import org.electronicpayments.testkit.stripe.StripeEmulatorExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * stripe-java's connection proxy option: every request goes through the proxy, http and https
 * alike.
 */
@ExtendWith(StripeEmulatorExtension.class)
class StripeProxyTest {

  @Test
  @DisplayName(
      "With a proxy set, every request of a charge goes through it, with the proxy's credential")
  void chargeGoesThroughTheProxy(StripeEmulator emulator) throws Exception {
    try (ForwardProxy proxy = ForwardProxy.start()) {
      StripePaymentProcessor stripe =
          Fixtures.builder(emulator)
              .proxy(proxy.proxy())
              .proxyCredential(new PasswordAuthentication("agency", "s3cret".toCharArray()))
              .build();
      assertThat(stripe.toString()).doesNotContain("s3cret");
      ElectronicPayments payments = Facades.facade(stripe);

      PaymentResult result =
          payments.process(
              Facades.DESK, Facades.request(CardChoice.oneTime("pm_card_visa"), true, "12.00"));

      assertThat(result.status()).isEqualTo(PaymentStatus.SUCCEEDED);
      assertThat(emulator.succeededCharges()).hasSize(1);
      String credential =
          "Proxy-Authorization: Basic "
              + Base64.getEncoder()
                  .encodeToString("agency:s3cret".getBytes(StandardCharsets.UTF_8));
      assertThat(proxy.heads())
          .isNotEmpty()
          .allSatisfy(
              head ->
                  assertThat(head)
                      .startsWith("POST " + emulator.baseUrl() + "/v1/payment_intents")
                      .contains(credential));
    }
  }

  @Test
  @DisplayName(
      "https through an HTTP proxy: a CONNECT tunnel, then TLS with the server's name verified")
  void httpsGoesThroughAConnectTunnel(@TempDir Path dir) throws Exception {
    char[] password = "changeit".toCharArray();
    Path keys = dir.resolve("server.p12");
    Process keytool =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                "server",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=localhost",
                "-ext",
                "SAN=dns:localhost",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                keys.toString(),
                "-storepass",
                "changeit",
                "-keypass",
                "changeit")
            .redirectErrorStream(true)
            .start();
    keytool.getInputStream().readAllBytes();
    assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = new FileInputStream(keys.toFile())) {
      store.load(in, password);
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(store, password);
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(store);
    SSLContext serverTls = SSLContext.getInstance("TLS");
    serverTls.init(kmf.getKeyManagers(), null, null);
    SSLContext clientTls = SSLContext.getInstance("TLS");
    clientTls.init(null, tmf.getTrustManagers(), null);

    HttpsServer server =
        HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(serverTls));
    server.createContext(
        "/",
        exchange -> {
          byte[] body =
              "{\"id\": \"cus_tls\", \"object\": \"customer\"}".getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    try (ForwardProxy proxy = ForwardProxy.start()) {
      int port = server.getAddress().getPort();
      RequestOptions options =
          RequestOptions.builder()
              .setApiKey("sk_test_tls")
              .setConnectionProxy(proxy.proxy())
              .build();

      StripeResponse response =
          new BoundedExchange(Duration.ofSeconds(2), clientTls.getSocketFactory())
              .send(
                  get("https://localhost:" + port + "/v1/customers/cus_tls", options),
                  5000,
                  "ua",
                  "{}");

      assertThat(response.code()).isEqualTo(200);
      assertThat(response.body()).contains("cus_tls");
      assertThat(proxy.heads())
          .singleElement()
          .asString()
          .startsWith("CONNECT localhost:" + port + " HTTP/1.1");
      // the same server under a name its certificate does not carry, and a client that does not
      // trust it
      assertThatThrownBy(
              () ->
                  new BoundedExchange(Duration.ofSeconds(2), clientTls.getSocketFactory())
                      .send(
                          get("https://127.0.0.1:" + port + "/v1/customers/cus_tls", options),
                          5000,
                          "ua",
                          "{}"))
          .isInstanceOf(ApiConnectionException.class);
      assertThatThrownBy(
              () ->
                  new BoundedExchange(
                          Duration.ofSeconds(2), (SSLSocketFactory) SSLSocketFactory.getDefault())
                      .send(
                          get("https://localhost:" + port + "/v1/customers/cus_tls", options),
                          5000,
                          "ua",
                          "{}"))
          .isInstanceOf(ApiConnectionException.class);
    } finally {
      server.stop(0);
      Files.deleteIfExists(keys);
    }
  }

  private static StripeRequest get(String url, RequestOptions options) throws Exception {
    return StripeRequest.create(ApiResource.RequestMethod.GET, url, Map.of(), options, ApiMode.V1);
  }
}
