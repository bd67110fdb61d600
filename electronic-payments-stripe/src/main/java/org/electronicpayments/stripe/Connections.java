package org.electronicpayments.stripe;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.jspecify.annotations.Nullable;

/**
 * Opens and keeps alive the {@link HttpConnection}s of one processor, per route (scheme, host,
 * port, proxy): directly, through a SOCKS proxy, or through an HTTP proxy (a {@code CONNECT} tunnel
 * for https, absolute request targets for http). https is verified as the JDK's {@code
 * HttpsURLConnection} does: the default trust store and the host name checked against the
 * certificate. Without a per-request proxy, the JVM's {@link ProxySelector} decides, as it does for
 * {@code HttpURLConnection}.
 */
final class Connections {

  /** Idle connections kept per route. */
  static final int MAX_IDLE = 64;

  /**
   * An idle connection older than this is checked before reuse ({@link
   * HttpConnection#stillOpen()}).
   */
  static final long FRESH_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final SSLSocketFactory tls;
  private final ConcurrentHashMap<Route, Deque<HttpConnection>> idle = new ConcurrentHashMap<>();

  Connections(SSLSocketFactory tls) {
    this.tls = tls;
  }

  /**
   * Where one request goes.
   *
   * @param https whether the target is https
   * @param host the target host (IPv6 literals without brackets)
   * @param port the target port
   * @param proxy the proxy to go through, or {@link Proxy#NO_PROXY}
   */
  record Route(boolean https, String host, int port, Proxy proxy) {

    static Route of(URL url, @Nullable Proxy requested) throws IOException {
      boolean https = "https".equalsIgnoreCase(url.getProtocol());
      if (!https && !"http".equalsIgnoreCase(url.getProtocol())) {
        throw new IOException("not an http or https URL");
      }
      String host = url.getHost();
      if (host.startsWith("[") && host.endsWith("]")) {
        host = host.substring(1, host.length() - 1);
      }
      int port = url.getPort() < 0 ? url.getDefaultPort() : url.getPort();
      return new Route(https, host, port, requested != null ? requested : selected(url));
    }

    /**
     * Whether requests are sent to an HTTP proxy as absolute URLs (plain http through an HTTP
     * proxy).
     */
    boolean absoluteTarget() {
      return !https && proxy.type() == Proxy.Type.HTTP;
    }

    private static Proxy selected(URL url) {
      ProxySelector selector = ProxySelector.getDefault();
      if (selector == null) {
        return Proxy.NO_PROXY;
      }
      try {
        List<Proxy> proxies = selector.select(url.toURI());
        return proxies == null || proxies.isEmpty() ? Proxy.NO_PROXY : proxies.get(0);
      } catch (java.net.URISyntaxException | RuntimeException e) {
        return Proxy.NO_PROXY;
      }
    }
  }

  /**
   * An idle connection of the route that is still open, or a new one connected by {@code endNanos}.
   */
  HttpConnection take(
      Route route,
      @Nullable PasswordAuthentication proxyCredential,
      int connectTimeoutMillis,
      long endNanos)
      throws IOException {
    Deque<HttpConnection> kept = idle.get(route);
    if (kept != null) {
      for (HttpConnection c = kept.pollFirst(); c != null; c = kept.pollFirst()) {
        if (c.idleNanos() < FRESH_NANOS || c.stillOpen()) {
          return c;
        }
        c.close();
      }
    }
    return open(route, proxyCredential, connectTimeoutMillis, endNanos);
  }

  /**
   * Keeps a connection whose last answer was read to its end, for the next request of the route.
   */
  void give(Route route, HttpConnection connection) {
    Deque<HttpConnection> kept = idle.computeIfAbsent(route, r -> new ConcurrentLinkedDeque<>());
    if (kept.size() >= MAX_IDLE) {
      connection.close();
      return;
    }
    connection.idle();
    kept.offerFirst(connection);
  }

  /** The {@code Proxy-Authorization} value for a credential. */
  static String basic(PasswordAuthentication credential) {
    String pair = credential.getUserName() + ":" + new String(credential.getPassword());
    return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  /** A new connection of the route, connected by {@code endNanos}; never one kept idle. */
  HttpConnection open(
      Route route,
      @Nullable PasswordAuthentication proxyCredential,
      int connectTimeoutMillis,
      long endNanos)
      throws IOException {
    Proxy proxy = route.proxy();
    Socket socket = proxy.type() == Proxy.Type.SOCKS ? new Socket(proxy) : new Socket();
    boolean done = false;
    try {
      InetSocketAddress to =
          proxy.type() == Proxy.Type.HTTP
              ? (InetSocketAddress) proxy.address()
              : proxy.type() == Proxy.Type.SOCKS
                  ? InetSocketAddress.createUnresolved(route.host(), route.port())
                  : new InetSocketAddress(route.host(), route.port());
      if (to.isUnresolved() && proxy.type() != Proxy.Type.SOCKS) {
        to = new InetSocketAddress(to.getHostString(), to.getPort());
      }
      long left = TimeUnit.NANOSECONDS.toMillis(endNanos - System.nanoTime());
      if (left <= 0) {
        throw new java.net.SocketTimeoutException("no time left to connect");
      }
      socket.connect(to, (int) Math.max(1, Math.min(connectTimeoutMillis, left)));
      socket.setTcpNoDelay(true);
      Socket usable = socket;
      if (route.https()) {
        if (proxy.type() == Proxy.Type.HTTP) {
          tunnel(socket, route, proxyCredential, endNanos);
        }
        usable = handshake(socket, route, endNanos);
      }
      HttpConnection connection = new HttpConnection(usable);
      done = true;
      return connection;
    } finally {
      if (!done) {
        socket.close();
      }
    }
  }

  private static void tunnel(
      Socket socket, Route route, @Nullable PasswordAuthentication credential, long endNanos)
      throws IOException {
    String target =
        (route.host().contains(":") ? "[" + route.host() + "]" : route.host()) + ":" + route.port();
    StringBuilder connect =
        new StringBuilder(128)
            .append("CONNECT ")
            .append(target)
            .append(" HTTP/1.1\r\nHost: ")
            .append(target)
            .append("\r\n");
    if (credential != null) {
      connect.append("Proxy-Authorization: ").append(basic(credential)).append("\r\n");
    }
    connect.append("\r\n");
    HttpConnection proxy = new HttpConnection(socket);
    proxy.write(HttpConnection.ascii(connect));
    HttpConnection.Answer answer = proxy.read(endNanos, true);
    if (answer.code() != 200) {
      throw new IOException(
          "the proxy refused the tunnel to " + target + " (HTTP " + answer.code() + ")");
    }
  }

  private SSLSocket handshake(Socket socket, Route route, long endNanos) throws IOException {
    SSLSocket tlsSocket = (SSLSocket) tls.createSocket(socket, route.host(), route.port(), true);
    SSLParameters parameters = tlsSocket.getSSLParameters();
    parameters.setEndpointIdentificationAlgorithm("HTTPS");
    tlsSocket.setSSLParameters(parameters);
    long left = TimeUnit.NANOSECONDS.toMillis(endNanos - System.nanoTime());
    if (left <= 0) {
      throw new java.net.SocketTimeoutException("no time left for the TLS handshake");
    }
    tlsSocket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
    tlsSocket.startHandshake();
    return tlsSocket;
  }
}
