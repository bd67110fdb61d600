package org.electronicpayments.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.electronicpayments.AgencyId;
import org.electronicpayments.ClientId;
import org.electronicpayments.Payment;
import org.electronicpayments.testkit.SamplePayments;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The database itself refuses what the SDK never writes: a host's own SQL, a bug, or a second node
 * cannot break the journal's rules behind the store's back.
 */
class SchemaIntegrityTest {

  private static final Instant T0 = Instant.parse("2026-01-01T15:00:00Z");

  private final String n = UUID.randomUUID().toString().substring(0, 8);
  private final AgencyId agency = AgencyId.of("agency-" + n);
  private final ClientId client = ClientId.of("client-" + n);

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  @DisplayName("a second row with an agency's reference is rejected by the database")
  void duplicateReferenceIsRejectedBySql(TestDatabase db) {
    Payment p = stored(db);
    String columns = String.join(", ", PaymentWriter.COLUMNS);
    assertRejected(
        db,
        "INSERT INTO payments (id, "
            + columns
            + ", version) SELECT 'pay_copy_"
            + n
            + "', "
            + columns
            + ", version FROM payments WHERE id = ?",
        p.id().value());
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  @DisplayName("a status outside the lifecycle is rejected by the database")
  void unknownStatusIsRejectedBySql(TestDatabase db) {
    Payment p = stored(db);
    assertRejected(db, "UPDATE payments SET status = 'LOST' WHERE id = ?", p.id().value());
    assertRejected(
        db, "UPDATE payment_attempts SET status = 'MAYBE' WHERE payment_id = ?", p.id().value());
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  @DisplayName("a negative amount is rejected by the database")
  void negativeAmountIsRejectedBySql(TestDatabase db) {
    Payment p = stored(db);
    assertRejected(db, "UPDATE payments SET amount_minor = -1 WHERE id = ?", p.id().value());
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  @DisplayName("an attempt of a payment that does not exist is rejected by the database")
  void attemptWithoutPaymentIsRejectedBySql(TestDatabase db) {
    assertRejected(
        db,
        "INSERT INTO payment_attempts (payment_id, attempt_no, idempotency_key, card_kind, status,"
            + " started_at_ns) VALUES (?, 1, 'k-"
            + n
            + "', 'ONE_TIME', 'PENDING', 0)",
        "pay_missing_" + n);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  @DisplayName("an idempotency key used by two attempts is rejected by the database")
  void reusedIdempotencyKeyIsRejectedBySql(TestDatabase db) {
    Payment p = stored(db);
    assertRejected(
        db,
        "INSERT INTO payment_attempts (payment_id, attempt_no, idempotency_key, card_kind, status,"
            + " started_at_ns) VALUES (?, 2, '"
            + p.currentAttempt().idempotencyKey()
            + "', 'ONE_TIME', 'PENDING', 0)",
        p.id().value());
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  @DisplayName(
      "a second processor customer for one client of an agency is rejected by the database")
  void secondCustomerIsRejectedBySql(TestDatabase db) {
    db.store().putCustomerReference(agency, client, "cus_1");
    assertRejected(
        db,
        "INSERT INTO processor_customers (agency_id, client_id, customer_reference)"
            + " VALUES ('"
            + agency
            + "', ?, 'cus_2')",
        client.value());
    assertThat(db.store().customerReference(agency, client)).contains("cus_1");
  }

  private Payment stored(TestDatabase db) {
    Payment p = SamplePayments.cardPayment(agency, client, "REF-1", T0);
    assertThat(db.store().insert(p)).isEmpty();
    return p;
  }

  private static void assertRejected(TestDatabase db, String sql, String param) {
    DataSource ds = db.dataSource();
    assertThatThrownBy(
            () -> {
              try (Connection c = ds.getConnection();
                  PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, param);
                ps.executeUpdate();
              }
            })
        .isInstanceOf(SQLException.class)
        .satisfies(
            e ->
                assertThat(((SQLException) e).getSQLState())
                    .as("an integrity violation")
                    .startsWith("23"));
  }
}
