package org.electronicpayments.jdbc;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.electronicpayments.AgencyId;
import org.electronicpayments.ClientId;
import org.electronicpayments.Payment;
import org.electronicpayments.PaymentId;
import org.electronicpayments.PaymentMethod;
import org.electronicpayments.PaymentMethodId;
import org.electronicpayments.spi.PaymentQuery;
import org.electronicpayments.spi.PaymentStore;

/**
 * A store whose host process "dies" at a chosen write: that write and every later call fail, so
 * the database keeps exactly what was committed before the crash, as after a kill.
 */
final class CrashingStore implements PaymentStore {

  private final PaymentStore store;
  private final int crashAtUpdate;
  private final AtomicInteger updates = new AtomicInteger();
  private final AtomicBoolean dead = new AtomicBoolean();

  /** @param crashAtUpdate the update that never happens: 1 for the first, 0 never */
  CrashingStore(PaymentStore store, int crashAtUpdate) {
    this.store = store;
    this.crashAtUpdate = crashAtUpdate;
  }

  /** The host process died. */
  static final class Crash extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Crash() {
      super("the host process died", null, false, false);
    }
  }

  /** Kills the process now. */
  void crash() {
    dead.set(true);
  }

  private void alive() {
    if (dead.get()) {
      throw new Crash();
    }
  }

  @Override
  public Optional<Payment> insert(Payment payment) {
    alive();
    return store.insert(payment);
  }

  @Override
  public Payment update(Payment payment) {
    alive();
    if (updates.incrementAndGet() == crashAtUpdate) {
      crash();
      throw new Crash();
    }
    return store.update(payment);
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
  public List<Payment> query(PaymentQuery query) {
    alive();
    return store.query(query);
  }

  @Override
  public Optional<String> customerReference(AgencyId agencyId, ClientId clientId) {
    alive();
    return store.customerReference(agencyId, clientId);
  }

  @Override
  public String putCustomerReference(AgencyId agencyId, ClientId clientId, String customerReference) {
    alive();
    return store.putCustomerReference(agencyId, clientId, customerReference);
  }

  @Override
  public void saveCard(PaymentMethod card) {
    alive();
    store.saveCard(card);
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
    alive();
    return store.removeCard(id);
  }
}
