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

  /** How many candidates per status to look at, per payment wanted: room to skip other nodes' claims. */
  private static final int WINDOW = 4;

  private final Database db;
  private final PaymentReader reader;
  private final PaymentWriter writer;
  private final Clock clock;
  private final Dialect dialect;
  private final String payments;
  private final String lockIds;
  private final String candidatesInOrder;

  UnsettledClaims(Database db, Tables t, PaymentReader reader, PaymentWriter writer, Clock clock, Dialect dialect) {
    this.db = db;
    this.reader = reader;
    this.writer = writer;
    this.clock = clock;
    this.dialect = dialect;
    this.payments = t.payments();
    // One index-ordered branch per status (see PaymentQueries#page for why), then the oldest first.
    String branch = "(SELECT id FROM " + t.payments() + " WHERE agency_id = ? AND status = %s"
        + " ORDER BY created_at_ns, id FETCH FIRST ? ROWS ONLY)";
    String candidates = "SELECT id FROM (" + String.format(branch, "'IN_DOUBT'") + " UNION ALL "
        + String.format(branch, "'REQUIRES_ACTION'") + " UNION ALL "
        + String.format(branch, "'PENDING' AND updated_at_ns < ?") + " UNION ALL "
        + String.format(branch, "'PROCESSING' AND updated_at_ns < ?") + ") c";
    String oldest = " ORDER BY created_at_ns, id FETCH FIRST ? ROWS ONLY";
    // The row's own conditions again: when another node's claim commits while this statement waits,
    // PostgreSQL rechecks them on the new row version (the candidate list is from the old snapshot).
    this.lockIds = "SELECT id FROM " + t.payments() + " WHERE id IN (" + candidates + ") AND (status IN"
        + " ('IN_DOUBT', 'REQUIRES_ACTION') OR (status IN ('PENDING', 'PROCESSING') AND updated_at_ns < ?))"
        + oldest + " FOR UPDATE SKIP LOCKED";
    this.candidatesInOrder = "SELECT * FROM " + t.payments() + " WHERE id IN (" + candidates + ")" + oldest;
  }

  List<Payment> claim(AgencyId agency, Instant staleBefore, int max) throws SQLException {
    long window = (long) max * WINDOW;
    long stale = Rows.nanos(staleBefore);
    String a = agency.value();
    List<Object> params = List.of(a, window, a, window, a, stale, window, a, stale, window, max);
    if (dialect.skipLocked()) {
      List<Object> lockParams = List.of(a, window, a, window, a, stale, window, a, stale, window, stale, max);
      return db.transaction(c -> {
        List<Object> ids = lockedIds(c, lockParams);
        if (ids.isEmpty()) {
          return List.of();
        }
        String inner = "SELECT * FROM " + payments + " WHERE id IN (" + PaymentQueries.placeholders(ids.size()) + ")";
        List<Payment> claimed = new ArrayList<>();
        for (Payment p : reader.read(c, inner, ids)) {
          claimIn(c, p, staleBefore).ifPresent(claimed::add);
        }
        return claimed;
      });
    }
    List<Payment> candidates = db.read(c -> reader.read(c, candidatesInOrder, params));
    List<Payment> claimed = new ArrayList<>();
    for (Payment p : candidates) {
      try {
        db.transaction(c -> claimIn(c, p, staleBefore)).ifPresent(claimed::add);
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
  private Optional<Payment> claimIn(Connection c, Payment p, Instant staleBefore) throws SQLException {
    if (p.currentAttempt() == null || !claimable(p, staleBefore)) {
      return Optional.empty();
    }
    PaymentStatus status = p.status() == PaymentStatus.REQUIRES_ACTION ? p.status() : PaymentStatus.PROCESSING;
    Payment next = p.change().status(status).at(clock.instant());
    return writer.updateRow(c, next) ? Optional.of(next.withVersion(p.version() + 1)) : Optional.empty();
  }

  /** The claim's conditions in Java too, checked on the payment as read under the row lock. */
  private static boolean claimable(Payment p, Instant staleBefore) {
    return switch (p.status()) {
      case IN_DOUBT, REQUIRES_ACTION -> true;
      case PENDING, PROCESSING -> p.updatedAt().isBefore(staleBefore);
      default -> false;
    };
  }
}
