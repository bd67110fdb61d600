package org.electronicpayments.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.AdditionalAnswers.delegatesTo;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.electronicpayments.AgencyId;
import org.electronicpayments.CardChoice;
import org.electronicpayments.ClientId;
import org.electronicpayments.Payment;
import org.electronicpayments.PaymentAttempt;
import org.electronicpayments.PaymentException;
import org.electronicpayments.PaymentStatus;
import org.electronicpayments.testkit.SamplePayments;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A connection that fails part-way through a write (a statement refused after others ran in the
 * same transaction): the store rolls the whole write back, so nothing is ever half-written.
 */
class FailedWriteTest {

  private static final Instant T0 = Instant.parse("2026-01-01T15:00:00Z");

  private final String n = UUID.randomUUID().toString().substring(0, 8);
  private final AgencyId agency = AgencyId.of("agency-" + n);
  private final ClientId client = ClientId.of("client-" + n);

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  @DisplayName("an insert whose attempt row fails leaves no payment row and the reference free")
  void failedInsertLeavesNothing(TestDatabase db) {
    JdbcPaymentStore failing = storeFailingAt(db, "INSERT INTO payment_attempts", 1);
    Payment p = SamplePayments.cardPayment(agency, client, "REF-1", T0);

    assertThatThrownBy(() -> failing.insert(p))
        .isInstanceOf(PaymentException.class)
        .hasMessageContaining("SQL state 58030");

    JdbcPaymentStore healthy = db.store();
    assertThat(healthy.find(p.id())).isEmpty();
    assertThat(healthy.findByReference(agency, "REF-1")).isEmpty();
    assertThat(healthy.insert(p)).isEmpty();
    assertThat(healthy.find(p.id())).contains(p);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  @DisplayName(
      "an update that fails after replacing the payment row and deleting its attempts changes nothing")
  void failedUpdateChangesNothing(TestDatabase db) {
    JdbcPaymentStore healthy = db.store();
    Payment stored = SamplePayments.cardPayment(agency, client, "REF-2", T0);
    healthy.insert(stored);
    Payment retried =
        stored
            .change()
            .status(PaymentStatus.PENDING)
            .addAttempt(
                new PaymentAttempt(
                    2,
                    PaymentAttempt.keyFor(stored.id(), 2),
                    CardChoice.oneTime("pm_card_visa"),
                    null,
                    PaymentStatus.PENDING,
                    T0.plusSeconds(5),
                    null))
            .at(T0.plusSeconds(5));
    JdbcPaymentStore failing = storeFailingAt(db, "INSERT INTO payment_attempts", 1);

    assertThatThrownBy(() -> failing.update(retried)).isInstanceOf(PaymentException.class);

    assertThat(healthy.find(stored.id())).contains(stored);
    assertThat(healthy.update(retried).attempts()).hasSize(2);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  @DisplayName("a batch claim that fails part-way leaves each payment claimed whole or not at all")
  void failedClaimIsWholePerPayment(TestDatabase db) {
    JdbcPaymentStore healthy = db.store();
    List<Payment> inDoubt =
        List.of(stored(healthy, "REF-A"), stored(healthy, "REF-B"), stored(healthy, "REF-C"));
    JdbcPaymentStore failing = storeFailingAt(db, "UPDATE payments SET", 2);
    Instant at = T0.plus(Duration.ofMinutes(5));

    assertThatThrownBy(() -> failing.claimUnsettled(agency, at, T0, 10))
        .isInstanceOf(PaymentException.class);

    int claimed = 0;
    for (Payment before : inDoubt) {
      Payment now = healthy.find(before.id()).orElseThrow();
      Payment claim = before.change().status(PaymentStatus.PROCESSING).at(at).withVersion(1);
      assertThat(now).isIn(before, claim);
      claimed += now.equals(claim) ? 1 : 0;
    }
    // PostgreSQL claims a batch in one transaction (rows locked): it failed whole. H2 claims one
    // payment per transaction: the claim before the failure stands, the others never happened.
    assertThat(claimed).isEqualTo(db == TestDatabase.POSTGRES ? 0 : 1);
  }

  private Payment stored(JdbcPaymentStore store, String reference) {
    Payment p =
        SamplePayments.cardPayment(agency, client, reference, T0)
            .change()
            .status(PaymentStatus.IN_DOUBT)
            .at(T0);
    store.insert(p);
    return p;
  }

  /**
   * A store whose connections run every statement on the real database, except that preparing the
   * {@code nth} statement starting with {@code prefix} fails, as a disk or network fault would.
   */
  private static JdbcPaymentStore storeFailingAt(TestDatabase db, String prefix, int nth) {
    DataSource real = db.dataSource();
    JdbcPaymentStore.builder().dataSource(real).build();
    AtomicInteger seen = new AtomicInteger();
    DataSource failing = mock(DataSource.class);
    try {
      when(failing.getConnection())
          .thenAnswer(
              call -> {
                Connection delegate = real.getConnection();
                Connection connection = mock(Connection.class, delegatesTo(delegate));
                doAnswer(
                        prepare -> {
                          String sql = prepare.getArgument(0);
                          if (sql.startsWith(prefix) && seen.incrementAndGet() == nth) {
                            throw new SQLException("simulated I/O error", "58030");
                          }
                          return delegate.prepareStatement(sql);
                        })
                    .when(connection)
                    .prepareStatement(anyString());
                return connection;
              });
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return JdbcPaymentStore.builder().dataSource(failing).build();
  }
}
