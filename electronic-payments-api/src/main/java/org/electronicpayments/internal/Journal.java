package org.electronicpayments.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.electronicpayments.AgencyId;
import org.electronicpayments.CardRemoval;
import org.electronicpayments.CardSetup;
import org.electronicpayments.CardSetupId;
import org.electronicpayments.CardSetupStatus;
import org.electronicpayments.ClientId;
import org.electronicpayments.ConcurrentUpdateException;
import org.electronicpayments.Payment;
import org.electronicpayments.PaymentChange;
import org.electronicpayments.PaymentId;
import org.electronicpayments.PaymentMethod;
import org.electronicpayments.PaymentMethodId;
import org.electronicpayments.PaymentNotFoundException;
import org.electronicpayments.PaymentQuery;
import org.electronicpayments.ReceiptEmail;
import org.electronicpayments.spi.PaymentStore;
import org.jspecify.annotations.Nullable;

/**
 * The facade's only way to the store. Writes payment changes with compare-and-set on the version,
 * rereading and reapplying a change when another thread or node moved the payment on first; reads
 * and card records go through here too, so every store access is in one place.
 */
public final class Journal {

  private static final int MAX_TRIES = 16;

  private final PaymentStore store;
  private final Clock clock;
  private final AgencyId agency;

  /**
   * Creates the journal.
   *
   * @param store the host's store, which several agencies may share
   * @param clock the facade's clock
   * @param agency the facade's agency: another agency's payments are unknown here
   */
  public Journal(PaymentStore store, Clock clock, AgencyId agency) {
    this.store = store;
    this.clock = clock;
    this.agency = agency;
  }

  /** The payment of this agency with that id; another agency's payment is not found (G6). */
  Payment read(PaymentId id) {
    return store
        .find(id)
        .filter(p -> p.agencyId().equals(agency))
        .orElseThrow(() -> new PaymentNotFoundException(id));
  }

  /** Stores a new payment; the payment already holding its reference, if any (nothing stored). */
  Optional<Payment> insert(Payment payment) {
    return store.insert(payment);
  }

  /**
   * Applies a change to the latest version of a payment. The change returns {@code null} when,
   * seeing the latest version, it no longer applies; the latest version is then returned as is. The
   * change may run several times: it must be free of side effects.
   */
  Payment change(PaymentId id, Function<Payment, @Nullable Payment> change) {
    for (int i = 0; i < MAX_TRIES; i++) {
      Payment current = read(id);
      @Nullable Payment next = change.apply(current);
      if (next == null) {
        return current;
      }
      try {
        return store.update(next);
      } catch (ConcurrentUpdateException e) {
        Thread.onSpinWait();
      }
    }
    throw new ConcurrentUpdateException(id, -1);
  }

  /** Writes a change computed from {@code base}; fails if the payment moved on since. */
  Payment write(PaymentChange change) {
    return store.update(change.at(clock.instant()));
  }

  /** Writes a payment carrying the version that was read; fails if the payment moved on since. */
  Payment update(Payment payment) {
    return store.update(payment);
  }

  List<Payment> query(AgencyId agency, PaymentQuery query) {
    return store.query(agency, query);
  }

  List<Payment> claimUnsettled(AgencyId agency, Instant at, Instant staleBefore, int max) {
    return store.claimUnsettled(agency, at, staleBefore, max);
  }

  Optional<String> customerReference(AgencyId agency, ClientId client) {
    return store.customerReference(agency, client);
  }

  String putCustomerReference(AgencyId agency, ClientId client, String reference) {
    return store.putCustomerReference(agency, client, reference);
  }

  Optional<PaymentMethod> findCard(PaymentMethodId id) {
    return store.findCard(id);
  }

  List<PaymentMethod> cards(AgencyId agency, ClientId client) {
    return store.cards(agency, client);
  }

  void saveCard(PaymentMethod card) {
    store.saveCard(card);
  }

  boolean removeCard(PaymentMethodId id) {
    return store.removeCard(id);
  }

  void recordReceiptEmail(ReceiptEmail email) {
    store.recordReceiptEmail(email);
  }

  List<ReceiptEmail> receiptEmails(PaymentId id) {
    return store.receiptEmails(id);
  }

  Instant now() {
    return clock.instant();
  }

  void insertSetup(CardSetup setup) {
    store.insertSetup(setup);
  }

  Optional<CardSetup> updateSetup(CardSetup setup) {
    return store.updateSetup(setup);
  }

  Optional<CardSetup> findSetup(CardSetupId id) {
    return store.findSetup(id);
  }

  List<CardSetup> setups(
      AgencyId agency, Set<CardSetupStatus> statuses, Instant updatedBefore, int max) {
    return store.setups(agency, statuses, updatedBefore, max);
  }

  void recordCardRemoval(CardRemoval removal) {
    store.recordCardRemoval(removal);
  }

  List<CardRemoval> cardRemovals(AgencyId agency, ClientId client) {
    return store.cardRemovals(agency, client);
  }
}
