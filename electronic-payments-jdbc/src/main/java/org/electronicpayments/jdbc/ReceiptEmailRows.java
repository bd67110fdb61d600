package org.electronicpayments.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.electronicpayments.PaymentId;
import org.electronicpayments.ReceiptEmail;

/** The {@code receipt_emails} table (schema version 5): records only added, read per payment. */
final class ReceiptEmailRows {

  private final String table;

  ReceiptEmailRows(Tables t) {
    String payments = t.payments();
    this.table = payments.substring(0, payments.length() - "payments".length()) + "receipt_emails";
  }

  void insert(Connection c, ReceiptEmail e) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO "
                + table
                + " (payment_id, sent_to, at_ns, sent_by, failure) VALUES (?, ?, ?, ?, ?)")) {
      ps.setString(1, e.paymentId().value());
      ps.setString(2, e.to());
      ps.setLong(3, Rows.nanos(e.at()));
      ps.setString(4, e.by());
      Rows.setString(ps, 5, e.failure());
      ps.executeUpdate();
    }
  }

  List<ReceiptEmail> of(Connection c, PaymentId id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT sent_to, at_ns, sent_by, failure FROM "
                + table
                + " WHERE payment_id = ? ORDER BY at_ns, id")) {
      ps.setString(1, id.value());
      List<ReceiptEmail> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new ReceiptEmail(
                  id,
                  rs.getString("sent_to"),
                  Rows.instant(rs.getLong("at_ns")),
                  rs.getString("sent_by"),
                  rs.getString("failure")));
        }
      }
      return out;
    }
  }
}
