package org.electronicpayments.testkit.stripe;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One whole request served by {@link HttpConnections}, behind the JDK's {@link HttpExchange}
 * interface. The response is written in one piece, status line, headers and body, when its body
 * stream is closed.
 */
final class EmulatorExchange extends HttpExchange {

  private final String method;
  private final URI uri;
  private final String protocol;
  private final Headers requestHeaders;
  private final InputStream requestBody;
  private final Socket socket;
  private final OutputStream socketOut;
  private final Headers responseHeaders = new Headers();
  private final Map<String, Object> attributes = new HashMap<>();
  private final ByteArrayOutputStream responseBody = new ByteArrayOutputStream();
  private final OutputStream bodyStream =
      new OutputStream() {
        @Override
        public void write(int b) {
          responseBody.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
          responseBody.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
          finish();
        }
      };
  private int status = -1;
  private boolean answered;

  EmulatorExchange(
      String method,
      URI uri,
      String protocol,
      Headers requestHeaders,
      byte[] body,
      Socket socket,
      OutputStream socketOut) {
    this.method = method;
    this.uri = uri;
    this.protocol = protocol;
    this.requestHeaders = requestHeaders;
    this.requestBody = new ByteArrayInputStream(body);
    this.socket = socket;
    this.socketOut = socketOut;
  }

  /** Whether the whole response went out. */
  boolean answered() {
    return answered;
  }

  @Override
  public Headers getRequestHeaders() {
    return requestHeaders;
  }

  @Override
  public Headers getResponseHeaders() {
    return responseHeaders;
  }

  @Override
  public URI getRequestURI() {
    return uri;
  }

  @Override
  public String getRequestMethod() {
    return method;
  }

  @Override
  public HttpContext getHttpContext() {
    throw new UnsupportedOperationException("the emulator serves one context, /");
  }

  @Override
  public void close() {
    try {
      finish();
    } catch (IOException e) {
      // the client went away
    }
  }

  @Override
  public InputStream getRequestBody() {
    return requestBody;
  }

  @Override
  public OutputStream getResponseBody() {
    return bodyStream;
  }

  /** Records the status; the length is taken from the body when it is closed. */
  @Override
  public void sendResponseHeaders(int rCode, long responseLength) {
    if (status != -1) {
      throw new IllegalStateException("headers already sent");
    }
    status = rCode;
  }

  @Override
  public InetSocketAddress getRemoteAddress() {
    return (InetSocketAddress) socket.getRemoteSocketAddress();
  }

  @Override
  public int getResponseCode() {
    return status;
  }

  @Override
  public InetSocketAddress getLocalAddress() {
    return (InetSocketAddress) socket.getLocalSocketAddress();
  }

  @Override
  public String getProtocol() {
    return protocol;
  }

  @Override
  public @Nullable Object getAttribute(String name) {
    return attributes.get(name);
  }

  @Override
  public void setAttribute(String name, @Nullable Object value) {
    if (value == null) {
      attributes.remove(name);
    } else {
      attributes.put(name, value);
    }
  }

  @Override
  public void setStreams(@Nullable InputStream i, @Nullable OutputStream o) {
    throw new UnsupportedOperationException("the emulator's streams cannot be replaced");
  }

  @Override
  public @Nullable HttpPrincipal getPrincipal() {
    return null;
  }

  private void finish() throws IOException {
    if (answered || status == -1) {
      return;
    }
    answered = true;
    byte[] body = responseBody.toByteArray();
    StringBuilder head =
        new StringBuilder(256)
            .append("HTTP/1.1 ")
            .append(status)
            .append(' ')
            .append(reason(status))
            .append("\r\n");
    head.append("Date: ")
        .append(DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)))
        .append("\r\n");
    for (Map.Entry<String, List<String>> header : responseHeaders.entrySet()) {
      if (header.getKey().equalsIgnoreCase("Content-Length")) {
        continue;
      }
      for (String value : header.getValue()) {
        head.append(header.getKey()).append(": ").append(value).append("\r\n");
      }
    }
    head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
    byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
    byte[] all = new byte[headBytes.length + body.length];
    System.arraycopy(headBytes, 0, all, 0, headBytes.length);
    System.arraycopy(body, 0, all, headBytes.length, body.length);
    socketOut.write(all);
    socketOut.flush();
  }

  private static String reason(int status) {
    return switch (status) {
      case 200 -> "OK";
      case 204 -> "No Content";
      case 302 -> "Found";
      case 303 -> "See Other";
      case 304 -> "Not Modified";
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 402 -> "Payment Required";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 409 -> "Conflict";
      case 429 -> "Too Many Requests";
      case 500 -> "Internal Server Error";
      case 502 -> "Bad Gateway";
      case 503 -> "Service Unavailable";
      case 504 -> "Gateway Timeout";
      default -> "Status";
    };
  }
}
