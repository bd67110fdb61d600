package org.electronicpayments.jdbc;

import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Assumptions;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The databases the tests run on: H2 in memory, always; PostgreSQL when {@code EP_POSTGRES_URL}
 * (with {@code EP_POSTGRES_USER} and {@code EP_POSTGRES_PASSWORD}) names one, as {@code
 * .ci/postgres.sh start} prints. Without it PostgreSQL tests are skipped with a message, except in
 * CI (environment variable {@code CI} set), where they fail.
 */
enum TestDatabase {
  H2 {
    @Override
    DataSource create() {
      JdbcDataSource ds = new JdbcDataSource();
      ds.setURL("jdbc:h2:mem:electronic-payments;DB_CLOSE_DELAY=-1");
      return ds;
    }
  },

  POSTGRES {
    @Override
    DataSource create() {
      String url = System.getenv("EP_POSTGRES_URL");
      if (url == null || url.isBlank()) {
        String why =
            "EP_POSTGRES_URL is not set: PostgreSQL tests need a server. Start one with"
                + " `bash .ci/postgres.sh start` and source the lines it prints (/tmp/ep-postgres/env.sh).";
        if (System.getenv("CI") != null) {
          throw new IllegalStateException(why + " CI is set, so this is a failure, not a skip.");
        }
        Assumptions.abort(why);
      }
      PGSimpleDataSource ds = new PGSimpleDataSource();
      ds.setURL(url);
      ds.setUser(System.getenv().getOrDefault("EP_POSTGRES_USER", "ep"));
      ds.setPassword(System.getenv().getOrDefault("EP_POSTGRES_PASSWORD", ""));
      ds.setLogServerErrorDetail(false);
      return new SimplePool(ds);
    }
  };

  private static final ConcurrentHashMap<TestDatabase, DataSource> SOURCES =
      new ConcurrentHashMap<>();

  abstract DataSource create();

  /** The database, migrated; one pool per run. */
  DataSource dataSource() {
    DataSource existing = SOURCES.get(this);
    if (existing != null) {
      return existing;
    }
    synchronized (SOURCES) {
      return SOURCES.computeIfAbsent(
          this,
          db -> {
            DataSource ds = db.create();
            JdbcPaymentStore.builder().dataSource(ds).migrate(true).build();
            return ds;
          });
    }
  }

  /** A store on the database, as one host node would build it. */
  JdbcPaymentStore store() {
    return JdbcPaymentStore.builder().dataSource(dataSource()).build();
  }
}
