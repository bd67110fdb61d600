package org.electronicpayments.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.electronicpayments.AgencyId;
import org.electronicpayments.PaymentQuery;
import org.electronicpayments.PaymentStatus;
import org.jspecify.annotations.Nullable;

/**
 * Turns a {@link PaymentQuery} into SQL over the {@code payments} table with exactly the semantics
 * of {@link PaymentQuery#matches}: every filter that is set narrows, the page is taken oldest first
 * by creation time, then id. Each filter is served by an index starting with the agency (see the
 * migration).
 */
final class PaymentQueries {

  private final String payments;
  private final String refunds;
  private final Dialect dialect;

  PaymentQueries(Tables t, Dialect dialect) {
    this.payments = t.payments();
    this.refunds = t.refunds();
    this.dialect = dialect;
  }

  /** An inner select with its parameters, for {@link PaymentReader#read}. */
  record Select(String sql, List<Object> params) {}

  Select byId(String id) {
    return new Select("SELECT * FROM " + payments + " WHERE id = ?", List.of(id));
  }

  Select byReference(String agencyId, String reference) {
    return new Select(
        "SELECT * FROM " + payments + " WHERE agency_id = ? AND reference = ?",
        List.of(agencyId, reference));
  }

  /**
   * One page of a query. With a status filter (reconcile, unsaved, "in doubt"), each status is its
   * own branch of a {@code UNION ALL} that reads the {@code (agency_id, status, created_at_ns, id)}
   * index in order and stops after the page: its cost follows the payments in that status, whatever
   * the planner guesses. (One {@code status IN (…)} with {@code ORDER BY … LIMIT} lets PostgreSQL's
   * generic plan, used once pgjdbc prepares on the server, walk all of an agency's payments in
   * creation order looking for rare ones.) Statuses are literals for the same reason.
   */
  Select page(AgencyId agency, PaymentQuery q) {
    Set<PaymentStatus> statuses = q.statuses();
    if (q.unsavedOnly()) {
      statuses =
          statuses.isEmpty() || statuses.contains(PaymentStatus.SUCCEEDED)
              ? Set.of(PaymentStatus.SUCCEEDED)
              : Set.of();
      if (statuses.isEmpty()) {
        return new Select("SELECT * FROM " + payments + " WHERE 1 = 0", List.of());
      }
    }
    List<Object> params = new ArrayList<>();
    String order = " ORDER BY created_at_ns, id";
    String page = " OFFSET ? ROWS FETCH NEXT ? ROWS ONLY";
    if (q.unsettledRefundsOnly()) {
      // Driven by the refunds: the (status, payment_id) index of payment_refunds finds the few
      // pending or in-doubt ones, each payment is then read by its key. The statuses are one IN
      // list here, a filter on those few rows.
      StringBuilder sql = new StringBuilder(filtered(agency, q, null, params));
      if (!statuses.isEmpty()) {
        sql.append(" AND status IN (").append(String.join(", ", literals(statuses))).append(')');
      }
      sql.append(order).append(page);
      params.add(q.offset());
      params.add(q.limit());
      return new Select(sql.toString(), params);
    }
    if (statuses.isEmpty()) {
      String sql = filtered(agency, q, null, params) + order + page;
      params.add(q.offset());
      params.add(q.limit());
      return new Select(sql, params);
    }
    long enough = (long) q.offset() + q.limit();
    List<String> branches = new ArrayList<>();
    for (String status : literals(statuses)) {
      branches.add("(" + filtered(agency, q, status, params) + order + " FETCH FIRST ? ROWS ONLY)");
      params.add(enough);
    }
    params.add(q.offset());
    params.add(q.limit());
    return new Select(
        "SELECT * FROM (" + String.join(" UNION ALL ", branches) + ") u" + order + page, params);
  }

  /** The query's filters on {@code payments}, with {@code status} (a literal) when given. */
  private String filtered(
      AgencyId agency, PaymentQuery q, @Nullable String status, List<Object> params) {
    StringBuilder sql =
        new StringBuilder("SELECT * FROM ").append(payments).append(" WHERE agency_id = ?");
    params.add(agency.value());
    if (status != null) {
      sql.append(" AND status = ").append(status);
    }
    if (q.unsavedOnly()) {
      sql.append(" AND posted_at_ns IS NULL");
    }
    if (q.unsettledRefundsOnly()) {
      sql.append(" AND id IN (SELECT payment_id FROM ")
          .append(refunds)
          .append(" WHERE status IN ('IN_DOUBT', 'PENDING'))");
    }
    if (q.clientId() != null) {
      sql.append(" AND client_id = ?");
      params.add(q.clientId().value());
    }
    if (q.appointmentId() != null) {
      sql.append(" AND appointment_id = ?");
      params.add(q.appointmentId().value());
    }
    if (q.datePostedFrom() != null) {
      sql.append(" AND date_posted >= ?");
      params.add(q.datePostedFrom());
    }
    if (q.datePostedTo() != null) {
      sql.append(" AND date_posted <= ?");
      params.add(q.datePostedTo());
    }
    if (q.updatedBefore() != null) {
      sql.append(" AND updated_at_ns < ?");
      params.add(Rows.nanos(q.updatedBefore()));
    }
    if (q.reference() != null) {
      sql.append(" AND reference = ?");
      params.add(q.reference());
    }
    if (q.referencePrefix() != null) {
      // H2 reads a LIKE with a parameter prefix from the (agency_id, reference) index. PostgreSQL
      // derives an index range from a LIKE only for a constant pattern (not in the generic plan
      // of a statement prepared on the server), so it is also given the range itself, in the
      // pattern operators of ix_payments_reference_prefix (byte order, whatever the collation).
      sql.append(" AND reference LIKE ? ESCAPE '!'");
      params.add(likePrefix(q.referencePrefix()));
      if (dialect == Dialect.POSTGRESQL) {
        sql.append(" AND reference ~>=~ ?");
        params.add(q.referencePrefix());
        String above = above(q.referencePrefix());
        if (above != null) {
          sql.append(" AND reference ~<~ ?");
          params.add(above);
        }
      }
    }
    return sql.toString();
  }

  /** A LIKE pattern matching text that starts with {@code prefix}, letter for letter. */
  static String likePrefix(String prefix) {
    StringBuilder b = new StringBuilder(prefix.length() + 2);
    for (int i = 0; i < prefix.length(); i++) {
      char c = prefix.charAt(i);
      if (c == '!' || c == '%' || c == '_') {
        b.append('!');
      }
      b.append(c);
    }
    return b.append('%').toString();
  }

  /**
   * The least text above every text that starts with {@code prefix} in code-point (UTF-8 byte)
   * order: the prefix with its last code point moved on by one; null when there is none.
   */
  static @Nullable String above(String prefix) {
    int last = prefix.codePointBefore(prefix.length());
    int next = last + 1;
    if (next > Character.MAX_CODE_POINT
        || (next >= Character.MIN_SURROGATE && next <= Character.MAX_SURROGATE)) {
      return null;
    }
    return prefix.substring(0, prefix.length() - Character.charCount(last))
        + Character.toString(next);
  }

  static String placeholders(int n) {
    return String.join(", ", java.util.Collections.nCopies(n, "?"));
  }

  /** Quoted status names in a stable order, so equal queries share one SQL text (and plan). */
  static SortedSet<String> literals(Set<PaymentStatus> statuses) {
    TreeSet<String> sorted = new TreeSet<>();
    statuses.forEach(s -> sorted.add("'" + s.name() + "'"));
    return sorted;
  }
}
