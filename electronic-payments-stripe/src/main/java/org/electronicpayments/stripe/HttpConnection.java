package org.electronicpayments.stripe;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * One HTTP/1.1 connection to Stripe (or through a proxy to it): writes a request in one piece and
 * reads its answer with every read bounded by the end of the try. Before each read the socket's
 * timeout is set to the time left, so a server that stops sending, trickles its answer a byte at a
 * time, or never closes a body without a length cannot hold the caller past that end. Not
 * thread-safe: one try uses it at a time, then gives it back to {@link Connections}.
 */
final class HttpConnection implements Closeable {

  /** The longest status or header line accepted. */
  static final int MAX_LINE = 64 * 1024;

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private final byte[] buffer = new byte[16 * 1024];
  private int pos;
  private int limit;
  private long idleSinceNanos = System.nanoTime();
  private int answers;
  private boolean answerStarted;

  HttpConnection(Socket socket) throws IOException {
    this.socket = socket;
    this.in = socket.getInputStream();
    this.out = socket.getOutputStream();
  }

  /**
   * An HTTP answer: status, headers (names case-insensitive) and body, and whether the connection
   * may be reused.
   */
  @SuppressWarnings("ArrayRecordComponent") // never compared; the body is handed on as is
  record Answer(int code, Map<String, List<String>> headers, byte[] body, boolean reusable) {}

  /** Sends the request's bytes (request line, headers, body), in one write. */
  void write(byte[] request) throws IOException {
    answerStarted = false;
    out.write(request);
    out.flush();
  }

  /**
   * Reads the answer to the request just written; informational (1xx) answers are skipped.
   *
   * @param endNanos when the try ends ({@link System#nanoTime()} scale)
   * @param head whether the request was a HEAD (no body)
   * @throws SocketTimeoutException when the answer is not complete by {@code endNanos}
   */
  Answer read(long endNanos, boolean head) throws IOException {
    answerStarted |= pos < limit;
    Answer answer = readAnswer(endNanos, head);
    answers++;
    return answer;
  }

  /**
   * Whether a try failed because the server had closed this kept-alive connection while it was
   * idle: the connection carried an answer before, and the failure (its end, or a reset) came
   * before a single byte of the new answer. A timeout is never such a failure.
   */
  boolean closedWhileIdle(IOException failure) {
    return answers > 0
        && !answerStarted
        && (failure instanceof EOFException || failure instanceof java.net.SocketException);
  }

  private Answer readAnswer(long endNanos, boolean head) throws IOException {
    while (true) {
      String status = line(endNanos);
      if (!status.startsWith("HTTP/1.") || status.length() < 12 || status.charAt(8) != ' ') {
        throw new IOException("not an HTTP/1.x status line");
      }
      int code;
      try {
        code = Integer.parseInt(status.substring(9, 12));
      } catch (NumberFormatException e) {
        throw new IOException("not an HTTP status code", e);
      }
      Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      for (String line = line(endNanos); !line.isEmpty(); line = line(endNanos)) {
        int colon = line.indexOf(':');
        if (colon <= 0) {
          throw new IOException("malformed header line");
        }
        headers
            .computeIfAbsent(line.substring(0, colon).trim(), k -> new ArrayList<>(1))
            .add(line.substring(colon + 1).trim());
      }
      if (code >= 100 && code < 200 && code != 101) {
        continue;
      }
      boolean keepAlive =
          status.startsWith("HTTP/1.1")
              ? !has(headers, "Connection", "close")
              : has(headers, "Connection", "keep-alive");
      if (head || code == 204 || code == 304) {
        return new Answer(code, headers, new byte[0], keepAlive);
      }
      if (has(headers, "Transfer-Encoding", "chunked")) {
        return new Answer(code, headers, chunked(endNanos), keepAlive);
      }
      List<String> length = headers.get("Content-Length");
      if (length != null) {
        long n;
        try {
          n = Long.parseLong(length.get(0));
        } catch (NumberFormatException e) {
          throw new IOException("malformed Content-Length", e);
        }
        if (n < 0 || n > Integer.MAX_VALUE - 8) {
          throw new IOException("unacceptable Content-Length");
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream((int) Math.min(n, 1 << 16));
        exactly(n, body, endNanos);
        return new Answer(code, headers, body.toByteArray(), keepAlive);
      }
      ByteArrayOutputStream body = new ByteArrayOutputStream(2048); // until the server closes
      while (fill(endNanos)) {
        body.write(buffer, pos, limit - pos);
        pos = limit;
      }
      return new Answer(code, headers, body.toByteArray(), false);
    }
  }

  /** Marks the connection idle from now (it has just been given back). */
  void idle() {
    idleSinceNanos = System.nanoTime();
  }

  /** How long the connection has been idle. */
  long idleNanos() {
    return System.nanoTime() - idleSinceNanos;
  }

  /**
   * Whether an idle kept-alive connection is still open: a read waiting 1 ms finds nothing to read
   * (an open connection) rather than its end or an error (closed by the server meanwhile).
   */
  boolean stillOpen() {
    if (pos < limit) {
      return false; // bytes nobody asked for: not a connection to reuse
    }
    try {
      socket.setSoTimeout(1);
      int n = in.read(buffer, 0, buffer.length);
      if (n > 0) {
        limit = n;
        pos = 0;
      }
      return false;
    } catch (SocketTimeoutException open) {
      return true;
    } catch (IOException closed) {
      return false;
    }
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }

  private byte[] chunked(long endNanos) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream(2048);
    while (true) {
      String size = line(endNanos);
      int semicolon = size.indexOf(';');
      long n;
      try {
        n = Long.parseLong((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
      } catch (NumberFormatException e) {
        throw new IOException("malformed chunk size", e);
      }
      if (n < 0 || body.size() + n > Integer.MAX_VALUE - 8) {
        throw new IOException("unacceptable chunk size");
      }
      if (n == 0) {
        while (!line(endNanos).isEmpty()) {
          // trailers are not used
        }
        return body.toByteArray();
      }
      exactly(n, body, endNanos);
      if (!line(endNanos).isEmpty()) {
        throw new IOException("malformed chunk end");
      }
    }
  }

  private void exactly(long n, ByteArrayOutputStream into, long endNanos) throws IOException {
    long left = n;
    while (left > 0) {
      if (pos == limit && !fill(endNanos)) {
        throw new EOFException(
            "the connection closed " + left + " bytes before the end of the answer");
      }
      int take = (int) Math.min(left, limit - pos);
      into.write(buffer, pos, take);
      pos += take;
      left -= take;
    }
  }

  /** One line without its CR LF, as ISO-8859-1. */
  private String line(long endNanos) throws IOException {
    StringBuilder line = new StringBuilder(64);
    while (true) {
      if (pos == limit && !fill(endNanos)) {
        throw new EOFException("the connection closed in the middle of the answer's head");
      }
      byte b = buffer[pos++];
      if (b == '\n') {
        int end = line.length();
        return end > 0 && line.charAt(end - 1) == '\r'
            ? line.substring(0, end - 1)
            : line.toString();
      }
      if (line.length() >= MAX_LINE) {
        throw new IOException("a line of the answer's head is too long");
      }
      line.append((char) (b & 0xff));
    }
  }

  /**
   * Reads more bytes, waiting no later than {@code endNanos}.
   *
   * @return false at the end of the stream
   */
  private boolean fill(long endNanos) throws IOException {
    long left = TimeUnit.NANOSECONDS.toMillis(endNanos - System.nanoTime());
    if (left <= 0) {
      throw new SocketTimeoutException("no complete answer by the end of the try");
    }
    socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
    int n = in.read(buffer, 0, buffer.length);
    if (n < 0) {
      return false;
    }
    pos = 0;
    limit = n;
    answerStarted = true;
    return true;
  }

  private static boolean has(Map<String, List<String>> headers, String name, String token) {
    List<String> values = headers.get(name);
    if (values == null) {
      return false;
    }
    for (String value : values) {
      for (String part : value.split(",", -1)) {
        if (part.trim().toLowerCase(Locale.ROOT).equals(token)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The bytes of a header block: ISO-8859-1 as HTTP/1.1 sends it. */
  static byte[] ascii(CharSequence text) {
    return text.toString().getBytes(StandardCharsets.ISO_8859_1);
  }
}
