package org.electronicpayments.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A small SMTP server of the tests' own, on 127.0.0.1, that answers what the test tells it: a reply
 * code at a given command, STARTTLS, or silence (accepts the connection and never speaks). Every
 * connection is served on its own thread; {@link #close()} ends them all.
 */
final class ScriptedSmtpServer implements AutoCloseable {

  /** A message the server took, and whether it came over TLS. */
  record Received(String data, boolean overTls) {}

  private final ServerSocket server;
  private final Map<String, String> replies = new ConcurrentHashMap<>();
  private final AtomicInteger connections = new AtomicInteger();
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private final CountDownLatch closed = new CountDownLatch(1);
  private volatile boolean silent;
  private volatile boolean withholdAfterData;
  private volatile String greeting = "220 scripted ESMTP";
  private volatile SSLContext startTls;

  private ScriptedSmtpServer() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::acceptLoop, "scripted-smtp-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  static ScriptedSmtpServer start() throws IOException {
    return new ScriptedSmtpServer();
  }

  /**
   * Answers the given command (MAIL, RCPT, DATA for the reply after the message, AUTH) with this
   * line.
   */
  ScriptedSmtpServer reply(String command, String line) {
    replies.put(command, line);
    return this;
  }

  ScriptedSmtpServer greeting(String line) {
    this.greeting = line;
    return this;
  }

  /** Accepts connections and never says anything. */
  ScriptedSmtpServer silent() {
    this.silent = true;
    return this;
  }

  /** Reads the whole message, then never answers. */
  ScriptedSmtpServer withholdReplyAfterData() {
    this.withholdAfterData = true;
    return this;
  }

  /** Offers STARTTLS and upgrades with this context. */
  ScriptedSmtpServer startTls(SSLContext context) {
    this.startTls = context;
    return this;
  }

  int port() {
    return server.getLocalPort();
  }

  int connections() {
    return connections.get();
  }

  List<Received> received() {
    return List.copyOf(received);
  }

  @Override
  public void close() throws IOException {
    closed.countDown();
    server.close();
    for (Socket s : sockets) {
      s.close();
    }
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket s = server.accept();
        sockets.add(s);
        connections.incrementAndGet();
        Thread t = new Thread(() -> serve(s), "scripted-smtp-conn");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void serve(Socket socket) {
    try (Socket s = socket) {
      if (silent) {
        closed.await();
        return;
      }
      converse(s);
    } catch (IOException e) {
      // the client went away, or close() ended the conversation
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void converse(Socket plain) throws IOException, InterruptedException {
    Socket s = plain;
    boolean tls = false;
    BufferedReader in = reader(s);
    OutputStream out = s.getOutputStream();
    send(out, greeting);
    if (!greeting.startsWith("220")) {
      return;
    }
    String line;
    while ((line = in.readLine()) != null) {
      String verb =
          (line.length() >= 4 ? line.substring(0, 4) : line).toUpperCase(Locale.ROOT).trim();
      switch (verb) {
        case "EHLO" ->
            send(
                out,
                startTls != null && !tls
                    ? "250-scripted\r\n250-STARTTLS\r\n250 8BITMIME"
                    : "250-scripted\r\n250 8BITMIME");
        case "HELO" -> send(out, "250 scripted");
        case "STAR" -> {
          send(out, "220 go ahead");
          SSLSocket secure =
              (SSLSocket)
                  startTls
                      .getSocketFactory()
                      .createSocket(s, s.getInetAddress().getHostAddress(), s.getPort(), true);
          secure.setUseClientMode(false);
          secure.startHandshake();
          s = secure;
          tls = true;
          in = reader(s);
          out = s.getOutputStream();
        }
        case "DATA" -> {
          send(out, replies.getOrDefault("DATA-START", "354 end with <CRLF>.<CRLF>"));
          StringBuilder data = new StringBuilder();
          String d;
          while ((d = in.readLine()) != null && !d.equals(".")) {
            data.append(d).append('\n');
          }
          if (withholdAfterData) {
            closed.await();
            return;
          }
          String reply = replies.getOrDefault("DATA", "250 2.0.0 queued");
          if (reply.startsWith("250")) {
            received.add(new Received(data.toString(), tls));
          }
          send(out, reply);
        }
        case "QUIT" -> {
          send(out, "221 bye");
          return;
        }
        default -> send(out, replies.getOrDefault(verb, "250 OK"));
      }
    }
  }

  private static BufferedReader reader(Socket s) throws IOException {
    return new BufferedReader(
        new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
  }

  private static void send(OutputStream out, String lines) throws IOException {
    out.write((lines + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }
}
