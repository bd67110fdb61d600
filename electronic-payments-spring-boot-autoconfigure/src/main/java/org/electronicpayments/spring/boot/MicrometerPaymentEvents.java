package org.electronicpayments.spring.boot;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.electronicpayments.Payment;
import org.electronicpayments.ReconcileReport;
import org.jspecify.annotations.Nullable;

/**
 * {@link PaymentEvents} as Micrometer meters. Names are dotted so every registry (Prometheus, OTLP
 * through the OpenTelemetry bridge…) renders them its own way:
 *
 * <ul>
 *   <li>{@code electronic.payments.outcomes} (counter; {@code outcome}, {@code origin}, {@code
 *       type})
 *   <li>{@code electronic.payments.processor.calls} (timer with p50/p95/p99; {@code operation},
 *       {@code error})
 *   <li>{@code electronic.payments.webhook.events} (counter; {@code type}, {@code result})
 *   <li>{@code electronic.payments.reconcile.runs} (timer; {@code result}) and {@code
 *       electronic.payments.reconcile.settled} (counter; {@code outcome})
 * </ul>
 *
 * and, with an {@code ObservationRegistry}, the observation {@code
 * electronic.payments.processor.call} around each processor call, which OpenTelemetry and Brave
 * bridges turn into spans.
 */
final class MicrometerPaymentEvents implements PaymentEvents {

  /** The observation around each processor call. */
  static final String PROCESSOR_CALL_OBSERVATION = "electronic.payments.processor.call";

  private final MeterRegistry registry;
  private final ObservationRegistry observations;

  MicrometerPaymentEvents(MeterRegistry registry, ObservationRegistry observations) {
    this.registry = registry;
    this.observations = observations;
  }

  @Override
  public <T> T observe(String operation, Supplier<T> call) {
    if (observations.isNoop()) {
      return call.get();
    }
    return Observation.createNotStarted(PROCESSOR_CALL_OBSERVATION, observations)
        .contextualName("card processor " + operation)
        .lowCardinalityKeyValue("operation", operation)
        .observe(call);
  }

  @Override
  public void processorCall(String operation, long nanos, boolean error) {
    Timer.builder("electronic.payments.processor.calls")
        .description("Calls to the card processor")
        .tag("operation", operation)
        .tag("error", Boolean.toString(error))
        .publishPercentiles(0.5, 0.95, 0.99)
        .register(registry)
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  @Override
  public void outcome(Payment payment) {
    Counter.builder("electronic.payments.outcomes")
        .description("Payments reaching an outcome")
        .tag("outcome", payment.status().name())
        .tag("origin", payment.request().origin().name())
        .tag("type", payment.request().type().name())
        .register(registry)
        .increment();
  }

  @Override
  public void webhook(String type, String result) {
    Counter.builder("electronic.payments.webhook.events")
        .description("Stripe webhook deliveries")
        .tag("type", type)
        .tag("result", result)
        .register(registry)
        .increment();
  }

  @Override
  public void reconciled(@Nullable ReconcileReport report, long nanos) {
    Timer.builder("electronic.payments.reconcile.runs")
        .description("Scheduled reconcile runs")
        .tag("result", report == null ? "error" : "ok")
        .register(registry)
        .record(nanos, TimeUnit.NANOSECONDS);
    if (report != null) {
      settled("succeeded", report.succeeded());
      settled("failed", report.failed());
      settled("still_in_doubt", report.stillInDoubt());
      settled("awaiting_action", report.awaitingAction());
    }
  }

  private void settled(String outcome, int count) {
    Counter.builder("electronic.payments.reconcile.settled")
        .description("Payments examined by scheduled reconcile runs, by what became of them")
        .tag("outcome", outcome)
        .register(registry)
        .increment(count);
  }
}
