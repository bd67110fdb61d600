package org.electronicpayments.reliability;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One HTTP/1.1 message exactly as it crossed the wire, with where its header block ends, so the
 * {@link NetworkFaultProxy} can forward it whole or cut it at any byte inside the headers or the
 * body. Framing as RFC 9112 has it: a {@code Content-Length} body, a chunked body (kept as sent,
 * chunk sizes and trailers included), no body for a request without either, for a response to HEAD
 * and for 1xx, 204 and 304, and otherwise a response body that ends when the connection does.
 *
 * @param bytes the whole message
 * @param headerEnd the offset just after the blank line that ends the header block
 * @param startLine the request line or status line
 * @param closes whether the connection ends after this message ({@code Connection: close}, or a
 *     body delimited by the connection's end)
 */
record HttpMessage(byte[] bytes, int headerEnd, String startLine, boolean closes) {

  private static final int MAX_HEADER_BLOCK = 64 * 1024;

  /** The method of a request, such as {@code POST}. */
  String method() {
    return startLine.substring(0, Math.max(0, startLine.indexOf(' ')));
  }

  /** The path of a request, without its query. */
  String path() {
    int start = startLine.indexOf(' ') + 1;
    int end = startLine.indexOf(' ', start);
    String target = startLine.substring(start, end < 0 ? startLine.length() : end);
    int query = target.indexOf('?');
    return query < 0 ? target : target.substring(0, query);
  }

  /** The status of a response. */
  int status() {
    String[] parts = startLine.split(" ", 3);
    return parts.length < 2 ? 0 : Integer.parseInt(parts[1]);
  }

  int bodyLength() {
    return bytes.length - headerEnd;
  }

  /**
   * Reads one message; {@code null} when the stream ends cleanly before its first byte.
   *
   * @param in the connection's input
   * @param requestMethod for a response, the method of its request; {@code null} when reading a
   *     request
   * @throws EOFException when the stream ends inside a message
   */
  static HttpMessage read(InputStream in, String requestMethod) throws IOException {
    ByteArrayOutputStream raw = new ByteArrayOutputStream(1024);
    int first = in.read();
    if (first < 0) {
      return null;
    }
    raw.write(first);
    int tail = first;
    while ((tail & 0xFFFFFFFF) != 0x0D0A0D0A) {
      int b = in.read();
      if (b < 0) {
        throw new EOFException("the connection ended inside a header block");
      }
      raw.write(b);
      tail = (tail << 8) | b;
      if (raw.size() > MAX_HEADER_BLOCK) {
        throw new IOException("header block longer than " + MAX_HEADER_BLOCK + " bytes");
      }
    }
    int headerEnd = raw.size();
    String head = raw.toString(StandardCharsets.ISO_8859_1);
    String[] lines = head.split("\r\n");
    String startLine = lines[0];
    long contentLength = -1;
    boolean chunked = false;
    boolean close = false;
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon <= 0) {
        continue;
      }
      String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = lines[i].substring(colon + 1).trim().toLowerCase(Locale.ROOT);
      switch (name) {
        case "content-length" -> contentLength = Long.parseLong(value);
        case "transfer-encoding" -> chunked = value.endsWith("chunked");
        case "connection" -> close = value.contains("close");
        default -> {}
      }
    }
    boolean response = requestMethod != null;
    if (response && bodiless(requestMethod, startLine)) {
      return new HttpMessage(raw.toByteArray(), headerEnd, startLine, close);
    }
    if (chunked) {
      readChunked(in, raw);
    } else if (contentLength >= 0) {
      copy(in, raw, contentLength);
    } else if (response) {
      in.transferTo(raw);
      close = true;
    }
    return new HttpMessage(raw.toByteArray(), headerEnd, startLine, close);
  }

  private static boolean bodiless(String requestMethod, String statusLine) {
    String[] parts = statusLine.split(" ", 3);
    int status = parts.length < 2 ? 0 : Integer.parseInt(parts[1]);
    return requestMethod.equals("HEAD") || status / 100 == 1 || status == 204 || status == 304;
  }

  private static void readChunked(InputStream in, ByteArrayOutputStream raw) throws IOException {
    while (true) {
      String sizeLine = line(in, raw);
      int extension = sizeLine.indexOf(';');
      long size =
          Long.parseLong((extension < 0 ? sizeLine : sizeLine.substring(0, extension)).trim(), 16);
      if (size == 0) {
        while (!line(in, raw).isEmpty()) {
          // trailers, kept as sent
        }
        return;
      }
      copy(in, raw, size);
      line(in, raw); // the CRLF after the chunk's data
    }
  }

  private static String line(InputStream in, ByteArrayOutputStream raw) throws IOException {
    StringBuilder line = new StringBuilder();
    while (true) {
      int b = in.read();
      if (b < 0) {
        throw new EOFException("the connection ended inside a chunked body");
      }
      raw.write(b);
      if (b == '\n') {
        int end =
            line.length() > 0 && line.charAt(line.length() - 1) == '\r'
                ? line.length() - 1
                : line.length();
        return line.substring(0, end);
      }
      line.append((char) b);
    }
  }

  private static void copy(InputStream in, ByteArrayOutputStream raw, long length)
      throws IOException {
    byte[] buffer = new byte[8192];
    long left = length;
    while (left > 0) {
      int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
      if (n < 0) {
        throw new EOFException(
            "the connection ended " + left + " bytes before the end of the body");
      }
      raw.write(buffer, 0, n);
      left -= n;
    }
  }
}
