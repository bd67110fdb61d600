package org.electronicpayments.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/** What the store needs to know about the database it runs on. */
enum Dialect {
  /** PostgreSQL: claims unsettled payments with {@code FOR UPDATE SKIP LOCKED}. */
  POSTGRESQL(true),
  /**
   * H2, and any other database: claims by versioned update only. (H2 parses {@code SKIP LOCKED} but
   * applies {@code FETCH FIRST} before skipping, so a limited claim would find nothing.)
   */
  OTHER(false);

  private final boolean skipLocked;

  Dialect(boolean skipLocked) {
    this.skipLocked = skipLocked;
  }

  boolean skipLocked() {
    return skipLocked;
  }

  static Dialect of(Connection c) throws SQLException {
    String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
    return product.contains("postgresql") ? POSTGRESQL : OTHER;
  }
}
