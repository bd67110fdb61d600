package org.electronicpayments.reliability;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * A TCP proxy on 127.0.0.1 in front of an HTTP/1.1 server (the Stripe emulator), that injects
 * {@link NetworkFault}s into chosen requests: what a network and a load balancer do that a server's
 * own fault injection cannot, such as a request or an answer cut at a byte inside its headers or
 * body, a body that stops arriving, a reset after the server committed, or a kept-alive connection
 * closed while idle. It reads each message whole by its HTTP/1.1 framing ({@link HttpMessage}), so
 * a fault applies to exactly one request of a kept-alive connection; every other request goes
 * through untouched.
 *
 * <pre>{@code
 * NetworkFaultProxy proxy = NetworkFaultProxy.start(emulator.port(), Duration.ofSeconds(3));
 * StripePaymentProcessor stripe = StripePaymentProcessor.builder().secretKey("sk_test_x")
 *     .apiBase(proxy.baseUrl()).build();
 * proxy.arm("POST /v1/payment_intents/*\/confirm", NetworkFault.TRUNCATED_RESPONSE, 42, Duration.ZERO);
 * }</pre>
 *
 * <p>A held connection (a stall, a late delivery, a body left hanging) is released when the client
 * closes it, after {@code holdAtMost}, or at {@link #releaseHeld()}.
 */
final class NetworkFaultProxy implements AutoCloseable {

  /** The pattern that matches every request. */
  static final String ANY = "*";

  /** One fault waiting for the next request that matches its pattern. */
  private record Armed(String pattern, NetworkFault fault, long seed, Duration pause) {}

  private final int upstreamPort;
  private final int holdAtMostMillis;
  private final ServerSocket server;
  private final ExecutorService connections =
      Executors.newCachedThreadPool(
          runnable -> {
            Thread t = new Thread(runnable, "network-fault-proxy");
            t.setDaemon(true);
            return t;
          });
  private final ConcurrentLinkedQueue<Armed> armed = new ConcurrentLinkedQueue<>();
  private final Set<Socket> held = ConcurrentHashMap.newKeySet();
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final LongAdder requests = new LongAdder();
  private final ConcurrentHashMap<NetworkFault, LongAdder> applied = new ConcurrentHashMap<>();
  private volatile boolean closed;
  private volatile Random chooser;
  private volatile double probability;
  private volatile Duration deadline = Duration.ofSeconds(1);

  private NetworkFaultProxy(int upstreamPort, Duration holdAtMost) throws IOException {
    this.upstreamPort = upstreamPort;
    this.holdAtMostMillis = (int) holdAtMost.toMillis();
    this.server = new ServerSocket(0, 64, InetAddress.getLoopbackAddress());
    connections.execute(this::accept);
  }

  /**
   * Starts a proxy to a server on 127.0.0.1.
   *
   * @param upstreamPort the server's port
   * @param holdAtMost the longest a connection is held open and silent
   */
  static NetworkFaultProxy start(int upstreamPort, Duration holdAtMost) {
    try {
      return new NetworkFaultProxy(upstreamPort, holdAtMost);
    } catch (IOException e) {
      throw new IllegalStateException("cannot start the proxy", e);
    }
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getLocalPort();
  }

  /**
   * Arms a fault for the next request matching {@code pattern} ({@code "POST /v1/refunds"}, with
   * {@code *} for one path segment; {@link #ANY} for whatever request comes next).
   *
   * @param seed chooses the byte at which a cut falls
   * @param wait for {@code DELAY}, the delay; for a body left hanging, the wait before the headers
   */
  void arm(String pattern, NetworkFault fault, long seed, Duration wait) {
    armed.add(new Armed(pattern, fault, seed, wait));
  }

  /**
   * From now on, each request that no armed fault matches gets a random fault with this
   * probability, chosen (kind, byte offsets, pauses) from {@code seed}.
   *
   * @param deadline how long the client waits: pauses are chosen below it
   */
  void faultAtRandom(long seed, double probability, Duration deadline) {
    this.deadline = deadline;
    this.probability = probability;
    this.chooser = new Random(seed);
  }

  /**
   * Arms a random fault, of any kind.
   *
   * @return what was armed, for a report
   */
  String armRandom(String pattern, Random random, Duration deadline) {
    NetworkFault fault = NetworkFault.values()[random.nextInt(NetworkFault.values().length)];
    arm(pattern, fault, random.nextLong(), pause(fault, random, deadline));
    return fault.label();
  }

  /** A delay well within the deadline; a wait before a hanging body anywhere up to it. */
  private static Duration pause(NetworkFault fault, Random random, Duration deadline) {
    return switch (fault) {
      case DELAY -> Duration.ofMillis(1 + random.nextInt((int) deadline.toMillis() * 2 / 5));
      case HEADERS_THEN_PART_OF_BODY_THEN_SILENCE ->
          Duration.ofMillis(random.nextInt((int) deadline.toMillis()));
      default -> Duration.ZERO;
    };
  }

  /** Forgets the faults not yet applied, and stops faulting at random. */
  void clear() {
    chooser = null;
    armed.clear();
  }

  /** Ends every connection held open, as the client's giving up eventually would. */
  void releaseHeld() {
    held.forEach(NetworkFaultProxy::quietlyClose);
  }

  /** Starts counting requests and applied faults from zero (after a warm-up, say). */
  void forgetStatistics() {
    requests.reset();
    applied.clear();
  }

  /** How many requests came through, and how many times each fault was applied. */
  Map<String, Long> statistics() {
    Map<String, Long> counts = new TreeMap<>();
    counts.put("requests proxied", requests.sum());
    applied.forEach((fault, n) -> counts.put("applied: " + fault.label(), n.sum()));
    return counts;
  }

  @Override
  public void close() {
    closed = true;
    quietlyClose(server);
    open.forEach(NetworkFaultProxy::quietlyClose);
    connections.shutdownNow();
    try {
      connections.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void accept() {
    while (!closed) {
      try {
        Socket client = server.accept();
        client.setTcpNoDelay(true);
        open.add(client);
        connections.execute(() -> serve(client));
      } catch (IOException | java.util.concurrent.RejectedExecutionException e) {
        return; // closed
      }
    }
  }

  private void serve(Socket client) {
    Socket upstream = null;
    try {
      InputStream fromClient = new BufferedInputStream(client.getInputStream());
      OutputStream toClient = client.getOutputStream();
      InputStream fromServer = null;
      while (!closed) {
        HttpMessage request = HttpMessage.read(fromClient, null);
        if (request == null) {
          return;
        }
        requests.increment();
        Armed fault = take(request);
        NetworkFault kind = fault == null ? null : fault.fault();
        if (kind != null) {
          applied.computeIfAbsent(kind, k -> new LongAdder()).increment();
        }
        Random random = new Random(fault == null ? 0 : fault.seed());
        if (kind == NetworkFault.DROP) {
          return;
        } else if (kind == NetworkFault.RESET_BEFORE_FORWARDING) {
          reset(client);
          return;
        } else if (kind == NetworkFault.STALL) {
          hold(client);
          return;
        } else if (kind == NetworkFault.DELAY) {
          Thread.sleep(fault.pause().toMillis());
        }
        if (upstream == null) {
          upstream = connect();
          fromServer = new BufferedInputStream(upstream.getInputStream());
        }
        OutputStream toServer = upstream.getOutputStream();
        if (kind == NetworkFault.CUT_REQUEST) {
          toServer.write(request.bytes(), 0, 1 + random.nextInt(request.bytes().length - 1));
          toServer.flush();
          quietlyClose(upstream);
          reset(client);
          return;
        }
        toServer.write(request.bytes());
        toServer.flush();
        HttpMessage response = HttpMessage.read(fromServer, request.method());
        if (response == null) {
          throw new EOFException("the server closed the connection without an answer");
        }
        if (kind != null && kind.executed() && kind != NetworkFault.CLOSE_IDLE_KEPT_ALIVE) {
          misbehave(client, toClient, response, fault, random);
          return;
        }
        toClient.write(response.bytes());
        toClient.flush();
        if (kind == NetworkFault.CLOSE_IDLE_KEPT_ALIVE || response.closes() || request.closes()) {
          return;
        }
      }
    } catch (IOException gone) {
      // a side went away or broke the framing: this connection ends
    } catch (InterruptedException stopping) {
      Thread.currentThread().interrupt();
    } finally {
      if (upstream != null) {
        quietlyClose(upstream);
      }
      quietlyClose(client);
      open.remove(client);
    }
  }

  /** What an executed request's answer meets on its way back. */
  private void misbehave(
      Socket client, OutputStream toClient, HttpMessage response, Armed fault, Random random)
      throws IOException, InterruptedException {
    switch (fault.fault()) {
      case COMMIT_THEN_DROP -> {}
      case RESET_AFTER_COMMIT -> reset(client);
      case TRUNCATED_RESPONSE -> {
        toClient.write(response.bytes(), 0, 1 + random.nextInt(response.bytes().length - 1));
        toClient.flush();
      }
      case LATE_DELIVERY -> {
        hold(client);
        try {
          toClient.write(response.bytes());
          toClient.flush();
        } catch (IOException nobodyListens) {
          // delivered late to a client that is gone, as intended
        }
      }
      case HEADERS_THEN_PART_OF_BODY_THEN_SILENCE -> {
        Thread.sleep(fault.pause().toMillis());
        int bodyPart = response.bodyLength() <= 1 ? 0 : random.nextInt(response.bodyLength());
        toClient.write(response.bytes(), 0, response.headerEnd() + bodyPart);
        toClient.flush();
        hold(client);
      }
      default -> throw new IllegalStateException("not a fault on the answer: " + fault.fault());
    }
  }

  private Armed take(HttpMessage request) {
    for (Armed a : armed) {
      if (matches(a.pattern(), request.method(), request.path()) && armed.remove(a)) {
        return a;
      }
    }
    Random random = chooser;
    if (random == null) {
      return null;
    }
    synchronized (random) {
      if (random.nextDouble() >= probability) {
        return null;
      }
      NetworkFault fault = NetworkFault.values()[random.nextInt(NetworkFault.values().length)];
      return new Armed(ANY, fault, random.nextLong(), pause(fault, random, deadline));
    }
  }

  /**
   * Keeps a connection open and silent until the client closes it, the hold ends, or it is
   * released.
   */
  private void hold(Socket client) throws IOException {
    held.add(client);
    try {
      client.setSoTimeout(holdAtMostMillis);
      InputStream in = client.getInputStream();
      while (in.read() >= 0) {
        // the client may still send; nothing is answered
      }
    } catch (SocketException | java.net.SocketTimeoutException ended) {
      // the client gave up, the hold ended, or it was released
    } finally {
      held.remove(client);
    }
  }

  private Socket connect() throws IOException {
    Socket upstream = new Socket();
    upstream.setTcpNoDelay(true);
    upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), upstreamPort), 2000);
    return upstream;
  }

  static boolean matches(String pattern, String method, String path) {
    if (pattern.equals(ANY)) {
      return true;
    }
    int space = pattern.indexOf(' ');
    if (!pattern.substring(0, space).equals(method)) {
      return false;
    }
    String[] want = pattern.substring(space + 1).split("/", -1);
    String[] got = path.split("/", -1);
    if (want.length != got.length) {
      return false;
    }
    for (int i = 0; i < want.length; i++) {
      if (!want[i].equals("*") && !want[i].equals(got[i])) {
        return false;
      }
    }
    return true;
  }

  private static void reset(Socket socket) {
    try {
      socket.setSoLinger(true, 0);
    } catch (IOException alreadyGone) {
      // closing is all that is left
    }
    quietlyClose(socket);
  }

  private static void quietlyClose(java.io.Closeable c) {
    try {
      c.close();
    } catch (IOException ignored) {
      // already closed
    }
  }
}
