package org.electronicpayments.benchmarks;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCreateParams;
import java.util.concurrent.TimeUnit;
import org.electronicpayments.PaymentId;
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
 * What a host's tests pay per emulator request (comparison 4): one {@code POST /v1/payment_intents}
 * (unconfirmed, with an idempotency key) from stripe-java. {@link Bench} runs it in {@code
 * SampleTime} on one thread (p50) and in {@code Throughput} on several (requests/s).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Dhttp.maxConnections=64"})
public class EmulatorBench {

  private Fixtures.Server server;
  private StripeClient client;
  private PaymentIntentCreateParams params;

  /** Starts (or finds) the emulator. */
  @Setup(Level.Trial)
  public void setUp() {
    server = Fixtures.server();
    client = Fixtures.rawClient(server.baseUrl());
    params =
        PaymentIntentCreateParams.builder()
            .setAmount(Fixtures.AMOUNT_CENTS)
            .setCurrency("usd")
            .setPaymentMethod(Fixtures.CARD)
            .addPaymentMethodType("card")
            .setConfirm(false)
            .build();
  }

  /** Stops the emulator if this JVM started it. */
  @TearDown(Level.Trial)
  public void tearDown() {
    server.close();
  }

  /**
   * One request.
   *
   * @return the PaymentIntent
   * @throws StripeException never, unless the emulator fails
   */
  @Benchmark
  public PaymentIntent createPaymentIntent() throws StripeException {
    return client
        .v1()
        .paymentIntents()
        .create(
            params,
            RequestOptions.builder()
                .setIdempotencyKey(PaymentId.generate().value() + "-create")
                .build());
  }
}
