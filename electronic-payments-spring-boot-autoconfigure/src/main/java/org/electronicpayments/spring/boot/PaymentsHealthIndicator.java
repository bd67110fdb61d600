package org.electronicpayments.spring.boot;

import java.time.Duration;
import java.util.Optional;
import org.electronicpayments.Payment;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * DOWN when a payment's outcome has been unknown (in doubt) for longer than {@code
 * electronic-payments.health.in-doubt-threshold}: reconcile cannot settle it, so someone should
 * look (the processor unreachable, or a payment stuck there). The details name the payment id and
 * how long, never an amount or a client.
 */
final class PaymentsHealthIndicator implements HealthIndicator {

  private final UnsettledPayments unsettled;
  private final Duration threshold;

  PaymentsHealthIndicator(UnsettledPayments unsettled, Duration threshold) {
    this.unsettled = unsettled;
    this.threshold = threshold;
  }

  @Override
  public Health health() {
    Optional<Payment> stuck = unsettled.inDoubtLongerThan(threshold);
    int inDoubt = unsettled.inDoubt();
    if (stuck.isPresent()) {
      return Health.down()
          .withDetail("inDoubt", inDoubt)
          .withDetail("threshold", threshold.toString())
          .withDetail("oldestInDoubt", stuck.get().id().value())
          .build();
    }
    return Health.up()
        .withDetail("inDoubt", inDoubt)
        .withDetail("threshold", threshold.toString())
        .build();
  }
}
