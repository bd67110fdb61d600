package org.electronicpayments.spring.boot;

import java.time.Clock;
import org.electronicpayments.ElectronicPayments;
import org.electronicpayments.spi.PaymentStore;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * The {@code electronicPayments} health indicator (Spring Boot Actuator): DOWN when a payment has
 * been in doubt longer than {@code electronic-payments.health.in-doubt-threshold} (default 15
 * minutes).
 */
@AutoConfiguration(after = ElectronicPaymentsAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(ElectronicPayments.class)
public final class ElectronicPaymentsHealthAutoConfiguration {

  /** Creates the configuration. */
  public ElectronicPaymentsHealthAutoConfiguration() {}

  @Bean
  @ConditionalOnMissingBean(name = "electronicPaymentsHealthIndicator")
  HealthIndicator electronicPaymentsHealthIndicator(
      PaymentStore store,
      ElectronicPaymentsRegistry registry,
      ElectronicPaymentsProperties properties) {
    return new PaymentsHealthIndicator(
        new UnsettledPayments(store, registry, Clock.systemUTC()),
        properties.health().inDoubtThreshold());
  }
}
