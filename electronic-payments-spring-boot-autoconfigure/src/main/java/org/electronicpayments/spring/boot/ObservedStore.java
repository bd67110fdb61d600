package org.electronicpayments.spring.boot;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.electronicpayments.AgencyId;
import org.electronicpayments.CardRemoval;
import org.electronicpayments.CardSetup;
import org.electronicpayments.CardSetupId;
import org.electronicpayments.CardSetupStatus;
import org.electronicpayments.ClientId;
import org.electronicpayments.Payment;
import org.electronicpayments.PaymentAttempt;
import org.electronicpayments.PaymentId;
import org.electronicpayments.PaymentMethod;
import org.electronicpayments.PaymentMethodId;
import org.electronicpayments.PaymentQuery;
import org.electronicpayments.PaymentStatus;
import org.electronicpayments.ReceiptEmail;
import org.electronicpayments.spi.PaymentStore;

/**
 * The application's store as the facade sees it: each write that moves a payment's current attempt
 * to an outcome (succeeded, failed, requires action, in doubt) is told to {@link PaymentEvents}
 * once, whichever path wrote it (a request, a webhook, reconcile). A reconcile claim that finds the
 * payment still in doubt is not a new outcome: the attempt's own status did not change. Claims go
 * to the application's store unchanged.
 */
final class ObservedStore implements PaymentStore {

  private static final Set<PaymentStatus> OUTCOMES =
      EnumSet.of(
          PaymentStatus.SUCCEEDED,
          PaymentStatus.FAILED,
          PaymentStatus.REQUIRES_ACTION,
          PaymentStatus.IN_DOUBT);

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
    String before = delegate.find(payment.id()).map(ObservedStore::outcomeKey).orElse(null);
    Payment stored = delegate.update(payment);
    if (!outcomeKey(stored).equals(before)) {
      events.outcome(stored);
    }
    return stored;
  }

  /** The current attempt and its status (the payment's status for cash and check). */
  private static String outcomeKey(Payment p) {
    PaymentAttempt attempt = p.currentAttempt();
    return attempt == null ? p.status().name() : attempt.number() + ":" + attempt.status();
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
  public List<Payment> query(AgencyId agencyId, PaymentQuery query) {
    return delegate.query(agencyId, query);
  }

  @Override
  public List<Payment> claimUnsettled(AgencyId agencyId, Instant at, Instant staleBefore, int max) {
    return delegate.claimUnsettled(
        agencyId, at, staleBefore, max); // the store's own claim, atomic across nodes
  }

  @Override
  public Optional<String> customerReference(AgencyId agencyId, ClientId clientId) {
    return delegate.customerReference(agencyId, clientId);
  }

  @Override
  public String putCustomerReference(
      AgencyId agencyId, ClientId clientId, String customerReference) {
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

  @Override
  public void insertSetup(CardSetup setup) {
    delegate.insertSetup(setup);
  }

  @Override
  public Optional<CardSetup> updateSetup(CardSetup setup) {
    return delegate.updateSetup(setup);
  }

  @Override
  public Optional<CardSetup> findSetup(CardSetupId id) {
    return delegate.findSetup(id);
  }

  @Override
  public List<CardSetup> setups(
      AgencyId agencyId, Set<CardSetupStatus> statuses, Instant updatedBefore, int max) {
    return delegate.setups(agencyId, statuses, updatedBefore, max);
  }

  @Override
  public void recordCardRemoval(CardRemoval removal) {
    delegate.recordCardRemoval(removal);
  }

  @Override
  public List<CardRemoval> cardRemovals(AgencyId agencyId, ClientId clientId) {
    return delegate.cardRemovals(agencyId, clientId);
  }

  @Override
  public void recordReceiptEmail(ReceiptEmail email) {
    delegate.recordReceiptEmail(email);
  }

  @Override
  public List<ReceiptEmail> receiptEmails(PaymentId paymentId) {
    return delegate.receiptEmails(paymentId);
  }
}
