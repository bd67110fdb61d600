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
 * Configures a {@link JdbcRoleStore}. The data source is required; {@link #build()} applies the
 * migrations when asked (the same migrations as {@link JdbcPaymentStore}'s, so either store's
 * {@code migrate(true)} creates both stores' tables), checks that the tables are there, and copies
 * the settings.
 *
 * <pre>{@code
 * JdbcRoleStore roleStore = JdbcRoleStore.builder()
 *     .dataSource(dataSource)
 *     .schema("payments")       // optional: the tables' schema (default: the connection's)
 *     .migrate(true)            // optional: apply the shipped migrations (default: false)
 *     .build();
 * }</pre>
 */
public final class JdbcRoleStoreBuilder {

  private static final Pattern SCHEMA_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  private @Nullable DataSource dataSource;
  private @Nullable String schema;
  private boolean migrate = JdbcPaymentStoreBuilder.DEFAULT_MIGRATE;

  JdbcRoleStoreBuilder() {}

  /**
   * The database, usually the host's connection pool (required).
   *
   * @param dataSource the data source
   * @return this builder
   */
  public JdbcRoleStoreBuilder dataSource(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    return this;
  }

  /**
   * The schema holding the tables (default: the connection's current schema).
   *
   * @param schema lower-case letters, digits and underscores, starting with a letter or underscore
   * @return this builder
   */
  public JdbcRoleStoreBuilder schema(String schema) {
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
   * Whether {@link #build()} applies the migrations shipped in the jar with Flyway. Leave it off
   * when the host applies {@code db/migration/electronic_payments/V*.sql} itself.
   *
   * @param migrate true to migrate at build time (default false)
   * @return this builder
   */
  public JdbcRoleStoreBuilder migrate(boolean migrate) {
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
  public JdbcRoleStore build() {
    if (dataSource == null) {
      throw new IllegalStateException("dataSource is required: the host's javax.sql.DataSource");
    }
    if (migrate) {
      Migrations.apply(dataSource, schema);
    }
    RoleTables tables = RoleTables.in(schema);
    try (Connection c = dataSource.getConnection()) {
      for (String table : tables.all()) {
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
                  + "/V2__roles.sql first",
              e);
        }
      }
    } catch (SQLException e) {
      throw new PaymentException(
          "The role store could not connect to its database (SQL state " + e.getSQLState() + ")",
          null,
          null,
          e);
    }
    return new JdbcRoleStore(new Database(dataSource), tables);
  }
}
