package org.electronicpayments.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.electronicpayments.AgencyId;
import org.electronicpayments.ClientId;
import org.electronicpayments.Payment;
import org.electronicpayments.testkit.SamplePayments;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The shipped schema: applied by Flyway or by the host, in the connection's schema or a named one.
 */
class MigrationsTest {

  private static final String SCRIPTS = "/db/migration/electronic_payments/";

  private final String schema = "ep_" + UUID.randomUUID().toString().substring(0, 8);
  private final Payment sample =
      SamplePayments.cardPayment(
          AgencyId.of("agency-" + schema),
          ClientId.of("client-1"),
          "REF-1",
          Instant.parse("2026-01-01T15:00:00Z"));
  private TestDatabase used;

  @AfterEach
  void dropSchema() throws SQLException {
    if (used != null) {
      sql(used, "DROP SCHEMA \"" + schema + "\" CASCADE");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  @DisplayName("migrating twice applies version 1 once, in the named schema")
  void migratingTwiceAppliesOnce(TestDatabase db) throws SQLException {
    used = db;
    JdbcPaymentStore.builder().dataSource(db.dataSource()).schema(schema).migrate(true).build();
    JdbcPaymentStore store =
        JdbcPaymentStore.builder().dataSource(db.dataSource()).schema(schema).migrate(true).build();
    assertThat(store.insert(sample)).isEmpty();
    assertThat(store.find(sample.id())).contains(sample);
    assertThat(
            count(
                db,
                "SELECT COUNT(*) FROM \""
                    + schema
                    + "\".\"electronic_payments_schema_history\""
                    + " WHERE \"version\" = '1' AND \"success\" = TRUE"))
        .isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  @DisplayName(
      "version 5 lands in the named schema: the audit trail and receipt emails are kept there")
  void versionFiveLandsInTheNamedSchema(TestDatabase db) throws SQLException {
    used = db;
    JdbcPaymentStore store =
        JdbcPaymentStore.builder().dataSource(db.dataSource()).schema(schema).migrate(true).build();
    JdbcAuditSink audit =
        JdbcAuditSink.builder()
            .dataSource(db.dataSource())
            .schema(schema)
            .agency(sample.agencyId())
            .build();
    store.insert(sample);
    store.recordReceiptEmail(
        new org.electronicpayments.ReceiptEmail(
            sample.id(), "pat@example.org", sample.createdAt(), "staff:s-1", null));
    audit.record(
        new org.electronicpayments.spi.AuditSink.Event(
            sample.createdAt(),
            "staff:s-1",
            org.electronicpayments.security.Permission.VIEW_PAYMENTS,
            sample.clientId(),
            sample.id(),
            true,
            "allowed"));
    assertThat(store.receiptEmails(sample.id())).hasSize(1);
    assertThat(audit.events(org.electronicpayments.spi.AuditQuery.all().payment(sample.id())))
        .hasSize(1);
    assertThat(count(db, "SELECT COUNT(*) FROM \"" + schema + "\".receipt_emails")).isEqualTo(1);
    assertThat(count(db, "SELECT COUNT(*) FROM \"" + schema + "\".audit_events")).isEqualTo(1);
    assertThat(
            count(
                db,
                "SELECT COUNT(*) FROM \""
                    + schema
                    + "\".\"electronic_payments_schema_history\""
                    + " WHERE \"version\" = '5' AND \"success\" = TRUE"))
        .isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  @DisplayName("building on a schema without the tables fails at build(), naming migrate(true)")
  void missingTablesFailAtBuild(TestDatabase db) throws SQLException {
    used = db;
    sql(db, "CREATE SCHEMA \"" + schema + "\"");
    assertThatThrownBy(
            () -> JdbcPaymentStore.builder().dataSource(db.dataSource()).schema(schema).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("migrate(true)");
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  @DisplayName("a host can apply the SQL file itself, without Flyway")
  void hostAppliedSqlIsEnough(TestDatabase db) throws SQLException, IOException {
    used = db;
    sql(db, "CREATE SCHEMA \"" + schema + "\"");
    StringBuilder script = new StringBuilder();
    for (String name :
        scripts()) { // every version, in order, as a host without Flyway would run them
      try (InputStream in = MigrationsTest.class.getResourceAsStream(SCRIPTS + name)) {
        script
            .append(
                new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(line -> !line.strip().startsWith("--"))
                    .collect(Collectors.joining("\n")))
            .append(";\n");
      }
    }
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          db == TestDatabase.H2
              ? "SET SCHEMA \"" + schema + "\""
              : "SET search_path TO \"" + schema + "\"");
      try {
        for (String statement : script.toString().split(";")) {
          if (!statement.isBlank()) {
            s.execute(statement);
          }
        }
      } finally {
        s.execute(db == TestDatabase.H2 ? "SET SCHEMA PUBLIC" : "RESET search_path");
      }
    }
    JdbcPaymentStore store =
        JdbcPaymentStore.builder().dataSource(db.dataSource()).schema(schema).build();
    assertThat(store.insert(sample)).isEmpty();
    assertThat(store.find(sample.id())).contains(sample);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  @DisplayName("Flyway migrates a schema that already holds the host's own tables")
  void migratesBesideHostTables(TestDatabase db) throws SQLException {
    used = db;
    sql(db, "CREATE SCHEMA \"" + schema + "\"");
    sql(db, "CREATE TABLE \"" + schema + "\".host_appointments (id INTEGER PRIMARY KEY)");
    JdbcPaymentStore store =
        JdbcPaymentStore.builder().dataSource(db.dataSource()).schema(schema).migrate(true).build();
    assertThat(store.insert(sample)).isEmpty();
    assertThat(db.store().find(sample.id()))
        .as("the default schema's store does not see it")
        .isEmpty();
  }

  /** The migration scripts' file names, by version number. */
  private static List<String> scripts() throws IOException {
    try {
      Path dir = Path.of(MigrationsTest.class.getResource(SCRIPTS).toURI());
      try (Stream<Path> files = Files.list(dir)) {
        List<String> names =
            files
                .map(f -> f.getFileName().toString())
                .filter(n -> n.matches("V\\d+__.*\\.sql"))
                .sorted(
                    Comparator.comparingInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))))
                .toList();
        assertThat(names)
            .as("migration scripts")
            .isNotEmpty()
            .first()
            .isEqualTo("V1__payments.sql");
        return names;
      }
    } catch (URISyntaxException e) {
      throw new IOException(e);
    }
  }

  private static void sql(TestDatabase db, String sql) throws SQLException {
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static long count(TestDatabase db, String sql) throws SQLException {
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
