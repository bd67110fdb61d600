package org.electronicpayments.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.electronicpayments.AgencyId;
import org.electronicpayments.ClientId;
import org.electronicpayments.PaymentException;
import org.electronicpayments.PaymentId;
import org.electronicpayments.security.Permission;
import org.electronicpayments.spi.AuditQuery;
import org.electronicpayments.spi.AuditSink;
import org.jspecify.annotations.Nullable;

/**
 * A durable audit trail: every access decision the facade makes, allowed or denied, is one row of
 * the {@code audit_events} table (schema version 5), with what an edit of the agency's roles
 * changed (before and after), and {@link #events(AuditQuery)} reads them back by client, payment,
 * actor and time range. A row holds ids, the permission, the answer, the policy's reason and the
 * role or permission names an edit changed; never a card number, secret or note (the facade's
 * decisions carry none). Give the same sink to the facade and to the role directory.
 *
 * <pre>{@code
 * JdbcAuditSink audit = JdbcAuditSink.builder().dataSource(dataSource).agency(agencyId).build();
 * ElectronicPayments payments = ElectronicPayments.builder()…auditSink(audit).build();
 * // who looked at or charged client 1000's card in January, and when:
 * for (AuditSink.Event e : audit.events(AuditQuery.all().client(ClientId.of("1000"))
 *     .between(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-02-01T00:00:00Z")))) {
 *   System.out.println(e.at() + " " + e.actor() + " " + e.permission() + " " + e.allowed());
 * }
 * }</pre>
 *
 * <p>Fails closed: when a decision cannot be written, {@link #record} throws a {@link
 * PaymentException}, and the facade's operation stops before it reads, changes or charges anything,
 * so no access goes unrecorded. Thread-safe; each event is one insert.
 */
public final class JdbcAuditSink implements AuditSink {

  private final Database database;
  private final String table;
  private final AgencyId agencyId;

  JdbcAuditSink(Database database, String table, AgencyId agencyId) {
    this.database = database;
    this.table = table;
    this.agencyId = agencyId;
  }

  /**
   * Starts configuring a sink.
   *
   * @return a builder
   */
  public static JdbcAuditSinkBuilder builder() {
    return new JdbcAuditSinkBuilder();
  }

  /**
   * Writes one decision.
   *
   * @param event the decision
   * @throws PaymentException when the database does not take it
   */
  @Override
  public void record(Event event) {
    Objects.requireNonNull(event, "event");
    try {
      database.transaction(
          c -> {
            try (PreparedStatement ps =
                c.prepareStatement(
                    "INSERT INTO "
                        + table
                        + " (agency_id, at_ns, actor,"
                        + " permission, client_id, payment_id, allowed, reason, change_subject, change_before, change_after)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
              ps.setString(1, agencyId.value());
              ps.setLong(2, Rows.nanos(event.at()));
              ps.setString(3, event.actor());
              ps.setString(4, event.permission().name());
              Rows.setString(ps, 5, event.clientId() == null ? null : event.clientId().value());
              Rows.setString(ps, 6, event.paymentId() == null ? null : event.paymentId().value());
              ps.setBoolean(7, event.allowed());
              ps.setString(8, event.reason());
              Change change = event.change();
              Rows.setString(ps, 9, change == null ? null : change.subject());
              Rows.setString(ps, 10, change == null ? null : String.join("\n", change.before()));
              Rows.setString(ps, 11, change == null ? null : String.join("\n", change.after()));
              return ps.executeUpdate();
            }
          });
    } catch (SQLException e) {
      throw Database.failure("record an access decision in the audit trail", event.paymentId(), e);
    }
  }

  /**
   * Reads the agency's decisions, oldest first (by time, then by the order they were written).
   *
   * @param query the filters and page
   * @return the matching decisions
   * @throws PaymentException when the database cannot be read
   */
  public List<Event> events(AuditQuery query) {
    Objects.requireNonNull(query, "query");
    StringBuilder sql =
        new StringBuilder("SELECT * FROM ").append(table).append(" WHERE agency_id = ?");
    List<Object> params = new ArrayList<>();
    params.add(agencyId.value());
    if (query.clientId() != null) {
      sql.append(" AND client_id = ?");
      params.add(query.clientId().value());
    }
    if (query.paymentId() != null) {
      sql.append(" AND payment_id = ?");
      params.add(query.paymentId().value());
    }
    if (query.actor() != null) {
      sql.append(" AND actor = ?");
      params.add(query.actor());
    }
    if (query.from() != null) {
      sql.append(" AND at_ns >= ?");
      params.add(Rows.nanos(query.from()));
    }
    if (query.to() != null) {
      sql.append(" AND at_ns < ?");
      params.add(Rows.nanos(query.to()));
    }
    sql.append(" ORDER BY at_ns, id OFFSET ? ROWS FETCH NEXT ? ROWS ONLY");
    params.add(query.offset());
    params.add(query.limit());
    try {
      return database.read(
          c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
              for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
              }
              List<Event> events = new ArrayList<>();
              try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                  events.add(event(rs));
                }
              }
              return events;
            }
          });
    } catch (SQLException e) {
      throw Database.failure("read the audit trail", query.paymentId(), e);
    }
  }

  private static Event event(ResultSet rs) throws SQLException {
    String client = rs.getString("client_id");
    String payment = rs.getString("payment_id");
    String subject = rs.getString("change_subject");
    Change change =
        subject == null
            ? null
            : new Change(
                subject, names(rs.getString("change_before")), names(rs.getString("change_after")));
    return new Event(
        Rows.instant(rs.getLong("at_ns")),
        rs.getString("actor"),
        Permission.valueOf(rs.getString("permission")),
        client == null ? null : ClientId.of(client),
        payment == null ? null : PaymentId.of(payment),
        rs.getBoolean("allowed"),
        rs.getString("reason"),
        change);
  }

  private static List<String> names(@Nullable String lines) {
    return lines == null || lines.isEmpty() ? List.of() : List.of(lines.split("\n", -1));
  }

  @Override
  public String toString() {
    return "JdbcAuditSink[" + table + ", agency " + agencyId.value() + "]";
  }
}
