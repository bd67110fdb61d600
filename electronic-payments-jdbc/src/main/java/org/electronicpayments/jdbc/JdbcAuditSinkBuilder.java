package org.electronicpayments.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.electronicpayments.AgencyId;
import org.jspecify.annotations.Nullable;

/**
 * Configures a {@link JdbcAuditSink}. The data source and the agency are required; {@link #build()}
 * applies the migrations when asked and checks that the {@code audit_events} table is there.
 *
 * <pre>{@code
 * JdbcAuditSink audit = JdbcAuditSink.builder()
 *     .dataSource(dataSource)
 *     .agency(AgencyId.of("agency-1"))  // the facade's agency: its decisions are written and read
 *     .schema("payments")               // optional: the tables' schema (default: the connection's)
 *     .migrate(true)                    // optional: apply the shipped migrations (default: false)
 *     .build();
 * }</pre>
 */
public final class JdbcAuditSinkBuilder {

  private static final Pattern SCHEMA_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  private @Nullable DataSource dataSource;
  private @Nullable AgencyId agencyId;
  private @Nullable String schema;
  private boolean migrate = JdbcPaymentStoreBuilder.DEFAULT_MIGRATE;

  JdbcAuditSinkBuilder() {}

  /**
   * The database, usually the one the payment store uses (required).
   *
   * @param dataSource the data source
   * @return this builder
   */
  public JdbcAuditSinkBuilder dataSource(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    return this;
  }

  /**
   * The agency whose facade writes to this sink (required): several agencies may share the table,
   * and each reads back only its own decisions.
   *
   * @param agencyId the agency
   * @return this builder
   */
  public JdbcAuditSinkBuilder agency(AgencyId agencyId) {
    this.agencyId = Objects.requireNonNull(agencyId, "agencyId");
    return this;
  }

  /**
   * The schema holding the table (default: the connection's current schema).
   *
   * @param schema lower-case letters, digits and underscores, starting with a letter or underscore
   * @return this builder
   */
  public JdbcAuditSinkBuilder schema(String schema) {
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
   * Whether {@link #build()} applies the shipped migrations, as {@link
   * JdbcPaymentStoreBuilder#migrate(boolean)} does.
   *
   * @param migrate true to migrate at build time (default false)
   * @return this builder
   */
  public JdbcAuditSinkBuilder migrate(boolean migrate) {
    this.migrate = migrate;
    return this;
  }

  /**
   * Applies the migrations if asked, checks the table exists, and builds the sink.
   *
   * @return the sink
   * @throws IllegalStateException when the data source or agency is missing, or the table is not
   *     there
   * @throws org.electronicpayments.PaymentException when the database cannot be reached or the
   *     migration fails
   */
  public JdbcAuditSink build() {
    if (dataSource == null) {
      throw new IllegalStateException("dataSource is required: the host's javax.sql.DataSource");
    }
    if (agencyId == null) {
      throw new IllegalStateException(
          "agency is required: the agency whose decisions this sink records");
    }
    if (migrate) {
      Migrations.apply(dataSource, schema);
    }
    String table = (schema == null ? "" : "\"" + schema + "\".") + "audit_events";
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.executeQuery("SELECT 1 FROM " + table + " WHERE 1 = 0").close();
    } catch (SQLException e) {
      throw new IllegalStateException(
          "table "
              + table
              + " is missing: call migrate(true), or apply the"
              + " schema up to version 5 first",
          e);
    }
    return new JdbcAuditSink(new Database(dataSource), table, agencyId);
  }
}
