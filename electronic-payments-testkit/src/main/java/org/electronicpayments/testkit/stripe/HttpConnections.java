package org.electronicpayments.testkit.stripe;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpHandler;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import org.jspecify.annotations.Nullable;

/**
 * The emulator's HTTP/1.1 server: one thread per connection, keep-alive, {@code Content-Length} and
 * chunked request bodies. A request reaches the handler only once it has arrived whole: its header
 * block ended by the blank line and its body complete. A connection closed (or idle past {@link
 * #IDLE_MILLIS}) before that runs nothing and is closed without an answer, as Stripe never executes
 * an incomplete request. (The JDK's HttpServer took a connection closed inside the header block for
 * the end of the headers, and ran the request.)
 */
final class HttpConnections implements AutoCloseable {

  /** How long a connection may wait for, or in the middle of, a request. */
  static final int IDLE_MILLIS = 30_000;

  private static final int MAX_HEAD = 64 * 1024;
  private static final int MAX_BODY = 16 * 1024 * 1024;

  private final ServerSocket server;
  private final ExecutorService executor;
  private final HttpHandler handler;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  HttpConnections(int port, ExecutorService executor, HttpHandler handler) throws IOException {
    this.server = new ServerSocket(port, 256, InetAddress.getLoopbackAddress());
    this.executor = executor;
    this.handler = handler;
  }

  void start() {
    executor.execute(this::accept);
  }

  int port() {
    return server.getLocalPort();
  }

  /** Stops accepting and cuts every open connection. */
  @Override
  public void close() {
    closed = true;
    quietly(server);
    open.forEach(HttpConnections::quietly);
  }

  private void accept() {
    while (!closed) {
      Socket socket;
      try {
        socket = server.accept();
      } catch (IOException e) {
        return; // closed
      }
      open.add(socket);
      try {
        executor.execute(() -> serve(socket));
      } catch (RuntimeException rejected) {
        open.remove(socket);
        quietly(socket);
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      socket.setTcpNoDelay(true); // a response goes out in one write; never wait for an ACK
      socket.setSoTimeout(IDLE_MILLIS);
      InputStream in = new BufferedInputStream(socket.getInputStream());
      OutputStream out = socket.getOutputStream();
      boolean keepAlive = true;
      while (keepAlive && !closed) {
        Request request = read(in, out);
        if (request == null) {
          return; // closed, cut short or malformed: nothing ran
        }
        EmulatorExchange exchange =
            new EmulatorExchange(
                request.method,
                request.uri,
                request.protocol,
                request.headers,
                request.body,
                socket,
                out);
        try {
          handler.handle(exchange);
        } catch (IOException | RuntimeException dropped) {
          return; // an injected drop, or the client went away: close without an answer
        }
        exchange.close();
        if (!exchange.answered()) {
          return; // the handler gave no answer: close, as the JDK's server does
        }
        keepAlive = request.keepAlive();
      }
    } catch (IOException e) {
      // the connection failed or timed out; whatever was not whole did not run
    } finally {
      open.remove(socket);
    }
  }

  /** The next whole request, or null when the connection ends before one arrives. */
  private static @Nullable Request read(InputStream in, OutputStream out) throws IOException {
    List<String> lines = head(in);
    if (lines == null) {
      return null;
    }
    String[] start =
        lines.get(0).split(" ", 0); // limit 0, as before: a trailing space is tolerated
    if (start.length != 3 || !start[2].startsWith("HTTP/1.")) {
      refuse(out, 400, "Bad Request");
      return null;
    }
    Headers headers = new Headers();
    for (String line : lines.subList(1, lines.size())) {
      int colon = line.indexOf(':');
      if (colon <= 0) {
        refuse(out, 400, "Bad Request");
        return null;
      }
      headers.add(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
    }
    URI uri;
    try {
      uri = new URI(start[1]);
    } catch (URISyntaxException e) {
      refuse(out, 400, "Bad Request");
      return null;
    }
    if ("100-continue".equalsIgnoreCase(headers.getFirst("Expect"))) {
      out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
    }
    byte[] body = body(in, headers);
    if (body == null) {
      refuse(out, 413, "Payload Too Large");
      return null;
    }
    return new Request(start[0], uri, start[2], headers, body);
  }

  /**
   * The request line and header lines, up to the blank line that ends them; null when the
   * connection closed first (before a request began, or inside its header block) or the block is
   * too long.
   */
  private static @Nullable List<String> head(InputStream in) throws IOException {
    List<String> lines = new ArrayList<>();
    ByteArrayOutputStream line = new ByteArrayOutputStream(128);
    int size = 0;
    while (size <= MAX_HEAD) {
      int b = in.read();
      if (b < 0) {
        return null;
      }
      size++;
      if (b != '\n') {
        line.write(b);
        continue;
      }
      String text = line.toString(StandardCharsets.ISO_8859_1);
      text = text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
      line.reset();
      if (!text.isEmpty()) {
        lines.add(text);
      } else if (!lines.isEmpty()) {
        return lines;
      }
    }
    return null;
  }

  /** The whole body, or null when it is too large; throws when the connection ends inside it. */
  private static byte @Nullable [] body(InputStream in, Headers headers) throws IOException {
    String encoding = headers.getFirst("Transfer-Encoding");
    if (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked")) {
      return chunked(in);
    }
    String length = headers.getFirst("Content-Length");
    if (length == null) {
      return new byte[0];
    }
    long n;
    try {
      n = Long.parseLong(length.trim());
    } catch (NumberFormatException e) {
      throw new IOException("Content-Length is not a number");
    }
    if (n < 0 || n > MAX_BODY) {
      return null;
    }
    byte[] body = in.readNBytes((int) n);
    if (body.length < n) {
      throw new IOException("the body stopped before its Content-Length");
    }
    return body;
  }

  private static byte @Nullable [] chunked(InputStream in) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      String size = line(in);
      int semicolon = size.indexOf(';');
      int n;
      try {
        n = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
      } catch (NumberFormatException e) {
        throw new IOException("bad chunk size");
      }
      if (n == 0) {
        while (!line(in).isEmpty()) {
          // trailers are ignored
        }
        return body.toByteArray();
      }
      if (n < 0 || body.size() + n > MAX_BODY) {
        return null;
      }
      byte[] chunk = in.readNBytes(n);
      if (chunk.length < n || !line(in).isEmpty()) {
        throw new IOException("a chunk was cut short");
      }
      body.write(chunk);
    }
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    while (true) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("the connection closed inside a chunked body");
      }
      if (b == '\n') {
        return line.toString().strip();
      }
      line.append((char) b);
    }
  }

  private static void refuse(OutputStream out, int status, String reason) throws IOException {
    out.write(
        ("HTTP/1.1 "
                + status
                + " "
                + reason
                + "\r\nContent-Length: 0\r\nConnection: close"
                + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  private static void quietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception e) {
      // already closed
    }
  }

  /** One request as it arrived. */
  @SuppressWarnings("ArrayRecordComponent") // never compared; the body is read as is
  private record Request(String method, URI uri, String protocol, Headers headers, byte[] body) {

    boolean keepAlive() {
      String connection = headers.getFirst("Connection");
      if (connection != null && connection.toLowerCase(Locale.ROOT).contains("close")) {
        return false;
      }
      return !protocol.equals("HTTP/1.0")
          || (connection != null && connection.toLowerCase(Locale.ROOT).contains("keep-alive"));
    }
  }
}
