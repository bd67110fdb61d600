package org.electronicpayments.benchmarks;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import java.util.concurrent.TimeUnit;
import org.electronicpayments.ElectronicPayments;
import org.electronicpayments.PaymentResult;
import org.electronicpayments.PaymentStatus;
import org.electronicpayments.stripe.StripePaymentProcessor;
import org.electronicpayments.testkit.InMemoryPaymentStore;
import org.electronicpayments.testkit.WorkerThreadProcessor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One one-time card payment on the emulator, two ways: through the SDK ({@code process}:
 * validation, access check and audit, write-ahead journal in the in-memory store, the Stripe
 * module) and through raw stripe-java making the same two requests. {@link Bench} runs it in {@code
 * SampleTime} on one thread (latency, comparison 1) and in {@code Throughput} on 1, 2, 8 and 32
 * threads sharing one facade and one {@code StripeClient} (comparison 2).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Dhttp.maxConnections=64"})
public class StripePathBench {

  private Fixtures.Server server;
  private ElectronicPayments payments;
  private ElectronicPayments withHandoff;
  private StripeClient raw;

  /** Starts (or finds) the emulator and builds both clients against it. */
  @Setup(Level.Trial)
  public void setUp() {
    server = Fixtures.server();
    StripePaymentProcessor stripe =
        StripePaymentProcessor.builder()
            .secretKey(Fixtures.SECRET_KEY)
            .apiBase(server.baseUrl())
            .build();
    payments =
        ElectronicPayments.builder()
            .processor(stripe)
            .store(InMemoryPaymentStore.create())
            .agency(Fixtures.AGENCY)
            .build();
    withHandoff =
        ElectronicPayments.builder()
            .processor(WorkerThreadProcessor.over(stripe))
            .store(InMemoryPaymentStore.create())
            .agency(Fixtures.AGENCY)
            .build();
    raw = Fixtures.rawClient(server.baseUrl());
  }

  /** Stops what {@link #setUp} started. */
  @TearDown(Level.Trial)
  public void tearDown() {
    payments.close();
    withHandoff.close();
    server.close();
  }

  /**
   * A payment through the SDK.
   *
   * @param refs this thread's references
   * @return the result
   */
  @Benchmark
  public PaymentResult sdk(References refs) {
    PaymentResult result = payments.process(Fixtures.DESK, Fixtures.request(refs.next()));
    if (result.status() != PaymentStatus.SUCCEEDED) {
      throw new IllegalStateException("SDK payment ended " + result.status());
    }
    return result;
  }

  /**
   * Experiment: a payment through the SDK with the Stripe processor called on a worker thread (see
   * {@link WorkerThreadProcessor}), as before the Stripe module returned by the deadline on its
   * own; what the worker handoff costs.
   *
   * @param refs this thread's references
   * @return the result
   */
  @Benchmark
  public PaymentResult sdkWithWorkerHandoff(References refs) {
    PaymentResult result = withHandoff.process(Fixtures.DESK, Fixtures.request(refs.next()));
    if (result.status() != PaymentStatus.SUCCEEDED) {
      throw new IllegalStateException("SDK payment ended " + result.status());
    }
    return result;
  }

  /**
   * The same payment with raw stripe-java.
   *
   * @return the confirmed PaymentIntent
   * @throws StripeException never, unless the emulator fails
   */
  @Benchmark
  public PaymentIntent rawStripeJava() throws StripeException {
    return Fixtures.rawPayment(raw);
  }
}
