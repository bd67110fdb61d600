package org.electronicpayments.jdbc;

import javax.sql.DataSource;
import org.electronicpayments.PaymentException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.jspecify.annotations.Nullable;

/**
 * Applies the store's Flyway migrations. The only class that touches Flyway, so a host that applies
 * the SQL itself (and never calls {@code migrate(true)}) may leave Flyway off its class path.
 */
final class Migrations {

  /** Where the migrations are in the jar. */
  static final String LOCATION = "classpath:db/migration/electronic_payments";

  /** Flyway's history table for this schema, apart from any history table of the host's own. */
  static final String HISTORY_TABLE = "electronic_payments_schema_history";

  private Migrations() {}

  static void apply(DataSource dataSource, @Nullable String schema) {
    FluentConfiguration config =
        Flyway.configure(Migrations.class.getClassLoader())
            .dataSource(dataSource)
            .locations(LOCATION)
            .javaMigrations(new RecordsMigration())
            .table(HISTORY_TABLE)
            .placeholderReplacement(false)
            // A host's schema usually holds its own tables: start our history there at version 0.
            .baselineOnMigrate(true)
            .baselineVersion("0");
    if (schema != null) {
      config.schemas(schema).defaultSchema(schema);
    }
    try {
      config.load().migrate();
    } catch (FlywayException e) {
      throw new PaymentException("Migrating the payment store's schema failed", null, null, e);
    }
  }
}
