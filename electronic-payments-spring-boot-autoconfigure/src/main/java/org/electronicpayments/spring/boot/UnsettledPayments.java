package org.electronicpayments.spring.boot;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.electronicpayments.AgencyId;
import org.electronicpayments.Payment;
import org.electronicpayments.PaymentAttempt;
import org.electronicpayments.PaymentQuery;
import org.electronicpayments.PaymentStatus;
import org.electronicpayments.spi.PaymentStore;

/**
 * Counts for the gauges and the health indicator, read from the store (not through the facade, so a
 * scrape is not an audited access), over every agency of the registry. Each count reads at most
 * {@link #CAP} payments per agency.
 */
final class UnsettledPayments {

  /** The most payments one count reads. */
  static final int CAP = 1000;

  private final PaymentStore store;
  private final List<AgencyId> agencies;
  private final Clock clock;

  UnsettledPayments(PaymentStore store, ElectronicPaymentsRegistry registry, Clock clock) {
    this.store = store;
    this.agencies = List.copyOf(registry.agencies());
    this.clock = clock;
  }

  int inDoubt() {
    return inDoubtPayments().size();
  }

  int unsaved() {
    int count = 0;
    for (AgencyId agency : agencies) {
      count += store.query(agency, PaymentQuery.all().unsaved().limit(CAP)).size();
    }
    return count;
  }

  /**
   * The payment whose outcome has been unknown the longest, if longer than the threshold.
   *
   * @param threshold how long is too long
   * @return the oldest such payment
   */
  Optional<Payment> inDoubtLongerThan(Duration threshold) {
    Instant cutoff = clock.instant().minus(threshold);
    return inDoubtPayments().stream()
        .filter(p -> since(p).isBefore(cutoff))
        .min((a, b) -> since(a).compareTo(since(b)));
  }

  private List<Payment> inDoubtPayments() {
    List<Payment> all = new java.util.ArrayList<>();
    for (AgencyId agency : agencies) {
      all.addAll(
          store.query(
              agency, PaymentQuery.all().statuses(EnumSet.of(PaymentStatus.IN_DOUBT)).limit(CAP)));
    }
    return all;
  }

  private static Instant since(Payment p) {
    PaymentAttempt attempt = p.currentAttempt();
    return attempt != null ? attempt.startedAt() : p.createdAt();
  }
}
