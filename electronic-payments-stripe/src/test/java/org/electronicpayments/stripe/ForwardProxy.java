package org.electronicpayments.stripe;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small HTTP forward proxy for tests: {@code CONNECT host:port} opens a tunnel; a request with an
 * absolute URL is forwarded to its origin (in origin form). It records the head of the first
 * request of each connection, then relays bytes both ways until either side closes.
 */
final class ForwardProxy implements AutoCloseable {

  private final ServerSocket server;
  private final List<String> heads = new CopyOnWriteArrayList<>();
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();

  private ForwardProxy() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::accept, "forward-proxy");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  static ForwardProxy start() throws IOException {
    return new ForwardProxy();
  }

  Proxy proxy() {
    return new Proxy(Proxy.Type.HTTP, new InetSocketAddress("127.0.0.1", server.getLocalPort()));
  }

  /** The head (request line and headers) of the first request of each connection, in order. */
  List<String> heads() {
    return List.copyOf(heads);
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket s : sockets) {
      s.close();
    }
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        sockets.add(client);
        Thread t = new Thread(() -> serve(client), "forward-proxy-connection");
        t.setDaemon(true);
        t.start();
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void serve(Socket client) {
    try {
      InputStream in = client.getInputStream();
      String head = head(in);
      heads.add(head);
      String[] line = head.substring(0, head.indexOf("\r\n")).split(" ");
      Socket origin;
      if (line[0].equals("CONNECT")) {
        int colon = line[1].lastIndexOf(':');
        origin =
            new Socket(line[1].substring(0, colon), Integer.parseInt(line[1].substring(colon + 1)));
        client
            .getOutputStream()
            .write(
                "HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      } else {
        URI target = URI.create(line[1]);
        origin = new Socket(target.getHost(), target.getPort());
        String rest = head.substring(head.indexOf("\r\n"));
        origin
            .getOutputStream()
            .write(
                (line[0]
                        + " "
                        + target.getRawPath()
                        + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery())
                        + " "
                        + line[2]
                        + rest)
                    .getBytes(StandardCharsets.ISO_8859_1));
      }
      sockets.add(origin);
      Thread back = new Thread(() -> relay(origin, client), "forward-proxy-back");
      back.setDaemon(true);
      back.start();
      relay(client, origin);
    } catch (IOException | RuntimeException gone) {
      // either side closed
    }
  }

  private static String head(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    for (int b = in.read(); b >= 0; b = in.read()) {
      head.write(b);
      matched =
          (b == '\r' && matched % 2 == 0) || (b == '\n' && matched % 2 == 1) ? matched + 1 : 0;
      if (matched == 4) {
        return head.toString(StandardCharsets.ISO_8859_1);
      }
    }
    throw new IOException("closed before the end of the request head");
  }

  private static void relay(Socket from, Socket to) {
    try {
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      byte[] buffer = new byte[8192];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (IOException gone) {
      // closed
    } finally {
      try {
        to.close();
        from.close();
      } catch (IOException ignored) {
        // closed
      }
    }
  }
}
