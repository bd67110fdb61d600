package org.electronicpayments.spring.boot;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.time.Clock;
import org.electronicpayments.spi.PaymentStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Micrometer meters for payments, with a {@code MeterRegistry} in the application (Spring Boot
 * Actuator): outcomes by status and origin, processor-call latency with percentiles, webhook events
 * by type and result, reconcile runs and what they settled (see {@code MicrometerPaymentEvents}),
 * and the gauges {@code electronic.payments.in.doubt} and {@code electronic.payments.unsaved}.
 */
@AutoConfiguration(
    afterName = {
      "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
      "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
      "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration",
      "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration"
    })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(MeterRegistry.class)
public final class ElectronicPaymentsMetricsAutoConfiguration {

  /** Creates the configuration. */
  public ElectronicPaymentsMetricsAutoConfiguration() {}

  @Bean
  @ConditionalOnMissingBean(PaymentEvents.class)
  PaymentEvents electronicPaymentsMeters(
      MeterRegistry registry, ObjectProvider<ObservationRegistry> observations) {
    return new MicrometerPaymentEvents(
        registry, observations.getIfAvailable(() -> ObservationRegistry.NOOP));
  }

  @Bean
  GaugesBinder electronicPaymentsGauges(
      MeterRegistry registry, PaymentStore store, ElectronicPaymentsRegistry agencies) {
    UnsettledPayments unsettled = new UnsettledPayments(store, agencies, Clock.systemUTC());
    Gauge.builder("electronic.payments.in.doubt", unsettled, UnsettledPayments::inDoubt)
        .description(
            "Payments whose outcome is unknown (at most " + UnsettledPayments.CAP + " counted)")
        .strongReference(true)
        .register(registry);
    Gauge.builder("electronic.payments.unsaved", unsettled, UnsettledPayments::unsaved)
        .description(
            "Charged payments nobody saved yet (at most " + UnsettledPayments.CAP + " counted)")
        .strongReference(true)
        .register(registry);
    return new GaugesBinder();
  }

  /** Marks that the gauges are registered. */
  static final class GaugesBinder {}
}
