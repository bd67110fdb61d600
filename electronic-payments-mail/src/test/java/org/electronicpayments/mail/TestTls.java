package org.electronicpayments.mail;

import java.io.InputStream;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The tests' certificate: CN=localhost with SAN localhost and 127.0.0.1, self-signed, in {@code
 * tls/localhost.p12} (password {@code changeit}; GreenMail's SMTPS serves it too). Made with {@code
 * keytool -genkeypair -alias localhost -keyalg RSA -validity 9000 -ext
 * san=dns:localhost,ip:127.0.0.1}. {@code tls/other-host.p12} is the same kind of certificate for
 * {@code mail.other.example} only, for a server that presents a certificate of another host.
 */
final class TestTls {

  static final String LOCALHOST = "localhost.p12";
  static final String OTHER_HOST = "other-host.p12";
  private static final char[] PASSWORD = "changeit".toCharArray();

  private TestTls() {}

  /** A client context that trusts the test certificate, and nothing else. */
  static SSLContext trustingTestCertificate() throws Exception {
    return trusting(LOCALHOST);
  }

  /** A client context that trusts the certificate in the given key store, and nothing else. */
  static SSLContext trusting(String keyStore) throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("localhost", keyStore(keyStore).getCertificate("localhost"));
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(null, tmf.getTrustManagers(), null);
    return ctx;
  }

  /** A server context presenting the test certificate. */
  static SSLContext server() throws Exception {
    return server(LOCALHOST);
  }

  /** A server context presenting the certificate in the given key store. */
  static SSLContext server(String keyStore) throws Exception {
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(keyStore(keyStore), PASSWORD);
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(kmf.getKeyManagers(), null, null);
    return ctx;
  }

  private static KeyStore keyStore(String name) throws Exception {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = TestTls.class.getResourceAsStream("/tls/" + name)) {
      if (in == null) {
        throw new IllegalStateException("tls/" + name + " is missing from the test resources");
      }
      ks.load(in, PASSWORD);
    }
    return ks;
  }
}
