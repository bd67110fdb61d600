package org.electronicpayments.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.electronicpayments.AgencyId;
import org.electronicpayments.CardConsent;
import org.electronicpayments.CardDetails;
import org.electronicpayments.ClientId;
import org.electronicpayments.ConsentChannel;
import org.electronicpayments.ConsentGiver;
import org.electronicpayments.PaymentMethod;
import org.electronicpayments.PaymentMethodId;
import org.jspecify.annotations.Nullable;

/** Saved cards and processor customers as rows. */
final class CardRows {

  private static final String CARD_COLUMNS =
      "id, agency_id, client_id, nickname, brand, last4, exp_year, exp_month, fingerprint, saved_by, saved_at_ns,"
          + " consent_giver, consent_recorded_by, consent_channel, consent_wording_version, consent_given_at_ns";

  private final String selectCard;
  private final String selectClientCards;
  private final String updateCard;
  private final String insertCard;
  private final String deleteCard;
  private final String selectCustomer;
  private final String insertCustomer;

  CardRows(Tables t) {
    selectCard = "SELECT " + CARD_COLUMNS + " FROM " + t.cards() + " WHERE id = ?";
    selectClientCards =
        "SELECT "
            + CARD_COLUMNS
            + " FROM "
            + t.cards()
            + " WHERE agency_id = ? AND client_id = ?"
            + " ORDER BY saved_at_ns, id";
    updateCard =
        "UPDATE "
            + t.cards()
            + " SET agency_id = ?, client_id = ?, nickname = ?, brand = ?, last4 = ?, exp_year = ?,"
            + " exp_month = ?, fingerprint = ?, saved_by = ?, saved_at_ns = ?, consent_giver = ?, consent_recorded_by = ?,"
            + " consent_channel = ?, consent_wording_version = ?, consent_given_at_ns = ? WHERE id = ?";
    insertCard =
        "INSERT INTO "
            + t.cards()
            + " (agency_id, client_id, nickname, brand, last4, exp_year, exp_month,"
            + " fingerprint, saved_by, saved_at_ns, consent_giver, consent_recorded_by, consent_channel,"
            + " consent_wording_version, consent_given_at_ns, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    deleteCard = "DELETE FROM " + t.cards() + " WHERE id = ?";
    selectCustomer =
        "SELECT customer_reference FROM "
            + t.customers()
            + " WHERE agency_id = ? AND client_id = ?";
    insertCustomer =
        "INSERT INTO "
            + t.customers()
            + " (agency_id, client_id, customer_reference) VALUES (?, ?, ?)";
  }

  Optional<PaymentMethod> find(Connection c, PaymentMethodId id) throws SQLException {
    List<PaymentMethod> found = select(c, selectCard, id.value());
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  List<PaymentMethod> ofClient(Connection c, AgencyId agency, ClientId client) throws SQLException {
    return select(c, selectClientCards, agency.value(), client.value());
  }

  /** Replaces the card's row; false when there was none (then {@link #insert} it). */
  boolean update(Connection c, PaymentMethod card) throws SQLException {
    return write(c, updateCard, card) == 1;
  }

  void insert(Connection c, PaymentMethod card) throws SQLException {
    write(c, insertCard, card);
  }

  boolean delete(Connection c, PaymentMethodId id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(deleteCard)) {
      ps.setString(1, id.value());
      return ps.executeUpdate() > 0;
    }
  }

  Optional<String> customer(Connection c, String agency, String client) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(selectCustomer)) {
      ps.setString(1, agency);
      ps.setString(2, client);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    }
  }

  void insertCustomer(Connection c, String agency, String client, String reference)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(insertCustomer)) {
      ps.setString(1, agency);
      ps.setString(2, client);
      ps.setString(3, reference);
      ps.executeUpdate();
    }
  }

  private static int write(Connection c, String sql, PaymentMethod card) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      CardDetails d = card.card();
      ps.setString(1, card.agencyId().value());
      ps.setString(2, card.clientId().value());
      ps.setString(3, card.nickname());
      ps.setString(4, d.brand());
      ps.setString(5, d.last4());
      ps.setInt(6, d.expiry().getYear());
      ps.setInt(7, d.expiry().getMonthValue());
      Rows.setString(ps, 8, d.fingerprint());
      ps.setString(9, card.savedBy());
      ps.setLong(10, Rows.nanos(card.savedAt()));
      CardConsent consent = card.consent();
      Rows.setString(ps, 11, consent == null ? null : consent.givenBy().name());
      Rows.setString(ps, 12, consent == null ? null : consent.recordedBy());
      Rows.setString(ps, 13, consent == null ? null : consent.channel().name());
      Rows.setString(ps, 14, consent == null ? null : consent.wordingVersion());
      Rows.setNanos(ps, 15, consent == null ? null : consent.givenAt());
      ps.setString(16, card.id().value());
      return ps.executeUpdate();
    }
  }

  private static @Nullable CardConsent consent(ResultSet rs) throws SQLException {
    String giver = rs.getString("consent_giver");
    if (giver == null) {
      return null;
    }
    return new CardConsent(
        ConsentGiver.valueOf(giver),
        rs.getString("consent_recorded_by"),
        ConsentChannel.valueOf(rs.getString("consent_channel")),
        rs.getString("consent_wording_version"),
        Rows.instant(rs.getLong("consent_given_at_ns")));
  }

  private static List<PaymentMethod> select(Connection c, String sql, String... keys)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < keys.length; i++) {
        ps.setString(i + 1, keys[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        List<PaymentMethod> cards = new ArrayList<>();
        while (rs.next()) {
          cards.add(
              new PaymentMethod(
                  PaymentMethodId.of(rs.getString("id")),
                  AgencyId.of(rs.getString("agency_id")),
                  ClientId.of(rs.getString("client_id")),
                  rs.getString("nickname"),
                  new CardDetails(
                      rs.getString("brand"),
                      rs.getString("last4"),
                      YearMonth.of(rs.getInt("exp_year"), rs.getInt("exp_month")),
                      rs.getString("fingerprint")),
                  rs.getString("saved_by"),
                  Rows.instant(rs.getLong("saved_at_ns")),
                  consent(rs)));
        }
        return cards;
      }
    }
  }
}
