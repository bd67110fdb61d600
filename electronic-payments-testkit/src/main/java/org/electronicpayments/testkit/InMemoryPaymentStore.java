package org.electronicpayments.testkit;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.electronicpayments.AgencyId;
import org.electronicpayments.CardRemoval;
import org.electronicpayments.CardSetup;
import org.electronicpayments.CardSetupId;
import org.electronicpayments.CardSetupStatus;
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

  private static final PaymentQuery UNSETTLED_REFUNDS = PaymentQuery.all().unsettledRefunds();

  private static final Comparator<Payment> OLDEST_FIRST =
      Comparator.comparing(Payment::createdAt).thenComparing(p -> p.id().value());

  private final ConcurrentHashMap<PaymentId, Payment> payments = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<ReferenceKey, PaymentId> references = new ConcurrentHashMap<>();

  /**
   * The payments with a refund pending or in doubt, kept with every write, so that the reconcile
   * query ({@link PaymentQuery#unsettledRefunds()}) reads those and not every payment. It holds at
   * least every such payment (the query checks each again).
   */
  private final Set<PaymentId> unsettledRefunds = ConcurrentHashMap.newKeySet();

  private final ConcurrentHashMap<CustomerKey, String> customers = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<PaymentMethodId, PaymentMethod> cards = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<CardSetupId, CardSetup> setups = new ConcurrentHashMap<>();
  private final List<CardRemoval> removals = new CopyOnWriteArrayList<>();
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
    if (UNSETTLED_REFUNDS.matches(payment.agencyId(), payment)) {
      unsettledRefunds.add(payment.id()); // only ever added here: an update may already have run
    }
    return Optional.empty();
  }

  @Override
  public Payment update(Payment payment) {
    Objects.requireNonNull(payment, "payment");
    Payment stored =
        payments.computeIfPresent(
            payment.id(),
            (id, current) -> {
              if (current.version() != payment.version()) {
                throw new ConcurrentUpdateException(id, payment.version());
              }
              Payment next = payment.withVersion(current.version() + 1);
              indexRefunds(next); // under the entry's lock: the index follows the stored value
              return next;
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
    Stream<Payment> candidates =
        query.unsettledRefundsOnly()
            ? unsettledRefunds.stream().map(payments::get).filter(Objects::nonNull)
            : payments.values().stream();
    return candidates
        .filter(p -> query.matches(agencyId, p))
        .sorted(OLDEST_FIRST)
        .skip(query.offset())
        .limit(query.limit())
        .toList();
  }

  private void indexRefunds(Payment p) {
    if (UNSETTLED_REFUNDS.matches(p.agencyId(), p)) {
      unsettledRefunds.add(p.id());
    } else {
      unsettledRefunds.remove(p.id());
    }
  }

  @Override
  public Optional<String> customerReference(AgencyId agencyId, ClientId clientId) {
    return Optional.ofNullable(customers.get(new CustomerKey(agencyId, clientId)));
  }

  @Override
  public String putCustomerReference(
      AgencyId agencyId, ClientId clientId, String customerReference) {
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
    return cards.values().stream()
        .filter(c -> c.agencyId().equals(agencyId) && c.clientId().equals(clientId))
        .sorted(Comparator.comparing(PaymentMethod::savedAt).thenComparing(c -> c.id().value()))
        .toList();
  }

  @Override
  public boolean removeCard(PaymentMethodId id) {
    return cards.remove(id) != null;
  }

  @Override
  public void insertSetup(CardSetup setup) {
    Objects.requireNonNull(setup, "setup");
    if (setup.version() != 0) {
      throw new IllegalArgumentException("a new setup has version 0");
    }
    if (setups.putIfAbsent(setup.id(), setup) != null) {
      throw new IllegalStateException("card setup " + setup.id() + " is stored already");
    }
  }

  @Override
  public Optional<CardSetup> updateSetup(CardSetup setup) {
    Objects.requireNonNull(setup, "setup");
    CardSetup[] stored = new CardSetup[1];
    setups.computeIfPresent(
        setup.id(),
        (id, current) -> {
          if (current.version() != setup.version()) {
            return current;
          }
          stored[0] = setup.nextVersion();
          return stored[0];
        });
    return Optional.ofNullable(stored[0]);
  }

  @Override
  public Optional<CardSetup> findSetup(CardSetupId id) {
    return Optional.ofNullable(setups.get(id));
  }

  @Override
  public List<CardSetup> setups(
      AgencyId agencyId, Set<CardSetupStatus> statuses, Instant updatedBefore, int max) {
    if (max < 1) {
      throw new IllegalArgumentException("max must be at least 1");
    }
    return setups.values().stream()
        .filter(
            s ->
                s.agencyId().equals(agencyId)
                    && statuses.contains(s.status())
                    && s.updatedAt().isBefore(updatedBefore))
        .sorted(Comparator.comparing(CardSetup::createdAt).thenComparing(s -> s.id().value()))
        .limit(max)
        .toList();
  }

  @Override
  public void recordCardRemoval(CardRemoval removal) {
    removals.add(Objects.requireNonNull(removal, "removal"));
  }

  @Override
  public List<CardRemoval> cardRemovals(AgencyId agencyId, ClientId clientId) {
    return removals.stream()
        .filter(r -> r.agencyId().equals(agencyId) && r.clientId().equals(clientId))
        .sorted(Comparator.comparing(CardRemoval::removedAt))
        .toList();
  }

  @Override
  public void recordReceiptEmail(ReceiptEmail email) {
    receiptEmails.add(java.util.Objects.requireNonNull(email, "email"));
  }

  @Override
  public List<ReceiptEmail> receiptEmails(PaymentId paymentId) {
    return receiptEmails.stream()
        .filter(e -> e.paymentId().equals(paymentId))
        .sorted(Comparator.comparing(ReceiptEmail::at))
        .toList();
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
    unsettledRefunds.clear();
    references.clear();
    customers.clear();
    cards.clear();
    setups.clear();
    removals.clear();
    receiptEmails.clear();
  }

  private record ReferenceKey(AgencyId agency, String reference) {}

  private record CustomerKey(AgencyId agency, ClientId client) {}
}
