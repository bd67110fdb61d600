package org.electronicpayments.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import org.electronicpayments.AgencyId;
import org.electronicpayments.AppointmentId;
import org.electronicpayments.CardDetails;
import org.electronicpayments.ClientId;
import org.electronicpayments.DisputeStatus;
import org.electronicpayments.Money;
import org.electronicpayments.Origin;
import org.electronicpayments.Payer;
import org.electronicpayments.Payment;
import org.electronicpayments.PaymentAttempt;
import org.electronicpayments.PaymentDispute;
import org.electronicpayments.PaymentFailure;
import org.electronicpayments.PaymentId;
import org.electronicpayments.PaymentMethodId;
import org.electronicpayments.PaymentRefund;
import org.electronicpayments.PaymentRequest;
import org.electronicpayments.PaymentStatus;
import org.electronicpayments.PaymentType;
import org.jspecify.annotations.Nullable;

/**
 * Reads whole payments. A page of payment rows (an inner {@code SELECT} on {@code payments}) is
 * joined with its attempts and refunds in one statement, so each payment is read from one snapshot:
 * never a payment row of one version with the attempts of another.
 */
final class PaymentReader {

  private final String prefix;
  private final String suffix;

  PaymentReader(Tables t) {
    prefix =
        "SELECT p.*, a.attempt_no AS a_attempt_no, a.idempotency_key AS a_idempotency_key,"
            + " a.card_kind AS a_card_kind, a.card_token AS a_card_token, a.card_nickname AS a_card_nickname,"
            + " a.card_method_id AS a_card_method_id, a.card_consent_giver AS a_card_consent_giver,"
            + " a.card_consent_channel AS a_card_consent_channel, a.processor_reference AS a_processor_reference,"
            + " a.status AS a_status, a.started_at_ns AS a_started_at_ns, a.ended_at_ns AS a_ended_at_ns,"
            + " r.refund_no AS r_refund_no, r.amount_minor AS r_amount_minor, r.currency AS r_currency,"
            + " r.idempotency_key AS r_idempotency_key, r.processor_reference AS r_processor_reference,"
            + " r.status AS r_status, r.requested_by AS r_requested_by, r.requested_at_ns AS r_requested_at_ns FROM (";
    suffix =
        ") p LEFT JOIN "
            + t.attempts()
            + " a ON a.payment_id = p.id LEFT JOIN "
            + t.refunds()
            + " r ON r.payment_id = p.id ORDER BY p.created_at_ns, p.id, a.attempt_no, r.refund_no";
  }

  /**
   * Reads the payments an inner query selects, in the inner query's order by creation, then id.
   *
   * @param inner a {@code SELECT * FROM payments …} with {@code ?} parameters
   * @param params the parameters, bound with {@code setObject}
   */
  List<Payment> read(Connection c, String inner, List<?> params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(prefix + inner + suffix)) {
      for (int i = 0; i < params.size(); i++) {
        ps.setObject(i + 1, params.get(i));
      }
      try (ResultSet rs = ps.executeQuery()) {
        List<Payment> payments = new ArrayList<>();
        @Nullable Row current = null;
        while (rs.next()) {
          String id = rs.getString("id");
          if (current == null || !current.id.equals(id)) {
            if (current != null) {
              payments.add(current.payment());
            }
            current = new Row(id, rs);
          }
          current.add(rs);
        }
        if (current != null) {
          payments.add(current.payment());
        }
        return payments;
      }
    }
  }

  /** One payment being assembled from its joined rows. */
  private static final class Row {
    final String id;
    final Payment base;
    final TreeMap<Integer, PaymentAttempt> attempts = new TreeMap<>();
    final TreeMap<Integer, PaymentRefund> refunds = new TreeMap<>();

    Row(String id, ResultSet rs) throws SQLException {
      this.id = id;
      this.base = paymentRow(rs);
    }

    void add(ResultSet rs) throws SQLException {
      int attempt = rs.getInt("a_attempt_no");
      if (!rs.wasNull() && !attempts.containsKey(attempt)) {
        attempts.put(
            attempt,
            new PaymentAttempt(
                attempt,
                rs.getString("a_idempotency_key"),
                Objects.requireNonNull(Rows.card(rs, "a_"), "an attempt's card"),
                rs.getString("a_processor_reference"),
                PaymentStatus.valueOf(rs.getString("a_status")),
                Rows.instant(rs.getLong("a_started_at_ns")),
                Rows.instantOrNull(rs, "a_ended_at_ns")));
      }
      int refund = rs.getInt("r_refund_no");
      if (!rs.wasNull() && !refunds.containsKey(refund)) {
        refunds.put(
            refund,
            new PaymentRefund(
                refund,
                money(rs.getLong("r_amount_minor"), rs.getString("r_currency")),
                rs.getString("r_idempotency_key"),
                rs.getString("r_processor_reference"),
                PaymentStatus.valueOf(rs.getString("r_status")),
                rs.getString("r_requested_by"),
                Rows.instant(rs.getLong("r_requested_at_ns"))));
      }
    }

    Payment payment() {
      return new Payment(
          base.id(),
          base.agencyId(),
          base.request(),
          base.status(),
          List.copyOf(attempts.values()),
          base.confirmationNumber(),
          base.failure(),
          base.card(),
          base.savedCard(),
          List.copyOf(refunds.values()),
          base.createdBy(),
          base.createdAt(),
          base.updatedAt(),
          base.postedBy(),
          base.postedAt(),
          base.version(),
          base.dispute());
    }
  }

  private static Payment paymentRow(ResultSet rs) throws SQLException {
    String appointment = rs.getString("appointment_id");
    PaymentRequest request =
        new PaymentRequest(
            ClientId.of(rs.getString("client_id")),
            appointment == null ? null : AppointmentId.of(appointment),
            Origin.valueOf(rs.getString("origin")),
            rs.getObject("date_posted", LocalDate.class),
            rs.getString("email_receipt_to"),
            rs.getString("reference"),
            PaymentType.valueOf(rs.getString("payment_type")),
            Payer.valueOf(rs.getString("payer")),
            money(rs.getLong("amount_minor"), rs.getString("currency")),
            rs.getString("note"),
            rs.getBoolean("electronic"),
            Rows.card(rs, ""),
            rs.getBoolean("client_present"));
    String failureKind = rs.getString("failure_kind");
    PaymentFailure failure =
        failureKind == null
            ? null
            : new PaymentFailure(
                PaymentFailure.Kind.valueOf(failureKind),
                rs.getString("failure_code"),
                rs.getString("failure_decline_code"),
                rs.getString("failure_reason"),
                rs.getString("failure_response"));
    String brand = rs.getString("charged_brand");
    CardDetails card =
        brand == null
            ? null
            : new CardDetails(
                brand,
                rs.getString("charged_last4"),
                YearMonth.of(rs.getInt("charged_exp_year"), rs.getInt("charged_exp_month")),
                rs.getString("charged_fingerprint"));
    String savedCard = rs.getString("saved_card_id");
    return new Payment(
        PaymentId.of(rs.getString("id")),
        AgencyId.of(rs.getString("agency_id")),
        request,
        PaymentStatus.valueOf(rs.getString("status")),
        List.of(),
        rs.getString("confirmation_number"),
        failure,
        card,
        savedCard == null ? null : PaymentMethodId.of(savedCard),
        List.of(),
        rs.getString("created_by"),
        Rows.instant(rs.getLong("created_at_ns")),
        Rows.instant(rs.getLong("updated_at_ns")),
        rs.getString("posted_by"),
        Rows.instantOrNull(rs, "posted_at_ns"),
        rs.getLong("version"),
        dispute(rs));
  }

  private static @Nullable PaymentDispute dispute(ResultSet rs) throws SQLException {
    String reference = rs.getString("dispute_reference");
    if (reference == null) {
      return null;
    }
    return new PaymentDispute(
        reference,
        money(rs.getLong("dispute_amount_minor"), rs.getString("dispute_currency")),
        rs.getString("dispute_reason"),
        DisputeStatus.valueOf(rs.getString("dispute_status")),
        Rows.instant(rs.getLong("dispute_opened_at_ns")),
        Rows.instant(rs.getLong("dispute_updated_at_ns")));
  }

  static Money money(long minorUnits, String currency) {
    return Money.ofMinor(minorUnits, Currency.getInstance(currency.strip()));
  }
}
