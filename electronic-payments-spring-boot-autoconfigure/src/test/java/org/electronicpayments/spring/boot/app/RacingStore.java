package org.electronicpayments.spring.boot.app;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.electronicpayments.AgencyId;
import org.electronicpayments.CardRemoval;
import org.electronicpayments.CardSetup;
import org.electronicpayments.CardSetupId;
import org.electronicpayments.CardSetupStatus;
import org.electronicpayments.ClientId;
import org.electronicpayments.Payment;
import org.electronicpayments.PaymentId;
import org.electronicpayments.PaymentMethod;
import org.electronicpayments.PaymentMethodId;
import org.electronicpayments.PaymentQuery;
import org.electronicpayments.ReceiptEmail;
import org.electronicpayments.spi.PaymentStore;
import org.electronicpayments.testkit.InMemoryPaymentStore;

/**
 * The in-memory store, where another node can be made to write each payment just before this node
 * does, for the next few writes: this node's writes then meet a newer version, as they would on a
 * busy shared database.
 */
final class RacingStore implements PaymentStore {

  private final InMemoryPaymentStore delegate = InMemoryPaymentStore.create();
  private final AtomicInteger racedWrites = new AtomicInteger();

  void anotherNodeWritesFirst(int writes) {
    racedWrites.set(writes);
  }

  @Override
  public Payment update(Payment payment) {
    if (racedWrites.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      delegate
          .find(payment.id())
          .ifPresent(current -> delegate.update(current.change().at(Instant.now())));
    }
    return delegate.update(payment);
  }

  @Override
  public Optional<Payment> insert(Payment payment) {
    return delegate.insert(payment);
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
    return delegate.claimUnsettled(agencyId, at, staleBefore, max);
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
