package org.electronicpayments.spring.boot;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.electronicpayments.AgencyId;
import org.electronicpayments.ClientId;
import org.electronicpayments.Payment;
import org.electronicpayments.PaymentId;
import org.electronicpayments.PaymentMethod;
import org.electronicpayments.PaymentMethodId;
import org.electronicpayments.PaymentStatus;
import org.electronicpayments.spi.PaymentQuery;
import org.electronicpayments.spi.PaymentStore;

/**
 * The application's store as the facade sees it: each write that moves a payment to an outcome
 * (succeeded, failed, requires action, in doubt) is told to {@link PaymentEvents} once, whichever
 * path wrote it (a request, a webhook, reconcile).
 */
final class ObservedStore implements PaymentStore {

  private static final Set<PaymentStatus> OUTCOMES = EnumSet.of(PaymentStatus.SUCCEEDED, PaymentStatus.FAILED,
      PaymentStatus.REQUIRES_ACTION, PaymentStatus.IN_DOUBT);

  private final PaymentStore delegate;
  private final PaymentEvents events;

  ObservedStore(PaymentStore delegate, PaymentEvents events) {
    this.delegate = delegate;
    this.events = events;
  }

  @Override
  public Optional<Payment> insert(Payment payment) {
    Optional<Payment> existing = delegate.insert(payment);
    if (existing.isEmpty() && OUTCOMES.contains(payment.status())) {
      events.outcome(payment);
    }
    return existing;
  }

  @Override
  public Payment update(Payment payment) {
    if (!OUTCOMES.contains(payment.status())) {
      return delegate.update(payment);
    }
    PaymentStatus before = delegate.find(payment.id()).map(Payment::status).orElse(null);
    Payment stored = delegate.update(payment);
    if (before != stored.status()) {
      events.outcome(stored);
    }
    return stored;
  }

  @Override
  public Optional<Payment> find(PaymentId id) {
    return delegate.find(id);
  }

  @Override
  public Optional<Payment> findByReference(AgencyId agencyId, String reference) {
    return delegate.findByReference(agencyId, reference);
  }

  @Override
  public List<Payment> query(PaymentQuery query) {
    return delegate.query(query);
  }

  @Override
  public Optional<String> customerReference(AgencyId agencyId, ClientId clientId) {
    return delegate.customerReference(agencyId, clientId);
  }

  @Override
  public String putCustomerReference(AgencyId agencyId, ClientId clientId, String customerReference) {
    return delegate.putCustomerReference(agencyId, clientId, customerReference);
  }

  @Override
  public void saveCard(PaymentMethod card) {
    delegate.saveCard(card);
  }

  @Override
  public Optional<PaymentMethod> findCard(PaymentMethodId id) {
    return delegate.findCard(id);
  }

  @Override
  public List<PaymentMethod> cards(AgencyId agencyId, ClientId clientId) {
    return delegate.cards(agencyId, clientId);
  }

  @Override
  public boolean removeCard(PaymentMethodId id) {
    return delegate.removeCard(id);
  }
}
