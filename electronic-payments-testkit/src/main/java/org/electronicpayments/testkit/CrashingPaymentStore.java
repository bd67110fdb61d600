package org.electronicpayments.testkit;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
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

/**
 * One host process's view of a shared store, that can "die" at a chosen write: just before it (the
 * write is lost) or just after it (the write landed; the host died before it could use the answer).
 * Once dead, every call fails with {@link SimulatedCrash}, so a late worker thread of the dead host
 * writes nothing more, as a killed process could not. Build a new facade over the underlying store
 * to play the restarted host.
 *
 * <pre>{@code
 * CrashingPaymentStore host = CrashingPaymentStore.over(store).crashOnUpdate(2, When.BEFORE);
 * ElectronicPayments dying = ElectronicPayments.builder().store(host)…build();
 * assertThatThrownBy(() -> dying.process(actor, request)).isInstanceOf(SimulatedCrash.class);
 * ElectronicPayments restarted = ElectronicPayments.builder().store(store)…build();
 * restarted.reconcile(Actor.system("reconciler"));
 * }</pre>
 */
public final class CrashingPaymentStore implements PaymentStore {

  private final PaymentStore store;
  private int countdown = -1;
  private boolean updatesOnly;
  private When when = When.BEFORE;
  private volatile boolean dead;

  private CrashingPaymentStore(PaymentStore store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  /**
   * A host's view of a store, alive until told otherwise.
   *
   * @param store the shared store
   * @return the view
   */
  public static CrashingPaymentStore over(PaymentStore store) {
    return new CrashingPaymentStore(store);
  }

  /**
   * Dies at the {@code n}-th write from now (insert, update, saved card, customer).
   *
   * @param n 1 for the next write
   * @param when before or after that write
   * @return this view
   */
  public synchronized CrashingPaymentStore crashOnWrite(int n, When when) {
    return arm(n, when, false);
  }

  /**
   * Dies at the {@code n}-th payment update from now.
   *
   * @param n 1 for the next update
   * @param when before or after that update
   * @return this view
   */
  public synchronized CrashingPaymentStore crashOnUpdate(int n, When when) {
    return arm(n, when, true);
  }

  /** Forgets an armed crash (a dead view stays dead). */
  public synchronized void disarm() {
    countdown = -1;
  }

  /** Dies now. */
  public void crash() {
    dead = true;
  }

  /**
   * Whether the simulated host has died.
   *
   * @return true once the host died
   */
  public boolean isDead() {
    return dead;
  }

  private CrashingPaymentStore arm(int n, When w, boolean onlyUpdates) {
    if (n < 1) {
      throw new IllegalArgumentException("n must be at least 1");
    }
    this.countdown = n;
    this.when = Objects.requireNonNull(w, "when");
    this.updatesOnly = onlyUpdates;
    return this;
  }

  private synchronized boolean crashesNow(boolean isUpdate) {
    alive();
    if (countdown < 0 || (updatesOnly && !isUpdate)) {
      return false;
    }
    return --countdown == 0;
  }

  private <T> T write(boolean isUpdate, Supplier<T> op) {
    boolean crash = crashesNow(isUpdate);
    if (crash && when == When.BEFORE) {
      dead = true;
      throw new SimulatedCrash("before a write");
    }
    T result = op.get();
    if (crash) {
      dead = true;
      throw new SimulatedCrash("after a write");
    }
    return result;
  }

  private void alive() {
    if (dead) {
      throw new SimulatedCrash("(the host is already dead)");
    }
  }

  @Override
  public Optional<Payment> insert(Payment payment) {
    return write(false, () -> store.insert(payment));
  }

  @Override
  public Payment update(Payment payment) {
    return write(true, () -> store.update(payment));
  }

  @Override
  public Optional<Payment> find(PaymentId id) {
    alive();
    return store.find(id);
  }

  @Override
  public Optional<Payment> findByReference(AgencyId agencyId, String reference) {
    alive();
    return store.findByReference(agencyId, reference);
  }

  @Override
  public List<Payment> query(AgencyId agencyId, PaymentQuery query) {
    alive();
    return store.query(agencyId, query);
  }

  /**
   * A batch of claims is one write: a crash before it claims nothing, after it leaves all claimed.
   */
  @Override
  public List<Payment> claimUnsettled(AgencyId agencyId, Instant at, Instant staleBefore, int max) {
    return write(true, () -> store.claimUnsettled(agencyId, at, staleBefore, max));
  }

  @Override
  public Optional<String> customerReference(AgencyId agencyId, ClientId clientId) {
    alive();
    return store.customerReference(agencyId, clientId);
  }

  @Override
  public String putCustomerReference(
      AgencyId agencyId, ClientId clientId, String customerReference) {
    return write(false, () -> store.putCustomerReference(agencyId, clientId, customerReference));
  }

  @Override
  public void saveCard(PaymentMethod card) {
    write(
        false,
        () -> {
          store.saveCard(card);
          return null;
        });
  }

  @Override
  public Optional<PaymentMethod> findCard(PaymentMethodId id) {
    alive();
    return store.findCard(id);
  }

  @Override
  public List<PaymentMethod> cards(AgencyId agencyId, ClientId clientId) {
    alive();
    return store.cards(agencyId, clientId);
  }

  @Override
  public boolean removeCard(PaymentMethodId id) {
    return write(false, () -> store.removeCard(id));
  }

  @Override
  public void insertSetup(CardSetup setup) {
    write(
        false,
        () -> {
          store.insertSetup(setup);
          return null;
        });
  }

  @Override
  public Optional<CardSetup> updateSetup(CardSetup setup) {
    return write(true, () -> store.updateSetup(setup));
  }

  @Override
  public Optional<CardSetup> findSetup(CardSetupId id) {
    alive();
    return store.findSetup(id);
  }

  @Override
  public List<CardSetup> setups(
      AgencyId agencyId, Set<CardSetupStatus> statuses, Instant updatedBefore, int max) {
    alive();
    return store.setups(agencyId, statuses, updatedBefore, max);
  }

  @Override
  public void recordCardRemoval(CardRemoval removal) {
    write(
        false,
        () -> {
          store.recordCardRemoval(removal);
          return null;
        });
  }

  @Override
  public List<CardRemoval> cardRemovals(AgencyId agencyId, ClientId clientId) {
    alive();
    return store.cardRemovals(agencyId, clientId);
  }

  @Override
  public void recordReceiptEmail(ReceiptEmail email) {
    alive();
    store.recordReceiptEmail(email);
  }

  @Override
  public List<ReceiptEmail> receiptEmails(PaymentId paymentId) {
    alive();
    return store.receiptEmails(paymentId);
  }

  /** Whether the host dies just before or just after the chosen write. */
  public enum When {
    /** The write is lost. */
    BEFORE,
    /** The write landed; its answer is lost. */
    AFTER
  }

  /** The host process "died"; everything it held in memory is gone. */
  public static final class SimulatedCrash extends RuntimeException {

    private static final long serialVersionUID = 1L;

    SimulatedCrash(String where) {
      super("simulated host crash " + where, null, false, false);
    }
  }
}
