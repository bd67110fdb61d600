package org.electronicpayments.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.electronicpayments.PaymentException;
import org.jspecify.annotations.Nullable;

/**
 * Configures a {@link JdbcPaymentStore}. The data source is required; {@link #build()} applies the
 * migrations when asked, checks that the tables are there, and copies the settings.
 *
 * <pre>{@code
 * JdbcPaymentStore store = JdbcPaymentStore.builder()
 *     .dataSource(dataSource)
 *     .schema("payments")       // optional: the tables' schema (default: the connection's)
 *     .migrate(true)            // optional: apply the shipped migrations (default: false)
 *     .build();
 * }</pre>
 */
public final class JdbcPaymentStoreBuilder {

  /**
   * Whether {@link #build()} applies the migrations unless told otherwise: no, the host decides.
   */
  public static final boolean DEFAULT_MIGRATE = false;

  private static final Pattern SCHEMA_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  private @Nullable DataSource dataSource;
  private @Nullable String schema;
  private boolean migrate = DEFAULT_MIGRATE;

  JdbcPaymentStoreBuilder() {}

  /**
   * The database, usually the host's connection pool (required).
   *
   * @param dataSource the data source
   * @return this builder
   */
  public JdbcPaymentStoreBuilder dataSource(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    return this;
  }

  /**
   * The schema holding the store's tables (default: the connection's current schema). Flyway
   * creates it when {@link #migrate(boolean) migrating}.
   *
   * @param schema lower-case letters, digits and underscores, starting with a letter or underscore
   * @return this builder
   */
  public JdbcPaymentStoreBuilder schema(String schema) {
    Objects.requireNonNull(schema, "schema");
    if (!SCHEMA_NAME.matcher(schema).matches()) {
      throw new IllegalArgumentException(
          "schema must be 1 to 63 lower-case letters, digits and _, not starting"
              + " with a digit");
    }
    this.schema = schema;
    return this;
  }

  /**
   * Whether {@link #build()} applies the migrations shipped in the jar with Flyway (history table
   * {@code electronic_payments_schema_history}). Leave it off when the host applies {@code
   * db/migration/electronic_payments/V*.sql} with its own tooling.
   *
   * @param migrate true to migrate at build time (default false)
   * @return this builder
   */
  public JdbcPaymentStoreBuilder migrate(boolean migrate) {
    this.migrate = migrate;
    return this;
  }

  /**
   * Applies the migrations if asked, checks the tables exist, and builds the store.
   *
   * @return the store
   * @throws IllegalStateException when the data source is missing or the tables are not there
   * @throws PaymentException when the database cannot be reached or the migration fails
   */
  public JdbcPaymentStore build() {
    if (dataSource == null) {
      throw new IllegalStateException("dataSource is required: the host's javax.sql.DataSource");
    }
    if (migrate) {
      Migrations.apply(dataSource, schema);
    }
    Tables tables = Tables.in(schema);
    try (Connection c = dataSource.getConnection()) {
      Dialect dialect = Dialect.of(c);
      requireTables(c, tables);
      return new JdbcPaymentStore(new Database(dataSource), tables, dialect);
    } catch (SQLException e) {
      throw Database.failure("connect to its database", null, e);
    }
  }

  private void requireTables(Connection c, Tables tables) throws SQLException {
    for (String table :
        new String[] {
          tables.payments(), tables.attempts(), tables.refunds(), tables.cards(), tables.customers()
        }) {
      try (Statement s = c.createStatement()) {
        s.executeQuery("SELECT 1 FROM " + table + " WHERE 1 = 0").close();
      } catch (SQLException e) {
        if (!c.getAutoCommit()) {
          c.rollback();
        }
        throw new IllegalStateException(
            "table "
                + table
                + " is missing: call migrate(true), or apply "
                + Migrations.LOCATION.substring("classpath:".length())
                + "/V1__payments.sql first",
            e);
      }
    }
  }
}
