package org.electronicpayments.stripe;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentConfirmParams;
import com.stripe.param.PaymentIntentCreateParams;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.electronicpayments.CardChoice;
import org.electronicpayments.ElectronicPayments;
import org.electronicpayments.Payer;
import org.electronicpayments.PaymentId;
import org.electronicpayments.PaymentRequest;
import org.electronicpayments.PaymentResult;
import org.electronicpayments.PaymentStatus;
import org.electronicpayments.PaymentType;
import org.electronicpayments.testkit.InMemoryPaymentStore;
import org.electronicpayments.testkit.stripe.StripeEmulator;

/**
 * Not a test: the transport comparison of STRIPE.md and BENCHMARKS.md. One one-time card payment,
 * three ways, in one JVM, in interleaved blocks: {@code ElectronicPayments.process} on this
 * module's transport; the same facade on stock stripe-java ({@code HttpURLConnectionClient},
 * per-request timeouts clipped to the time left, the facade's worker thread keeping the deadline);
 * raw stripe-java making the same create and confirm requests with the same parameters and keys.
 * Prints p50/p90/p99 and the ratios to raw stripe-java ({@code --stock false} leaves the stock
 * stripe-java side out). With {@code --threads}, then the throughput of the SDK (threads sharing
 * one facade) against raw stripe-java (threads sharing one {@code StripeClient}) at each thread
 * count, in alternating blocks, and their ratio.
 *
 * <pre>
 * java -Dhttp.maxConnections=64 -cp … org.electronicpayments.stripe.TransportComparison
 *     [--url http://127.0.0.1:12111] [--warmup 2000] [--rounds 20] [--block 100] [--stock false]
 *     [--threads 1,8,32 [--per-block 600] [--throughput-rounds 10]]
 * </pre>
 *
 * Without {@code --url} it starts an emulator in this JVM; point it at an emulator started from its
 * command line, or at a stripe-mock, for a server outside the measured JVM.
 */
final class TransportComparison {

  static final String KEY = "sk_test_comparison";

  /** The slowest payment of the block running now, in nanoseconds. */
  private static final AtomicLong SLOWEST = new AtomicLong();

  private TransportComparison() {}

  public static void main(String[] args) throws Exception {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    Map<String, String> opts = new LinkedHashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    StripeEmulator own =
        opts.containsKey("url") ? null : StripeEmulator.builder().requestLogCapacity(1000).start();
    String url = own != null ? own.baseUrl() : opts.get("url");
    int warmup = Integer.parseInt(opts.getOrDefault("warmup", "2000"));
    int rounds = Integer.parseInt(opts.getOrDefault("rounds", "20"));
    int block = Integer.parseInt(opts.getOrDefault("block", "100"));

    StripePaymentProcessor module =
        StripePaymentProcessor.builder().secretKey(KEY).apiBase(url).build();
    StripeClient stockClient =
        StripeClient.builder()
            .setApiKey(KEY)
            .setApiBase(url)
            .setConnectTimeout(30_000)
            .setReadTimeout(80_000)
            .setMaxNetworkRetries(2)
            .build();
    StripePaymentProcessor stock =
        StripePaymentProcessor.builder()
            .secretKey(KEY)
            .apiBase(url)
            .stripeClient(stockClient)
            .build();
    StripeClient raw = StripeClient.builder().setApiKey(KEY).setApiBase(url).build();
    ElectronicPayments sdk = facade(module);
    ElectronicPayments sdkStock = facade(stock);

    List<Side> sides = new ArrayList<>();
    sides.add(new Side("sdk (module transport)", () -> pay(sdk)));
    if (!"false".equals(opts.get("stock"))) {
      sides.add(new Side("sdk (stock stripe-java + worker)", () -> pay(sdkStock)));
    }
    sides.add(new Side("raw stripe-java", () -> rawPayment(raw)));
    for (Side side : sides) {
      for (int i = 0; i < warmup; i++) {
        side.run.run();
      }
    }
    for (int r = 0; r < rounds; r++) {
      for (int s = 0; s < sides.size(); s++) {
        Side side = sides.get((r + s) % sides.size()); // rotate which side goes first
        for (int i = 0; i < block; i++) {
          long start = System.nanoTime();
          side.run.run();
          side.nanos.add(System.nanoTime() - start);
        }
      }
    }
    long[] rawSorted = sides.get(sides.size() - 1).sorted();
    System.out.printf(
        Locale.ROOT,
        "server %s, %d payments a side after %d warm-up, %d rounds of %d, Java %s%n",
        url,
        rounds * block,
        warmup,
        rounds,
        block,
        System.getProperty("java.runtime.version"));
    System.out.printf(
        Locale.ROOT,
        "%-34s %9s %9s %9s %8s %8s%n",
        "side",
        "p50 µs",
        "p90 µs",
        "p99 µs",
        "p50/raw",
        "p90/raw");
    for (Side side : sides) {
      long[] sorted = side.sorted();
      System.out.printf(
          Locale.ROOT,
          "%-34s %9.0f %9.0f %9.0f %7.2f× %7.2f×%n",
          side.name,
          p(sorted, 50) / 1e3,
          p(sorted, 90) / 1e3,
          p(sorted, 99) / 1e3,
          (double) p(sorted, 50) / p(rawSorted, 50),
          (double) p(sorted, 90) / p(rawSorted, 90));
    }
    String threads = opts.get("threads");
    if (threads != null) {
      int perBlock = Integer.parseInt(opts.getOrDefault("per-block", "600"));
      int throughputRounds = Integer.parseInt(opts.getOrDefault("throughput-rounds", "10"));
      System.out.printf(
          Locale.ROOT,
          "throughput: threads sharing one facade (SDK) or one StripeClient (raw), about %d"
              + " payments per block (split among the threads), %d blocks a side, alternating;"
              + " http.maxConnections=%s%n",
          perBlock,
          throughputRounds,
          System.getProperty("http.maxConnections", "(JDK default 5)"));
      System.out.printf(
          Locale.ROOT,
          "%7s %14s %14s %9s %13s  %s%n",
          "threads",
          "SDK pay/s",
          "raw pay/s",
          "SDK/raw",
          "median block",
          "block ratios");
      for (String t : threads.split(",")) {
        int n = Integer.parseInt(t.strip());
        throughput(
            n, Math.max(1, perBlock / n), throughputRounds, () -> pay(sdk), () -> rawPayment(raw));
      }
    }
    sdk.close();
    sdkStock.close();
    if (own != null) {
      own.close();
    }
  }

  /**
   * Payments per second of both sides at one thread count, in alternating blocks (the side that
   * goes first alternates): every block starts its threads together and ends when the last is done.
   * One warm-up block a side first.
   */
  private static void throughput(
      int threads, int perThread, int rounds, Runnable sdkSide, Runnable rawSide) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      block(pool, threads, perThread, sdkSide);
      block(pool, threads, perThread, rawSide);
      long sdkSlowest = 0;
      long rawSlowest = 0;
      long sdkNanos = 0;
      long rawNanos = 0;
      List<Double> ratios = new ArrayList<>();
      for (int r = 0; r < rounds; r++) {
        long a;
        long b;
        if (r % 2 == 0) {
          a = block(pool, threads, perThread, sdkSide);
          sdkSlowest = Math.max(sdkSlowest, SLOWEST.getAndSet(0));
          b = block(pool, threads, perThread, rawSide);
          rawSlowest = Math.max(rawSlowest, SLOWEST.getAndSet(0));
        } else {
          b = block(pool, threads, perThread, rawSide);
          rawSlowest = Math.max(rawSlowest, SLOWEST.getAndSet(0));
          a = block(pool, threads, perThread, sdkSide);
          sdkSlowest = Math.max(sdkSlowest, SLOWEST.getAndSet(0));
        }
        sdkNanos += a;
        rawNanos += b;
        ratios.add((double) b / a);
      }
      double payments = (double) threads * perThread * rounds;
      double sdkRate = payments / (sdkNanos / 1e9);
      double rawRate = payments / (rawNanos / 1e9);
      List<Double> sorted = new ArrayList<>(ratios);
      sorted.sort(null);
      double median =
          (sorted.get((sorted.size() - 1) / 2) + sorted.get(sorted.size() / 2)) / 2; // SDK/raw
      StringBuilder each = new StringBuilder();
      for (double r : ratios) {
        each.append(String.format(Locale.ROOT, " %.2f", r));
      }
      System.out.printf(
          Locale.ROOT,
          "%7d %14.0f %14.0f %8.2f× %12.2f× %s (slowest payment: SDK %.0f ms, raw %.0f ms)%n",
          threads,
          sdkRate,
          rawRate,
          sdkRate / rawRate,
          median,
          each,
          sdkSlowest / 1e6,
          rawSlowest / 1e6);
    } finally {
      pool.shutdown();
    }
  }

  /** Runs {@code perThread} payments on each of {@code threads} threads; the wall time taken. */
  private static long block(ExecutorService pool, int threads, int perThread, Runnable side)
      throws Exception {
    CountDownLatch ready = new CountDownLatch(threads);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> running = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      running.add(
          pool.submit(
              () -> {
                ready.countDown();
                go.await();
                for (int i = 0; i < perThread; i++) {
                  long start = System.nanoTime();
                  side.run();
                  long took = System.nanoTime() - start;
                  SLOWEST.accumulateAndGet(took, Math::max);
                }
                return null;
              }));
    }
    ready.await();
    long start = System.nanoTime();
    go.countDown();
    for (Future<?> f : running) {
      f.get();
    }
    return System.nanoTime() - start;
  }

  private static ElectronicPayments facade(StripePaymentProcessor processor) {
    return ElectronicPayments.builder()
        .processor(processor)
        .store(InMemoryPaymentStore.create())
        .agency(Facades.AGENCY)
        .build();
  }

  private static void pay(ElectronicPayments payments) {
    PaymentRequest request =
        PaymentRequest.builder()
            .client(Fixtures.CLIENT)
            .reference(PaymentId.generate().value())
            .type(PaymentType.CREDIT_CARD)
            .payer(Payer.CO_PAY)
            .amountReceived("10.00")
            .electronic(true)
            .card(CardChoice.oneTime("pm_card_visa"))
            .clientPresent(true)
            .build();
    PaymentResult result = payments.process(Facades.DESK, request);
    if (result.status() != PaymentStatus.SUCCEEDED) {
      throw new IllegalStateException("SDK payment ended " + result.status());
    }
  }

  /** The module's two requests for a one-time card, made with raw stripe-java. */
  private static void rawPayment(StripeClient client) {
    String id = PaymentId.generate().value();
    String key = id + "-a1";
    try {
      PaymentIntent created =
          client
              .v1()
              .paymentIntents()
              .create(
                  PaymentIntentCreateParams.builder()
                      .setAmount(1000L)
                      .setCurrency("usd")
                      .setPaymentMethod("pm_card_visa")
                      .addPaymentMethodType("card")
                      .setCaptureMethod(PaymentIntentCreateParams.CaptureMethod.AUTOMATIC)
                      .setConfirm(false)
                      .setDescription("Payment " + id)
                      .putMetadata("payment_id", id)
                      .putMetadata("client_id", "1000")
                      .putMetadata("agency_id", Facades.AGENCY.id().value())
                      .putMetadata("attempt", "1")
                      .build(),
                  RequestOptions.builder().setIdempotencyKey(key + "-create").build());
      PaymentIntent confirmed =
          client
              .v1()
              .paymentIntents()
              .confirm(
                  created.getId(),
                  PaymentIntentConfirmParams.builder().addExpand("payment_method").build(),
                  RequestOptions.builder().setIdempotencyKey(key + "-confirm").build());
      if (!"succeeded".equals(confirmed.getStatus())) {
        throw new IllegalStateException("raw payment ended " + confirmed.getStatus());
      }
    } catch (StripeException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long p(long[] sorted, int percent) {
    return sorted[
        Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * percent / 100.0) - 1)];
  }

  /** One way to pay and its measured times. */
  private static final class Side {
    final String name;
    final Runnable run;
    final List<Long> nanos = new ArrayList<>();

    Side(String name, Runnable run) {
      this.name = name;
      this.run = run;
    }

    long[] sorted() {
      long[] a = nanos.stream().mapToLong(Long::longValue).toArray();
      Arrays.sort(a);
      return a;
    }
  }
}
