package org.electronicpayments.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import org.electronicpayments.CardChoice;
import org.electronicpayments.Consent;
import org.electronicpayments.ConsentChannel;
import org.electronicpayments.ConsentGiver;
import org.electronicpayments.PaymentMethodId;
import org.jspecify.annotations.Nullable;

/**
 * Column conversions shared by the row mappers: nullable values, instants as nanoseconds since the
 * epoch (exact for every {@link Instant} from 1677 to 2262), card choices as a kind plus parts.
 */
final class Rows {

  private static final long NANOS = 1_000_000_000L;

  private Rows() {}

  static long nanos(Instant instant) {
    try {
      return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), NANOS), instant.getNano());
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(
          "instant " + instant + " is outside what the store can hold (1677-2262)");
    }
  }

  static Instant instant(long nanos) {
    return Instant.ofEpochSecond(Math.floorDiv(nanos, NANOS), Math.floorMod(nanos, NANOS));
  }

  static void setNanos(PreparedStatement ps, int i, @Nullable Instant instant) throws SQLException {
    if (instant == null) {
      ps.setNull(i, Types.BIGINT);
    } else {
      ps.setLong(i, nanos(instant));
    }
  }

  static @Nullable Instant instantOrNull(ResultSet rs, String column) throws SQLException {
    long n = rs.getLong(column);
    return rs.wasNull() ? null : instant(n);
  }

  static void setString(PreparedStatement ps, int i, @Nullable Object value) throws SQLException {
    if (value == null) {
      ps.setNull(i, Types.VARCHAR);
    } else {
      ps.setString(i, value.toString());
    }
  }

  static void setInt(PreparedStatement ps, int i, @Nullable Integer value) throws SQLException {
    if (value == null) {
      ps.setNull(i, Types.INTEGER);
    } else {
      ps.setInt(i, value);
    }
  }

  static void setDate(PreparedStatement ps, int i, LocalDate date) throws SQLException {
    ps.setObject(i, date);
  }

  static @Nullable Integer intOrNull(ResultSet rs, String column) throws SQLException {
    int n = rs.getInt(column);
    return rs.wasNull() ? null : n;
  }

  /** How many columns {@link #setCard} binds. */
  static final int CARD_COLUMNS = 6;

  /**
   * Binds a card choice as six columns: kind, token, nickname, saved card id, and for a card to
   * save the consent's giver and channel.
   */
  static void setCard(PreparedStatement ps, int i, @Nullable CardChoice card) throws SQLException {
    String kind = null;
    String token = null;
    String nickname = null;
    String method = null;
    String giver = null;
    String channel = null;
    if (card instanceof CardChoice.OneTime once) {
      kind = "ONE_TIME";
      token = once.token();
    } else if (card instanceof CardChoice.SaveNew save) {
      kind = "SAVE_NEW";
      token = save.token();
      nickname = save.nickname();
      if (save.consent() != null) {
        giver = save.consent().givenBy().name();
        channel = save.consent().channel().name();
      }
    } else if (card instanceof CardChoice.Saved saved) {
      kind = "SAVED";
      method = saved.paymentMethodId().value();
    }
    setString(ps, i, kind);
    setString(ps, i + 1, token);
    setString(ps, i + 2, nickname);
    setString(ps, i + 3, method);
    setString(ps, i + 4, giver);
    setString(ps, i + 5, channel);
  }

  /** Reads the six card columns whose names start with {@code prefix}. */
  static @Nullable CardChoice card(ResultSet rs, String prefix) throws SQLException {
    String kind = rs.getString(prefix + "card_kind");
    if (kind == null) {
      return null;
    }
    return switch (kind) {
      case "ONE_TIME" -> CardChoice.oneTime(rs.getString(prefix + "card_token"));
      case "SAVE_NEW" ->
          new CardChoice.SaveNew(
              rs.getString(prefix + "card_token"),
              rs.getString(prefix + "card_nickname"),
              consent(
                  rs.getString(prefix + "card_consent_giver"),
                  rs.getString(prefix + "card_consent_channel")));
      case "SAVED" -> CardChoice.saved(PaymentMethodId.of(rs.getString(prefix + "card_method_id")));
      default -> throw new IllegalStateException("unknown card kind " + kind);
    };
  }

  static @Nullable Consent consent(@Nullable String giver, @Nullable String channel) {
    return giver == null || channel == null
        ? null
        : Consent.of(ConsentGiver.valueOf(giver), ConsentChannel.valueOf(channel));
  }
}
