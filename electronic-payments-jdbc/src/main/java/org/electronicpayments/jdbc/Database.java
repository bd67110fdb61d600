package org.electronicpayments.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import javax.sql.DataSource;
import org.electronicpayments.PaymentException;
import org.electronicpayments.PaymentId;
import org.jspecify.annotations.Nullable;

/**
 * Borrows a connection from the host's {@link DataSource} for one unit of work: a single read, or a
 * transaction that commits on success and rolls back on any failure. The connection's auto-commit
 * setting is put back before it is returned, so pooled connections stay clean. {@link
 * SQLException}s pass through; the store translates them, knowing what it was doing.
 */
final class Database {

  /** SQL states meaning "another transaction got there first"; the writer should reread. */
  private static final Set<String> CONFLICT_STATES =
      Set.of(
          "40001", // serialization failure (PostgreSQL, standard)
          "40P01", // deadlock detected (PostgreSQL)
          "55P03", // lock not available (PostgreSQL lock_timeout)
          "HYT00", // lock timeout (H2)
          "90131"); // concurrent update (H2)

  private final DataSource dataSource;

  Database(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Work done with a connection. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  /** Runs read-only work; ends any transaction the pool left open on the connection. */
  <T> T read(Work<T> work) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      T result = work.run(c);
      if (!c.getAutoCommit()) {
        c.rollback();
      }
      return result;
    }
  }

  /** Runs work in one transaction: committed when it returns, rolled back when it throws. */
  <T> T transaction(Work<T> work) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      if (autoCommit) {
        c.setAutoCommit(false);
      }
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException | Error e) {
        rollbackQuietly(c, e);
        throw e;
      } finally {
        if (autoCommit) {
          c.setAutoCommit(true);
        }
      }
    }
  }

  /** Whether the failure is a unique-constraint violation. */
  static boolean isUniqueViolation(SQLException e) {
    return hasState(e, Set.of("23505"));
  }

  /** Whether the failure means a concurrent writer won (lock timeout, serialization failure). */
  static boolean isConflict(SQLException e) {
    return hasState(e, CONFLICT_STATES);
  }

  /** Looks at the exception, the exceptions chained to it (a batch's) and their causes. */
  private static boolean hasState(SQLException e, Set<String> states) {
    for (SQLException s = e; s != null; s = s.getNextException()) {
      for (Throwable t = s; t != null; t = t.getCause()) {
        if (t instanceof SQLException sql
            && sql.getSQLState() != null
            && states.contains(sql.getSQLState())) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The exception a caller sees. The driver's message stays in the cause only: it may quote row
   * values (a note), which the SDK keeps out of its own messages.
   */
  static PaymentException failure(String what, @Nullable PaymentId paymentId, SQLException e) {
    return new PaymentException(
        "The payment store could not "
            + what
            + " (SQL state "
            + e.getSQLState()
            + ", error "
            + e.getErrorCode()
            + ")",
        paymentId,
        null,
        e);
  }

  private static void rollbackQuietly(Connection c, Throwable failure) {
    try {
      c.rollback();
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }
}
