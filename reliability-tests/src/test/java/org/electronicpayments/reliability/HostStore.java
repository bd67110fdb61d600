package org.electronicpayments.reliability;

import java.util.List;
import java.util.Optional;
import org.electronicpayments.AgencyId;
import org.electronicpayments.ClientId;
import org.electronicpayments.Payment;
import org.electronicpayments.PaymentId;
import org.electronicpayments.PaymentMethod;
import org.electronicpayments.PaymentMethodId;
import org.electronicpayments.spi.PaymentQuery;
import org.electronicpayments.spi.PaymentStore;

/**
 * One host process's connection to the shared database. A crash can be armed on the k-th next
 * write, either just before it (the write is lost) or just after it (the write landed, the host
 * died before it could use the answer). Once crashed, the connection is dead for good: a late
 * worker thread of the dead host can no longer write, as a killed process could not.
 */
final class HostStore implements PaymentStore {

  private final PaymentStore db;
  private volatile int writesUntilCrash = -1;
  private volatile boolean crashAfterWrite;
  private volatile boolean dead;

  HostStore(PaymentStore db) {
    this.db = db;
  }

  void armCrash(int onWrite, boolean afterWrite) {
    this.crashAfterWrite = afterWrite;
    this.writesUntilCrash = onWrite;
  }

  boolean isDead() {
    return dead;
  }

  private synchronized boolean crashNow() {
    if (dead) {
      throw new SimulatedCrash("(host already dead)");
    }
    if (writesUntilCrash < 0) {
      return false;
    }
    return --writesUntilCrash == 0;
  }

  private <T> T write(java.util.function.Supplier<T> op) {
    boolean crash = crashNow();
    if (crash && !crashAfterWrite) {
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
      throw new SimulatedCrash("(host already dead)");
    }
  }

  @Override
  public Optional<Payment> insert(Payment payment) {
    return write(() -> db.insert(payment));
  }

  @Override
  public Payment update(Payment payment) {
    return write(() -> db.update(payment));
  }

  @Override
  public Optional<Payment> find(PaymentId id) {
    alive();
    return db.find(id);
  }

  @Override
  public Optional<Payment> findByReference(AgencyId agencyId, String reference) {
    alive();
    return db.findByReference(agencyId, reference);
  }

  @Override
  public List<Payment> query(PaymentQuery query) {
    alive();
    return db.query(query);
  }

  @Override
  public Optional<String> customerReference(AgencyId agencyId, ClientId clientId) {
    alive();
    return db.customerReference(agencyId, clientId);
  }

  @Override
  public String putCustomerReference(AgencyId agencyId, ClientId clientId, String customerReference) {
    return write(() -> db.putCustomerReference(agencyId, clientId, customerReference));
  }

  @Override
  public void saveCard(PaymentMethod card) {
    write(() -> {
      db.saveCard(card);
      return null;
    });
  }

  @Override
  public Optional<PaymentMethod> findCard(PaymentMethodId id) {
    alive();
    return db.findCard(id);
  }

  @Override
  public List<PaymentMethod> cards(AgencyId agencyId, ClientId clientId) {
    alive();
    return db.cards(agencyId, clientId);
  }

  @Override
  public boolean removeCard(PaymentMethodId id) {
    return write(() -> db.removeCard(id));
  }
}
