package org.electronicpayments.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.electronicpayments.AgencyId;
import org.electronicpayments.Payment;
import org.electronicpayments.PaymentStatus;

/**
 * Claims unsettled payments for one reconciling node. A claim is the facade's own: the payment
 * moves to PROCESSING (REQUIRES_ACTION stays) with a fresh update time and the next version, so
 * another node's versioned claim of the same payment fails and its next reconcile query skips it
 * until the lease runs out. On PostgreSQL the candidates are locked with
 * {@code FOR UPDATE SKIP LOCKED}, so nodes claiming at the same moment take disjoint payments
 * instead of contending for the same ones.
 */
final class UnsettledClaims {

  private static final String UNSETTLED = "agency_id = ? AND (status IN ('IN_DOUBT', 'REQUIRES_ACTION')"
      + " OR (status IN ('PENDING', 'PROCESSING') AND updated_at_ns < ?))";

  private final Database db;
  private final PaymentReader reader;
  private final PaymentWriter writer;
  private final Clock clock;
  private final Dialect dialect;
  private final String lockIds;
  private final String payments;

  UnsettledClaims(Database db, Tables t, PaymentReader reader, PaymentWriter writer, Clock clock, Dialect dialect) {
    this.db = db;
    this.reader = reader;
    this.writer = writer;
    this.clock = clock;
    this.dialect = dialect;
    this.payments = t.payments();
    this.lockIds = "SELECT id FROM " + payments + " WHERE " + UNSETTLED
        + " ORDER BY created_at_ns, id FETCH FIRST ? ROWS ONLY FOR UPDATE SKIP LOCKED";
  }

  List<Payment> claim(AgencyId agency, Instant staleBefore, int max) throws SQLException {
    List<Object> params = List.of(agency.value(), Rows.nanos(staleBefore), max);
    if (dialect.skipLocked()) {
      return db.transaction(c -> {
        List<Object> ids = lockedIds(c, params);
        if (ids.isEmpty()) {
          return List.of();
        }
        String inner = "SELECT * FROM " + payments + " WHERE id IN (" + PaymentQueries.placeholders(ids.size()) + ")";
        List<Payment> claimed = new ArrayList<>();
        for (Payment p : reader.read(c, inner, ids)) {
          claimIn(c, p).ifPresent(claimed::add);
        }
        return claimed;
      });
    }
    String inner = "SELECT * FROM " + payments + " WHERE " + UNSETTLED
        + " ORDER BY created_at_ns, id FETCH FIRST ? ROWS ONLY";
    List<Payment> candidates = db.read(c -> reader.read(c, inner, params));
    List<Payment> claimed = new ArrayList<>();
    for (Payment p : candidates) {
      try {
        db.transaction(c -> claimIn(c, p)).ifPresent(claimed::add);
      } catch (SQLException e) {
        if (!Database.isConflict(e)) {
          throw e;
        }
      }
    }
    return claimed;
  }

  private List<Object> lockedIds(Connection c, List<Object> params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(lockIds)) {
      for (int i = 0; i < params.size(); i++) {
        ps.setObject(i + 1, params.get(i));
      }
      List<Object> ids = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getString(1));
        }
      }
      return ids;
    }
  }

  /** Moves one payment on by a version, as the facade's claim does; empty when another node won. */
  private Optional<Payment> claimIn(Connection c, Payment p) throws SQLException {
    if (p.currentAttempt() == null) {
      return Optional.empty();
    }
    PaymentStatus status = p.status() == PaymentStatus.REQUIRES_ACTION ? p.status() : PaymentStatus.PROCESSING;
    Payment next = p.change().status(status).at(clock.instant());
    return writer.update(c, next) ? Optional.of(next.withVersion(p.version() + 1)) : Optional.empty();
  }
}
