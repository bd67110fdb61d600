package org.electronicpayments.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.electronicpayments.PaymentStatus;
import org.junit.jupiter.api.Test;

/** Calls every benchmark method once, outside JMH, so the suite keeps compiling and working. */
class BenchmarksSmokeTest {

  @Test
  void everyStripePathBenchmarkMakesOnePayment() throws Exception {
    StripePathBench bench = new StripePathBench();
    bench.setUp();
    try {
      assertThat(bench.sdk(new References()).status()).isEqualTo(PaymentStatus.SUCCEEDED);
      assertThat(bench.sdkWithWorkerHandoff(new References()).status())
          .isEqualTo(PaymentStatus.SUCCEEDED);
      assertThat(bench.rawStripeJava().getStatus()).isEqualTo("succeeded");
    } finally {
      bench.tearDown();
    }
  }

  @Test
  void theFakePathBenchmarkMakesOnePaymentAndCountsIt() {
    FakePathBench bench = new FakePathBench();
    bench.setUp();
    CpuTime cpu = new CpuTime();
    cpu.start();
    try {
      assertThat(bench.process(new References(), cpu).status()).isEqualTo(PaymentStatus.SUCCEEDED);
      cpu.stop();
      assertThat(cpu.payments).isEqualTo(1);
    } finally {
      bench.tearDown();
    }
  }

  @Test
  void theEmulatorBenchmarkCreatesOnePaymentIntent() throws Exception {
    EmulatorBench bench = new EmulatorBench();
    bench.setUp();
    try {
      assertThat(bench.createPaymentIntent().getStatus()).isEqualTo("requires_confirmation");
    } finally {
      bench.tearDown();
    }
  }
}
