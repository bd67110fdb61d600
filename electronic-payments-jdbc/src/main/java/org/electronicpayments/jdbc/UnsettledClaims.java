package org.electronicpayments.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.electronicpayments.AgencyId;
import org.electronicpayments.Payment;
import org.electronicpayments.PaymentStatus;

/**
 * Claims unsettled payments for one reconciling node. A claim is the facade's own: the payment
 * moves to PROCESSING (REQUIRES_ACTION stays), last changed at the pass's start, with the next
 * version, so another node's versioned claim of the same payment fails and its next reconcile query
 * skips it until the lease runs out. On PostgreSQL the candidates are locked with {@code FOR UPDATE
 * SKIP LOCKED}, so nodes claiming at the same moment take disjoint payments instead of contending
 * for the same ones.
 */
final class UnsettledClaims {

  /**
   * How many candidates per status to look at, per payment wanted: room to skip other nodes'
   * claims.
   */
  private static final int WINDOW = 4;

  private final Database db;
  private final PaymentReader reader;
  private final PaymentWriter writer;
  private final Dialect dialect;
  private final String payments;
  private final String lockIds;
  private final String candidatesInOrder;

  UnsettledClaims(
      Database db, Tables t, PaymentReader reader, PaymentWriter writer, Dialect dialect) {
    this.db = db;
    this.reader = reader;
    this.writer = writer;
    this.dialect = dialect;
    this.payments = t.payments();
    // One index-ordered branch per status (see PaymentQueries#page for why), then the oldest first.
    String branch =
        "(SELECT id FROM "
            + t.payments()
            + " WHERE agency_id = ? AND status = %s"
            + " ORDER BY created_at_ns, id FETCH FIRST ? ROWS ONLY)";
    String candidates =
        "SELECT id FROM ("
            + String.format(branch, "'IN_DOUBT' AND updated_at_ns <= ?")
            + " UNION ALL "
            + String.format(branch, "'REQUIRES_ACTION' AND updated_at_ns < ?")
            + " UNION ALL "
            + String.format(branch, "'PENDING' AND updated_at_ns < ?")
            + " UNION ALL "
            + String.format(branch, "'PROCESSING' AND updated_at_ns < ?")
            + ") c";
    String oldest = " ORDER BY created_at_ns, id FETCH FIRST ? ROWS ONLY";
    // The row's own conditions again: when another node's claim commits while this statement waits,
    // PostgreSQL rechecks them on the new row version (the candidate list is from the old
    // snapshot).
    this.lockIds =
        "SELECT id FROM "
            + t.payments()
            + " WHERE id IN ("
            + candidates
            + ") AND ((status = 'IN_DOUBT'"
            + " AND updated_at_ns <= ?) OR (status IN ('PENDING', 'PROCESSING', 'REQUIRES_ACTION') AND updated_at_ns < ?))"
            + oldest
            + " FOR UPDATE SKIP LOCKED";
    this.candidatesInOrder =
        "SELECT * FROM " + t.payments() + " WHERE id IN (" + candidates + ")" + oldest;
  }

  List<Payment> claim(AgencyId agency, Instant at, Instant staleBefore, int max)
      throws SQLException {
    long window = (long) max * WINDOW;
    long now = Rows.nanos(at);
    long stale = Rows.nanos(staleBefore);
    String a = agency.value();
    List<Object> params =
        List.of(a, now, window, a, stale, window, a, stale, window, a, stale, window, max);
    if (dialect.skipLocked()) {
      List<Object> lockParams =
          List.of(
              a, now, window, a, stale, window, a, stale, window, a, stale, window, now, stale,
              max);
      return db.transaction(
          c -> {
            List<Object> ids = lockedIds(c, lockParams);
            if (ids.isEmpty()) {
              return List.of();
            }
            String inner =
                "SELECT * FROM "
                    + payments
                    + " WHERE id IN ("
                    + PaymentQueries.placeholders(ids.size())
                    + ")";
            List<Payment> claimed = new ArrayList<>();
            for (Payment p : reader.read(c, inner, ids)) {
              claimIn(c, p, at, staleBefore).ifPresent(claimed::add);
            }
            return claimed;
          });
    }
    List<Payment> candidates = db.read(c -> reader.read(c, candidatesInOrder, params));
    List<Payment> claimed = new ArrayList<>();
    for (Payment p : candidates) {
      try {
        db.transaction(c -> claimIn(c, p, at, staleBefore)).ifPresent(claimed::add);
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
  private Optional<Payment> claimIn(Connection c, Payment p, Instant at, Instant staleBefore)
      throws SQLException {
    if (p.currentAttempt() == null || !claimable(p, at, staleBefore)) {
      return Optional.empty();
    }
    PaymentStatus status =
        p.status() == PaymentStatus.REQUIRES_ACTION ? p.status() : PaymentStatus.PROCESSING;
    Payment next = p.change().status(status).at(at);
    return writer.updateRow(c, next)
        ? Optional.of(next.withVersion(p.version() + 1))
        : Optional.empty();
  }

  /** The claim's conditions in Java too, checked on the payment as read under the row lock. */
  private static boolean claimable(Payment p, Instant at, Instant staleBefore) {
    return switch (p.status()) {
      case IN_DOUBT -> !p.updatedAt().isAfter(at);
      case PENDING, PROCESSING, REQUIRES_ACTION -> p.updatedAt().isBefore(staleBefore);
      default -> false;
    };
  }
}
