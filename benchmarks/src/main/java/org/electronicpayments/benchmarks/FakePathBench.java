package org.electronicpayments.benchmarks;

import java.util.concurrent.TimeUnit;
import org.electronicpayments.ElectronicPayments;
import org.electronicpayments.PaymentResult;
import org.electronicpayments.PaymentStatus;
import org.electronicpayments.testkit.FakePaymentProcessor;
import org.electronicpayments.testkit.InMemoryPaymentStore;
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
 * The speed a host's test suite sees: the facade with the testkit's in-memory store and fake
 * processor, one one-time card payment per call (comparison 3, target 100,000/s on one thread). The
 * store and the fake are emptied every {@value #RESET_EVERY} payments (counted in the time), as a
 * test suite's {@code reset()} between tests would, so memory stays flat.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FakePathBench {

  static final int RESET_EVERY = 10_000;

  private InMemoryPaymentStore store;
  private FakePaymentProcessor fake;
  private ElectronicPayments payments;
  private int sinceReset;

  /** Builds the facade over the fakes. */
  @Setup(Level.Trial)
  public void setUp() {
    store = InMemoryPaymentStore.create();
    fake = FakePaymentProcessor.create();
    payments =
        ElectronicPayments.builder().processor(fake).store(store).agency(Fixtures.AGENCY).build();
  }

  /** Stops the facade. */
  @TearDown(Level.Trial)
  public void tearDown() {
    payments.close();
  }

  /**
   * A payment through the facade and the fakes.
   *
   * @param refs this thread's references
   * @param cpu this thread's payments and CPU time
   * @return the result
   */
  @Benchmark
  public PaymentResult process(References refs, CpuTime cpu) {
    cpu.payments++;
    if (++sinceReset == RESET_EVERY) {
      sinceReset = 0;
      store.reset();
      fake.reset();
    }
    PaymentResult result = payments.process(Fixtures.DESK, Fixtures.request(refs.next()));
    if (result.status() != PaymentStatus.SUCCEEDED) {
      throw new IllegalStateException("fake payment ended " + result.status());
    }
    return result;
  }
}
