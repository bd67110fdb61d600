package org.electronicpayments.testkit;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.electronicpayments.AgencyId;
import org.electronicpayments.ClientId;
import org.electronicpayments.ConcurrentUpdateException;
import org.electronicpayments.Payment;
import org.electronicpayments.PaymentId;
import org.electronicpayments.PaymentMethod;
import org.electronicpayments.PaymentMethodId;
import org.electronicpayments.PaymentNotFoundException;
import org.electronicpayments.PaymentQuery;
import org.electronicpayments.ReceiptEmail;
import org.electronicpayments.spi.PaymentStore;

/**
 * A {@link PaymentStore} in memory: thread-safe, atomic per reference, compare-and-set on the
 * version, like a database would be. Passes the {@link PaymentStoreCompatibilityKit}.
 *
 * <pre>{@code
 * InMemoryPaymentStore store = InMemoryPaymentStore.create();
 * ElectronicPayments payments = ElectronicPayments.builder().store(store)…build();
 * assertThat(store.payments()).hasSize(1);
 * }</pre>
 */
public final class InMemoryPaymentStore implements PaymentStore {

  private static final Comparator<Payment> OLDEST_FIRST =
      Comparator.comparing(Payment::createdAt).thenComparing(p -> p.id().value());

  private final ConcurrentHashMap<PaymentId, Payment> payments = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<ReferenceKey, PaymentId> references = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<CustomerKey, String> customers = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<PaymentMethodId, PaymentMethod> cards = new ConcurrentHashMap<>();
  private final java.util.concurrent.CopyOnWriteArrayList<ReceiptEmail> receiptEmails =
      new java.util.concurrent.CopyOnWriteArrayList<>();

  private InMemoryPaymentStore() {}

  /**
   * Creates an empty store.
   *
   * @return an empty store
   */
  public static InMemoryPaymentStore create() {
    return new InMemoryPaymentStore();
  }

  @Override
  public Optional<Payment> insert(Payment payment) {
    Objects.requireNonNull(payment, "payment");
    if (payment.version() != 0) {
      throw new IllegalArgumentException("a new payment has version 0");
    }
    ReferenceKey key = new ReferenceKey(payment.agencyId(), payment.request().reference());
    PaymentId taken = references.putIfAbsent(key, payment.id());
    if (taken != null) {
      Payment existing = payments.get(taken);
      while (existing == null) {
        Thread.onSpinWait();
        existing = payments.get(taken);
      }
      return Optional.of(existing);
    }
    if (payments.putIfAbsent(payment.id(), payment) != null) {
      references.remove(key, payment.id());
      throw new IllegalArgumentException("payment " + payment.id() + " is already stored");
    }
    return Optional.empty();
  }

  @Override
  public Payment update(Payment payment) {
    Objects.requireNonNull(payment, "payment");
    Payment stored = payments.computeIfPresent(payment.id(), (id, current) -> {
      if (current.version() != payment.version()) {
        throw new ConcurrentUpdateException(id, payment.version());
      }
      return payment.withVersion(current.version() + 1);
    });
    if (stored == null) {
      throw new PaymentNotFoundException(payment.id());
    }
    return stored;
  }

  @Override
  public Optional<Payment> find(PaymentId id) {
    return Optional.ofNullable(payments.get(id));
  }

  @Override
  public Optional<Payment> findByReference(AgencyId agencyId, String reference) {
    PaymentId id = references.get(new ReferenceKey(agencyId, reference));
    return id == null ? Optional.empty() : find(id);
  }

  @Override
  public List<Payment> query(AgencyId agencyId, PaymentQuery query) {
    Objects.requireNonNull(agencyId, "agencyId");
    return payments.values().stream().filter(p -> query.matches(agencyId, p)).sorted(OLDEST_FIRST)
        .skip(query.offset()).limit(query.limit()).toList();
  }

  @Override
  public Optional<String> customerReference(AgencyId agencyId, ClientId clientId) {
    return Optional.ofNullable(customers.get(new CustomerKey(agencyId, clientId)));
  }

  @Override
  public String putCustomerReference(AgencyId agencyId, ClientId clientId, String customerReference) {
    String before = customers.putIfAbsent(new CustomerKey(agencyId, clientId), customerReference);
    return before != null ? before : customerReference;
  }

  @Override
  public void saveCard(PaymentMethod card) {
    cards.put(card.id(), card);
  }

  @Override
  public Optional<PaymentMethod> findCard(PaymentMethodId id) {
    return Optional.ofNullable(cards.get(id));
  }

  @Override
  public List<PaymentMethod> cards(AgencyId agencyId, ClientId clientId) {
    return cards.values().stream().filter(c -> c.agencyId().equals(agencyId) && c.clientId().equals(clientId))
        .sorted(Comparator.comparing(PaymentMethod::savedAt).thenComparing(c -> c.id().value())).toList();
  }

  @Override
  public boolean removeCard(PaymentMethodId id) {
    return cards.remove(id) != null;
  }

  @Override
  public void recordReceiptEmail(ReceiptEmail email) {
    receiptEmails.add(java.util.Objects.requireNonNull(email, "email"));
  }

  @Override
  public List<ReceiptEmail> receiptEmails(PaymentId paymentId) {
    return receiptEmails.stream().filter(e -> e.paymentId().equals(paymentId))
        .sorted(Comparator.comparing(ReceiptEmail::at)).toList();
  }

  /**
   * Returns every payment stored, oldest first, as a snapshot.
   *
   * @return the payments
   */
  public List<Payment> payments() {
    return payments.values().stream().sorted(OLDEST_FIRST).toList();
  }

  /** Forgets everything. */
  public void reset() {
    payments.clear();
    references.clear();
    customers.clear();
    cards.clear();
    receiptEmails.clear();
  }

  private record ReferenceKey(AgencyId agency, String reference) {}

  private record CustomerKey(AgencyId agency, ClientId client) {}
}
