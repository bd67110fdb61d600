package org.electronicpayments.jdbc;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
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
import org.jspecify.annotations.Nullable;

/**
 * A durable {@link PaymentStore} on PostgreSQL or H2 over plain JDBC, safe with several host
 * processes sharing one database: the reference is unique per agency in the database, and an update
 * is a compare-and-set on the payment row's version, so two nodes never both win.
 *
 * <pre>{@code
 * JdbcPaymentStore store = JdbcPaymentStore.builder()
 *     .dataSource(dataSource)   // the host's pool
 *     .migrate(true)            // apply the shipped Flyway migrations at build()
 *     .build();
 * ElectronicPayments payments = ElectronicPayments.builder().store(store)…build();
 * }</pre>
 *
 * <p>Thread-safe; every call borrows a connection from the data source for its duration only.
 * Database failures surface as {@link org.electronicpayments.PaymentException}s whose cause is the
 * driver's {@link SQLException}; their messages never quote row values.
 */
public final class JdbcPaymentStore implements PaymentStore {

  private static final int SAVE_CARD_TRIES = 3;

  private final Database db;
  private final PaymentWriter writer;
  private final PaymentReader reader;
  private final PaymentQueries queries;
  private final CardRows cards;
  private final SetupRows setupRows;
  private final ReceiptEmailRows receiptEmails;
  private final UnsettledClaims claims;

  JdbcPaymentStore(Database db, Tables tables, Dialect dialect) {
    this.db = db;
    this.writer = new PaymentWriter(tables);
    this.reader = new PaymentReader(tables);
    this.queries = new PaymentQueries(tables, dialect);
    this.cards = new CardRows(tables);
    this.setupRows = new SetupRows(tables);
    this.receiptEmails = new ReceiptEmailRows(tables);
    this.claims = new UnsettledClaims(db, tables, reader, writer, dialect);
  }

  /**
   * Starts configuring a store.
   *
   * @return a builder
   */
  public static JdbcPaymentStoreBuilder builder() {
    return new JdbcPaymentStoreBuilder();
  }

  @Override
  public Optional<Payment> insert(Payment payment) {
    Objects.requireNonNull(payment, "payment");
    if (payment.version() != 0) {
      throw new IllegalArgumentException("a new payment has version 0");
    }
    try {
      db.transaction(
          c -> {
            writer.insert(c, payment);
            return true;
          });
      return Optional.empty();
    } catch (SQLException e) {
      if (!Database.isUniqueViolation(e)) {
        throw Database.failure("store payment " + payment.id(), payment.id(), e);
      }
      Optional<Payment> existing =
          findByReference(payment.agencyId(), payment.request().reference());
      if (existing.isPresent()) {
        return existing;
      }
      if (find(payment.id()).isPresent()) {
        throw new IllegalArgumentException("payment " + payment.id() + " is already stored");
      }
      throw Database.failure(
          "store payment " + payment.id() + ": an idempotency key is taken", payment.id(), e);
    }
  }

  @Override
  public Payment update(Payment payment) {
    Objects.requireNonNull(payment, "payment");
    try {
      return db.transaction(
          c -> {
            if (!writer.update(c, payment)) {
              if (writer.exists(c, payment.id())) {
                throw new ConcurrentUpdateException(payment.id(), payment.version());
              }
              throw new PaymentNotFoundException(payment.id());
            }
            return payment.withVersion(payment.version() + 1);
          });
    } catch (SQLException e) {
      if (Database.isConflict(e)) {
        throw new ConcurrentUpdateException(payment.id(), payment.version());
      }
      throw Database.failure("update payment " + payment.id(), payment.id(), e);
    }
  }

  @Override
  public void recordReceiptEmail(ReceiptEmail email) {
    Objects.requireNonNull(email, "email");
    try {
      db.transaction(
          c -> {
            receiptEmails.insert(c, email);
            return true;
          });
    } catch (SQLException e) {
      throw Database.failure(
          "record the receipt email of payment " + email.paymentId(), email.paymentId(), e);
    }
  }

  @Override
  public List<ReceiptEmail> receiptEmails(PaymentId paymentId) {
    Objects.requireNonNull(paymentId, "paymentId");
    try {
      return db.read(c -> receiptEmails.of(c, paymentId));
    } catch (SQLException e) {
      throw Database.failure("read the receipt emails of payment " + paymentId, paymentId, e);
    }
  }

  @Override
  public Optional<Payment> find(PaymentId id) {
    Objects.requireNonNull(id, "id");
    return one(queries.byId(id.value()), id);
  }

  @Override
  public Optional<Payment> findByReference(AgencyId agencyId, String reference) {
    Objects.requireNonNull(agencyId, "agencyId");
    Objects.requireNonNull(reference, "reference");
    return one(queries.byReference(agencyId.value(), reference), null);
  }

  @Override
  public List<Payment> query(AgencyId agencyId, PaymentQuery query) {
    Objects.requireNonNull(agencyId, "agencyId");
    Objects.requireNonNull(query, "query");
    PaymentQueries.Select select = queries.page(agencyId, query);
    return read("query payments", null, c -> reader.read(c, select.sql(), select.params()));
  }

  /**
   * Claims a batch of unsettled payments, as {@link PaymentStore#claimUnsettled} describes. On
   * PostgreSQL the candidates are taken with {@code SELECT … FOR UPDATE SKIP LOCKED}, so nodes
   * reconciling at the same moment get disjoint payments without contending for them; elsewhere
   * each candidate is claimed by versioned update, and one another node took first is left out.
   */
  @Override
  public List<Payment> claimUnsettled(AgencyId agencyId, Instant at, Instant staleBefore, int max) {
    Objects.requireNonNull(agencyId, "agencyId");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(staleBefore, "staleBefore");
    if (max < 1) {
      throw new IllegalArgumentException("max must be at least 1");
    }
    try {
      return claims.claim(agencyId, at, staleBefore, max);
    } catch (SQLException e) {
      throw Database.failure("claim unsettled payments", null, e);
    }
  }

  @Override
  public Optional<String> customerReference(AgencyId agencyId, ClientId clientId) {
    Objects.requireNonNull(agencyId, "agencyId");
    Objects.requireNonNull(clientId, "clientId");
    return read(
        "read a customer", null, c -> cards.customer(c, agencyId.value(), clientId.value()));
  }

  @Override
  public String putCustomerReference(
      AgencyId agencyId, ClientId clientId, String customerReference) {
    Objects.requireNonNull(customerReference, "customerReference");
    try {
      db.transaction(
          c -> {
            cards.insertCustomer(c, agencyId.value(), clientId.value(), customerReference);
            return true;
          });
      return customerReference;
    } catch (SQLException e) {
      if (Database.isUniqueViolation(e)) {
        return customerReference(agencyId, clientId)
            .orElseThrow(() -> Database.failure("store a customer", null, e));
      }
      throw Database.failure("store a customer", null, e);
    }
  }

  @Override
  public void saveCard(PaymentMethod card) {
    Objects.requireNonNull(card, "card");
    for (int i = 1; ; i++) {
      try {
        db.transaction(
            c -> {
              if (!cards.update(c, card)) {
                cards.insert(c, card);
              }
              return true;
            });
        return;
      } catch (SQLException e) {
        if (!Database.isUniqueViolation(e) || i == SAVE_CARD_TRIES) {
          throw Database.failure("save card " + card.id(), null, e);
        }
      }
    }
  }

  @Override
  public Optional<PaymentMethod> findCard(PaymentMethodId id) {
    Objects.requireNonNull(id, "id");
    return read("read card " + id, null, c -> cards.find(c, id));
  }

  @Override
  public List<PaymentMethod> cards(AgencyId agencyId, ClientId clientId) {
    Objects.requireNonNull(agencyId, "agencyId");
    Objects.requireNonNull(clientId, "clientId");
    return read("read saved cards", null, c -> cards.ofClient(c, agencyId, clientId));
  }

  @Override
  public boolean removeCard(PaymentMethodId id) {
    Objects.requireNonNull(id, "id");
    try {
      return db.transaction(c -> cards.delete(c, id));
    } catch (SQLException e) {
      throw Database.failure("remove card " + id, null, e);
    }
  }

  @Override
  public void insertSetup(CardSetup setup) {
    Objects.requireNonNull(setup, "setup");
    try {
      db.transaction(
          c -> {
            setupRows.insert(c, setup);
            return true;
          });
    } catch (SQLException e) {
      if (Database.isUniqueViolation(e)) {
        throw new IllegalStateException("card setup " + setup.id() + " is stored already");
      }
      throw Database.failure("store card setup " + setup.id(), null, e);
    }
  }

  @Override
  public Optional<CardSetup> updateSetup(CardSetup setup) {
    Objects.requireNonNull(setup, "setup");
    try {
      boolean written = db.transaction(c -> setupRows.update(c, setup));
      return written ? Optional.of(setup.nextVersion()) : Optional.empty();
    } catch (SQLException e) {
      if (Database.isConflict(e)) {
        return Optional.empty();
      }
      throw Database.failure("update card setup " + setup.id(), null, e);
    }
  }

  @Override
  public Optional<CardSetup> findSetup(CardSetupId id) {
    Objects.requireNonNull(id, "id");
    return read("read card setup " + id, null, c -> setupRows.find(c, id));
  }

  @Override
  public List<CardSetup> setups(
      AgencyId agencyId, Set<CardSetupStatus> statuses, Instant updatedBefore, int max) {
    Objects.requireNonNull(agencyId, "agencyId");
    Objects.requireNonNull(statuses, "statuses");
    Objects.requireNonNull(updatedBefore, "updatedBefore");
    if (max < 1) {
      throw new IllegalArgumentException("max must be at least 1");
    }
    return read(
        "read card setups",
        null,
        c -> setupRows.inStatuses(c, agencyId, statuses, updatedBefore, max));
  }

  @Override
  public void recordCardRemoval(CardRemoval removal) {
    Objects.requireNonNull(removal, "removal");
    try {
      db.transaction(
          c -> {
            setupRows.insertRemoval(c, removal);
            return true;
          });
    } catch (SQLException e) {
      throw Database.failure("record the removal of card " + removal.cardId(), null, e);
    }
  }

  @Override
  public List<CardRemoval> cardRemovals(AgencyId agencyId, ClientId clientId) {
    Objects.requireNonNull(agencyId, "agencyId");
    Objects.requireNonNull(clientId, "clientId");
    return read("read card removals", null, c -> setupRows.removals(c, agencyId, clientId));
  }

  private Optional<Payment> one(PaymentQueries.Select select, @Nullable PaymentId id) {
    List<Payment> found =
        read("read a payment", id, c -> reader.read(c, select.sql(), select.params()));
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  private <T> T read(String what, @Nullable PaymentId id, Database.Work<T> work) {
    try {
      return db.read(work);
    } catch (SQLException e) {
      throw Database.failure(what, id, e);
    }
  }
}
