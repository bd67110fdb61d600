package org.electronicpayments.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.electronicpayments.CardDetails;
import org.electronicpayments.Payment;
import org.electronicpayments.PaymentAttempt;
import org.electronicpayments.PaymentDispute;
import org.electronicpayments.PaymentFailure;
import org.electronicpayments.PaymentId;
import org.electronicpayments.PaymentRefund;
import org.electronicpayments.PaymentRequest;

/**
 * Writes a payment as rows: one in {@code payments}, one per attempt and per refund. An update is a
 * compare-and-set on the payment row's version, after which the attempts and refunds are rewritten
 * in the same transaction; the row lock the update takes serializes writers.
 */
final class PaymentWriter {

  /** The payment row's columns, in the order {@link #bind} sets them (id and version aside). */
  static final List<String> COLUMNS =
      List.of(
          "agency_id",
          "reference",
          "client_id",
          "appointment_id",
          "origin",
          "date_posted",
          "email_receipt_to",
          "payment_type",
          "payer",
          "amount_minor",
          "currency",
          "note",
          "electronic",
          "client_present",
          "card_kind",
          "card_token",
          "card_nickname",
          "card_method_id",
          "card_consent_giver",
          "card_consent_channel",
          "status",
          "confirmation_number",
          "failure_kind",
          "failure_code",
          "failure_decline_code",
          "failure_reason",
          "failure_response",
          "charged_brand",
          "charged_last4",
          "charged_exp_year",
          "charged_exp_month",
          "charged_fingerprint",
          "saved_card_id",
          "created_by",
          "created_at_ns",
          "updated_at_ns",
          "posted_by",
          "posted_at_ns",
          "dispute_reference",
          "dispute_amount_minor",
          "dispute_currency",
          "dispute_reason",
          "dispute_status",
          "dispute_opened_at_ns",
          "dispute_updated_at_ns");

  private final String insertPayment;
  private final String updatePayment;
  private final String exists;
  private final String insertAttempt;
  private final String insertRefund;
  private final String deleteAttempts;
  private final String deleteRefunds;

  PaymentWriter(Tables t) {
    insertPayment =
        "INSERT INTO "
            + t.payments()
            + " (id, "
            + String.join(", ", COLUMNS)
            + ", version) VALUES ("
            + "?, ".repeat(COLUMNS.size() + 1)
            + "?)";
    updatePayment =
        "UPDATE "
            + t.payments()
            + " SET "
            + COLUMNS.stream().map(c -> c + " = ?").collect(Collectors.joining(", "))
            + ", version = version + 1 WHERE id = ? AND version = ?";
    exists = "SELECT 1 FROM " + t.payments() + " WHERE id = ?";
    insertAttempt =
        "INSERT INTO "
            + t.attempts()
            + " (payment_id, attempt_no, idempotency_key, card_kind, card_token,"
            + " card_nickname, card_method_id, card_consent_giver, card_consent_channel, processor_reference, status,"
            + " started_at_ns, ended_at_ns) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    insertRefund =
        "INSERT INTO "
            + t.refunds()
            + " (payment_id, refund_no, amount_minor, currency, idempotency_key,"
            + " processor_reference, status, requested_by, requested_at_ns) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    deleteAttempts = "DELETE FROM " + t.attempts() + " WHERE payment_id = ?";
    deleteRefunds = "DELETE FROM " + t.refunds() + " WHERE payment_id = ?";
  }

  void insert(Connection c, Payment p) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(insertPayment)) {
      ps.setString(1, p.id().value());
      int next = bind(ps, 2, p);
      ps.setLong(next, p.version());
      ps.executeUpdate();
    }
    writeChildren(c, p);
  }

  /**
   * Writes {@code p} over the row at {@code p.version()}; false when no row has that id and
   * version.
   */
  boolean update(Connection c, Payment p) throws SQLException {
    if (!updateRow(c, p)) {
      return false;
    }
    for (String delete : List.of(deleteAttempts, deleteRefunds)) {
      try (PreparedStatement ps = c.prepareStatement(delete)) {
        ps.setString(1, p.id().value());
        ps.executeUpdate();
      }
    }
    writeChildren(c, p);
    return true;
  }

  /**
   * Writes only the payment row, for a change known to leave the attempts and refunds as stored (a
   * claim, made under the row lock on what was just read).
   */
  boolean updateRow(Connection c, Payment p) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(updatePayment)) {
      int next = bind(ps, 1, p);
      ps.setString(next, p.id().value());
      ps.setLong(next + 1, p.version());
      return ps.executeUpdate() == 1;
    }
  }

  boolean exists(Connection c, PaymentId id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(exists)) {
      ps.setString(1, id.value());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static int bind(PreparedStatement ps, int i, Payment p) throws SQLException {
    PaymentRequest r = p.request();
    ps.setString(i++, p.agencyId().value());
    ps.setString(i++, r.reference());
    ps.setString(i++, r.clientId().value());
    Rows.setString(ps, i++, r.appointmentId() == null ? null : r.appointmentId().value());
    ps.setString(i++, r.origin().name());
    Rows.setDate(ps, i++, Objects.requireNonNull(r.datePosted(), "a stored payment's datePosted"));
    Rows.setString(ps, i++, r.emailReceiptTo());
    ps.setString(i++, r.type().name());
    ps.setString(i++, r.payer().name());
    ps.setLong(i++, r.amountReceived().minorUnits());
    ps.setString(i++, r.amountReceived().currency().getCurrencyCode());
    Rows.setString(ps, i++, r.note());
    ps.setBoolean(i++, r.electronic());
    ps.setBoolean(i++, r.clientPresent());
    Rows.setCard(ps, i, r.card());
    i += Rows.CARD_COLUMNS;
    ps.setString(i++, p.status().name());
    Rows.setString(ps, i++, p.confirmationNumber());
    PaymentFailure f = p.failure();
    Rows.setString(ps, i++, f == null ? null : f.kind().name());
    Rows.setString(ps, i++, f == null ? null : f.code());
    Rows.setString(ps, i++, f == null ? null : f.declineCode());
    Rows.setString(ps, i++, f == null ? null : f.reason());
    Rows.setString(ps, i++, f == null ? null : f.processorResponse());
    CardDetails card = p.card();
    Rows.setString(ps, i++, card == null ? null : card.brand());
    Rows.setString(ps, i++, card == null ? null : card.last4());
    Rows.setInt(ps, i++, card == null ? null : card.expiry().getYear());
    Rows.setInt(ps, i++, card == null ? null : card.expiry().getMonthValue());
    Rows.setString(ps, i++, card == null ? null : card.fingerprint());
    Rows.setString(ps, i++, p.savedCard() == null ? null : p.savedCard().value());
    ps.setString(i++, p.createdBy());
    Rows.setNanos(ps, i++, p.createdAt());
    Rows.setNanos(ps, i++, p.updatedAt());
    Rows.setString(ps, i++, p.postedBy());
    Rows.setNanos(ps, i++, p.postedAt());
    PaymentDispute d = p.dispute();
    Rows.setString(ps, i++, d == null ? null : d.processorReference());
    if (d == null) {
      ps.setNull(i++, Types.BIGINT);
    } else {
      ps.setLong(i++, d.amount().minorUnits());
    }
    Rows.setString(ps, i++, d == null ? null : d.amount().currency().getCurrencyCode());
    Rows.setString(ps, i++, d == null ? null : d.reason());
    Rows.setString(ps, i++, d == null ? null : d.status().name());
    Rows.setNanos(ps, i++, d == null ? null : d.openedAt());
    Rows.setNanos(ps, i++, d == null ? null : d.updatedAt());
    return i;
  }

  private void writeChildren(Connection c, Payment p) throws SQLException {
    if (!p.attempts().isEmpty()) {
      try (PreparedStatement ps = c.prepareStatement(insertAttempt)) {
        for (PaymentAttempt a : p.attempts()) {
          ps.setString(1, p.id().value());
          ps.setInt(2, a.number());
          ps.setString(3, a.idempotencyKey());
          Rows.setCard(ps, 4, a.card());
          Rows.setString(ps, 10, a.processorReference());
          ps.setString(11, a.status().name());
          Rows.setNanos(ps, 12, a.startedAt());
          Rows.setNanos(ps, 13, a.endedAt());
          ps.addBatch();
        }
        ps.executeBatch();
      }
    }
    if (!p.refunds().isEmpty()) {
      try (PreparedStatement ps = c.prepareStatement(insertRefund)) {
        for (PaymentRefund r : p.refunds()) {
          ps.setString(1, p.id().value());
          ps.setInt(2, r.number());
          ps.setLong(3, r.amount().minorUnits());
          ps.setString(4, r.amount().currency().getCurrencyCode());
          ps.setString(5, r.idempotencyKey());
          Rows.setString(ps, 6, r.processorReference());
          ps.setString(7, r.status().name());
          ps.setString(8, r.requestedBy());
          Rows.setNanos(ps, 9, r.requestedAt());
          ps.addBatch();
        }
        ps.executeBatch();
      }
    }
  }
}
