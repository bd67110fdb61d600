package org.electronicpayments.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.electronicpayments.AgencyId;
import org.electronicpayments.CardConsent;
import org.electronicpayments.CardRemoval;
import org.electronicpayments.CardSetup;
import org.electronicpayments.CardSetupId;
import org.electronicpayments.CardSetupStatus;
import org.electronicpayments.ClientId;
import org.electronicpayments.ConsentChannel;
import org.electronicpayments.ConsentGiver;
import org.electronicpayments.PaymentFailure;
import org.electronicpayments.PaymentMethodId;

/** Card setups and saved-card removals as rows. */
final class SetupRows {

  /** The setup row's columns, in the order {@link #bind} sets them (id and version aside). */
  private static final List<String> COLUMNS =
      List.of(
          "agency_id",
          "client_id",
          "card_token",
          "nickname",
          "consent_giver",
          "consent_recorded_by",
          "consent_channel",
          "consent_wording_version",
          "consent_given_at_ns",
          "idempotency_key",
          "status",
          "processor_reference",
          "saved_card_id",
          "failure_kind",
          "failure_code",
          "failure_decline_code",
          "failure_reason",
          "failure_response",
          "created_by",
          "created_at_ns",
          "updated_at_ns");

  private final String setups;
  private final String insert;
  private final String update;
  private final String select;
  private final String insertRemoval;
  private final String selectRemovals;

  SetupRows(Tables t) {
    setups = t.setups();
    insert =
        "INSERT INTO "
            + t.setups()
            + " (id, "
            + String.join(", ", COLUMNS)
            + ", version) VALUES ("
            + "?, ".repeat(COLUMNS.size() + 1)
            + "?)";
    update =
        "UPDATE "
            + t.setups()
            + " SET "
            + COLUMNS.stream().map(c -> c + " = ?").collect(Collectors.joining(", "))
            + ", version = version + 1 WHERE id = ? AND version = ?";
    select = "SELECT * FROM " + t.setups() + " WHERE id = ?";
    insertRemoval =
        "INSERT INTO "
            + t.removals()
            + " (card_id, agency_id, client_id, display, removed_by,"
            + " removed_at_ns) VALUES (?, ?, ?, ?, ?, ?)";
    selectRemovals =
        "SELECT * FROM "
            + t.removals()
            + " WHERE agency_id = ? AND client_id = ?"
            + " ORDER BY removed_at_ns, card_id";
  }

  void insert(Connection c, CardSetup s) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(insert)) {
      ps.setString(1, s.id().value());
      int next = bind(ps, 2, s);
      ps.setLong(next, s.version());
      ps.executeUpdate();
    }
  }

  /**
   * Writes {@code s} over the row at {@code s.version()}; false when no row has that id and
   * version.
   */
  boolean update(Connection c, CardSetup s) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(update)) {
      int next = bind(ps, 1, s);
      ps.setString(next, s.id().value());
      ps.setLong(next + 1, s.version());
      return ps.executeUpdate() == 1;
    }
  }

  Optional<CardSetup> find(Connection c, CardSetupId id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(select)) {
      ps.setString(1, id.value());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(read(rs)) : Optional.empty();
      }
    }
  }

  List<CardSetup> inStatuses(
      Connection c, AgencyId agency, Set<CardSetupStatus> statuses, Instant updatedBefore, int max)
      throws SQLException {
    if (statuses.isEmpty()) {
      return List.of();
    }
    String sql =
        "SELECT * FROM "
            + setups
            + " WHERE agency_id = ? AND status IN ("
            + statuses.stream().map(x -> "?").collect(Collectors.joining(", "))
            + ") AND updated_at_ns < ?"
            + " ORDER BY created_at_ns, id FETCH FIRST "
            + max
            + " ROWS ONLY";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      int i = 1;
      ps.setString(i++, agency.value());
      for (CardSetupStatus status : statuses) {
        ps.setString(i++, status.name());
      }
      ps.setLong(i, Rows.nanos(updatedBefore));
      try (ResultSet rs = ps.executeQuery()) {
        List<CardSetup> found = new ArrayList<>();
        while (rs.next()) {
          found.add(read(rs));
        }
        return found;
      }
    }
  }

  void insertRemoval(Connection c, CardRemoval r) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(insertRemoval)) {
      ps.setString(1, r.cardId().value());
      ps.setString(2, r.agencyId().value());
      ps.setString(3, r.clientId().value());
      ps.setString(4, r.display());
      ps.setString(5, r.removedBy());
      ps.setLong(6, Rows.nanos(r.removedAt()));
      ps.executeUpdate();
    }
  }

  List<CardRemoval> removals(Connection c, AgencyId agency, ClientId client) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(selectRemovals)) {
      ps.setString(1, agency.value());
      ps.setString(2, client.value());
      try (ResultSet rs = ps.executeQuery()) {
        List<CardRemoval> found = new ArrayList<>();
        while (rs.next()) {
          found.add(
              new CardRemoval(
                  PaymentMethodId.of(rs.getString("card_id")),
                  AgencyId.of(rs.getString("agency_id")),
                  ClientId.of(rs.getString("client_id")),
                  rs.getString("display"),
                  rs.getString("removed_by"),
                  Rows.instant(rs.getLong("removed_at_ns"))));
        }
        return found;
      }
    }
  }

  private static int bind(PreparedStatement ps, int first, CardSetup s) throws SQLException {
    int i = first;
    ps.setString(i++, s.agencyId().value());
    ps.setString(i++, s.clientId().value());
    ps.setString(i++, s.token());
    ps.setString(i++, s.nickname());
    CardConsent consent = s.consent();
    ps.setString(i++, consent.givenBy().name());
    ps.setString(i++, consent.recordedBy());
    ps.setString(i++, consent.channel().name());
    ps.setString(i++, consent.wordingVersion());
    ps.setLong(i++, Rows.nanos(consent.givenAt()));
    ps.setString(i++, s.idempotencyKey());
    ps.setString(i++, s.status().name());
    Rows.setString(ps, i++, s.processorReference());
    Rows.setString(ps, i++, s.savedCard() == null ? null : s.savedCard().value());
    PaymentFailure f = s.failure();
    Rows.setString(ps, i++, f == null ? null : f.kind().name());
    Rows.setString(ps, i++, f == null ? null : f.code());
    Rows.setString(ps, i++, f == null ? null : f.declineCode());
    Rows.setString(ps, i++, f == null ? null : f.reason());
    Rows.setString(ps, i++, f == null ? null : f.processorResponse());
    ps.setString(i++, s.createdBy());
    ps.setLong(i++, Rows.nanos(s.createdAt()));
    ps.setLong(i++, Rows.nanos(s.updatedAt()));
    return i;
  }

  private static CardSetup read(ResultSet rs) throws SQLException {
    String kind = rs.getString("failure_kind");
    PaymentFailure failure =
        kind == null
            ? null
            : new PaymentFailure(
                PaymentFailure.Kind.valueOf(kind),
                rs.getString("failure_code"),
                rs.getString("failure_decline_code"),
                rs.getString("failure_reason"),
                rs.getString("failure_response"));
    String saved = rs.getString("saved_card_id");
    return new CardSetup(
        CardSetupId.of(rs.getString("id")),
        AgencyId.of(rs.getString("agency_id")),
        ClientId.of(rs.getString("client_id")),
        rs.getString("card_token"),
        rs.getString("nickname"),
        new CardConsent(
            ConsentGiver.valueOf(rs.getString("consent_giver")),
            rs.getString("consent_recorded_by"),
            ConsentChannel.valueOf(rs.getString("consent_channel")),
            rs.getString("consent_wording_version"),
            Rows.instant(rs.getLong("consent_given_at_ns"))),
        rs.getString("idempotency_key"),
        CardSetupStatus.valueOf(rs.getString("status")),
        rs.getString("processor_reference"),
        saved == null ? null : PaymentMethodId.of(saved),
        failure,
        rs.getString("created_by"),
        Rows.instant(rs.getLong("created_at_ns")),
        Rows.instant(rs.getLong("updated_at_ns")),
        rs.getLong("version"));
  }
}
