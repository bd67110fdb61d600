package org.electronicpayments.benchmarks;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.electronicpayments.testkit.stripe.StripeEmulator;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every benchmark through JMH's API and prints the comparison table. One emulator, started
 * here, serves every fork of the run (so the SDK and raw stripe-java talk to the same server), and
 * is reset before each benchmark.
 *
 * <pre>{@code
 * mvn -B -q -pl benchmarks -am package -DskipTests && java -jar benchmarks/target/benchmarks.jar
 * java -jar benchmarks/target/benchmarks.jar --long     # 5 x 5 s warm-up, 10 x 5 s measured, 2 forks
 * }</pre>
 */
public final class Bench {

  private static final int[] THREADS = {1, 2, 8, 32};
  private static final String QUIET = "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn";

  private final StripeEmulator emulator;
  private final Length length;
  private final StringBuilder table = new StringBuilder();

  private Bench(StripeEmulator emulator, Length length) {
    this.emulator = emulator;
    this.length = length;
  }

  /**
   * Runs the suite.
   *
   * @param args {@code --long} for longer runs, {@code --quick} for a fast check of the harness
   * @throws RunnerException when JMH fails
   */
  public static void main(String[] args) throws RunnerException {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    Length length =
        List.of(args).contains("--long")
            ? Length.LONG
            : List.of(args).contains("--quick") ? Length.QUICK : Length.DEFAULT;
    try (StripeEmulator emulator = StripeEmulator.builder().requestLogCapacity(1_000).start()) {
      Bench bench = new Bench(emulator, length);
      bench.run();
      System.out.println();
      System.out.println(bench.table);
    }
  }

  private void run() throws RunnerException {
    String machine =
        String.format(
            Locale.ROOT,
            "JVM %s (%s), %d cores, %s run",
            System.getProperty("java.vm.version"),
            System.getProperty("java.vm.name"),
            Runtime.getRuntime().availableProcessors(),
            length.name().toLowerCase(Locale.ROOT));
    line("# electronic-payments benchmarks — " + machine);
    line("");

    RunResult sdk = run("StripePathBench.sdk", Mode.SampleTime, 1, true);
    RunResult raw = run("StripePathBench.rawStripeJava", Mode.SampleTime, 1, true);
    RunResult handoff = run("StripePathBench.sdkWithWorkerHandoff", Mode.SampleTime, 1, true);
    line("## 1. SDK overhead: one one-time card payment on the emulator, one thread");
    line("");
    line("| | median µs | p99 µs | alloc B/payment |");
    line("|---|---:|---:|---:|");
    line(
        String.format(
            Locale.ROOT,
            "| ElectronicPayments.process | %.0f | %.0f | %s |",
            pct(sdk, 50),
            pct(sdk, 99),
            alloc(sdk)));
    line(
        String.format(
            Locale.ROOT,
            "| raw stripe-java (create + confirm) | %.0f | %.0f | %s |",
            pct(raw, 50),
            pct(raw, 99),
            alloc(raw)));
    line(
        String.format(
            Locale.ROOT,
            "| **ratio SDK / raw** | **%.3f×** | %.3f× | |",
            pct(sdk, 50) / pct(raw, 50),
            pct(sdk, 99) / pct(raw, 99)));
    line(
        String.format(
            Locale.ROOT,
            "| experiment: SDK with the worker handoff (before) | %.0f | %.0f | %s |",
            pct(handoff, 50),
            pct(handoff, 99),
            alloc(handoff)));
    line(
        String.format(
            Locale.ROOT,
            "| ratio experiment / raw | %.3f× | %.3f× | |",
            pct(handoff, 50) / pct(raw, 50),
            pct(handoff, 99) / pct(raw, 99)));
    line("");

    line("## 2. Concurrency: threads sharing one facade vs one StripeClient, payments/s");
    line("");
    line("| threads | SDK | raw stripe-java | ratio SDK / raw |");
    line("|---:|---:|---:|---:|");
    for (int threads : THREADS) {
      double s =
          run("StripePathBench.sdk", Mode.Throughput, threads, false).getPrimaryResult().getScore();
      double r =
          run("StripePathBench.rawStripeJava", Mode.Throughput, threads, false)
              .getPrimaryResult()
              .getScore();
      line(String.format(Locale.ROOT, "| %d | %.0f | %.0f | %.3f× |", threads, s, r, s / r));
    }
    line("");

    RunResult fake = run("FakePathBench.process", Mode.Throughput, 1, true);
    line("## 3. Fake path: facade + InMemoryPaymentStore + FakePaymentProcessor, one thread");
    line("");
    line(
        "| payments/s (wall) | payments per CPU-second of the thread | target | alloc B/payment |");
    line("|---:|---:|---:|---:|");
    line(
        String.format(
            Locale.ROOT,
            "| %.0f | %.0f | 100000 | %s |",
            fake.getPrimaryResult().getScore(),
            perCpuSecond(fake),
            alloc(fake)));
    line("");

    RunResult latency = run("EmulatorBench.createPaymentIntent", Mode.SampleTime, 1, false);
    double served =
        run("EmulatorBench.createPaymentIntent", Mode.Throughput, 4, false)
            .getPrimaryResult()
            .getScore();
    line("## 4. Emulator: POST /v1/payment_intents from stripe-java");
    line("");
    line("| p50 µs (1 thread) | p99 µs (1 thread) | requests/s (4 threads) |");
    line("|---:|---:|---:|");
    line(
        String.format(
            Locale.ROOT, "| %.0f | %.0f | %.0f |", pct(latency, 50), pct(latency, 99), served));
  }

  private RunResult run(String benchmark, Mode mode, int threads, boolean gc)
      throws RunnerException {
    emulator.reset();
    ChainedOptionsBuilder options =
        new OptionsBuilder()
            .include("\\." + benchmark.replace(".", "\\.") + "$")
            .mode(mode)
            .threads(threads)
            .timeUnit(mode == Mode.Throughput ? TimeUnit.SECONDS : TimeUnit.MICROSECONDS)
            .warmupIterations(length.warmups)
            .warmupTime(length.time)
            .measurementIterations(length.measurements)
            .measurementTime(length.time)
            .forks(length.forks)
            .jvmArgsAppend(
                QUIET,
                "-D" + Fixtures.EMULATOR_PROPERTY + "=" + emulator.baseUrl(),
                "-Dhttp.maxConnections=64");
    if (gc) {
      options.addProfiler(GCProfiler.class);
    }
    Collection<RunResult> results = new Runner(options.build()).run();
    if (results.size() != 1) {
      throw new IllegalStateException(
          "expected one result for " + benchmark + ", got " + results.size());
    }
    return results.iterator().next();
  }

  private static double pct(RunResult r, double percentile) {
    return r.getPrimaryResult().getStatistics().getPercentile(percentile);
  }

  private static double perCpuSecond(RunResult r) {
    @SuppressWarnings("rawtypes")
    Result payments = r.getSecondaryResults().get("payments");
    @SuppressWarnings("rawtypes")
    Result micros = r.getSecondaryResults().get("cpuMicros");
    return payments == null || micros == null
        ? Double.NaN
        : payments.getScore() / micros.getScore() * 1e6;
  }

  private static String alloc(RunResult r) {
    @SuppressWarnings("rawtypes")
    Result norm = r.getSecondaryResults().get("gc.alloc.rate.norm");
    return norm == null ? "n/a" : String.format(Locale.ROOT, "%.0f", norm.getScore());
  }

  private void line(String text) {
    table.append(text).append('\n');
  }

  /** How long each benchmark runs. */
  @SuppressWarnings("ImmutableEnumChecker") // JMH's TimeValue is immutable, though not annotated so
  private enum Length {
    QUICK(1, 1, TimeValue.seconds(1), 1),
    DEFAULT(2, 4, TimeValue.seconds(2), 1),
    LONG(5, 10, TimeValue.seconds(5), 2);

    final int warmups;
    final int measurements;
    final TimeValue time;
    final int forks;

    Length(int warmups, int measurements, TimeValue time, int forks) {
      this.warmups = warmups;
      this.measurements = measurements;
      this.time = time;
      this.forks = forks;
    }
  }
}
