package org.electronicpayments.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.electronicpayments.PaymentStatus;
import org.electronicpayments.spi.PaymentQuery;

/**
 * Turns a {@link PaymentQuery} into SQL over the {@code payments} table with exactly the
 * semantics of {@link PaymentQuery#matches}: every filter that is set narrows, the page is taken
 * oldest first by creation time, then id. Each filter is served by an index starting with the
 * agency (see the migration).
 */
final class PaymentQueries {

  private final String payments;

  PaymentQueries(Tables t) {
    this.payments = t.payments();
  }

  /** An inner select with its parameters, for {@link PaymentReader#read}. */
  record Select(String sql, List<Object> params) {}

  Select byId(String id) {
    return new Select("SELECT * FROM " + payments + " WHERE id = ?", List.of(id));
  }

  Select byReference(String agencyId, String reference) {
    return new Select("SELECT * FROM " + payments + " WHERE agency_id = ? AND reference = ?",
        List.of(agencyId, reference));
  }

  Select page(PaymentQuery q) {
    StringBuilder sql = new StringBuilder("SELECT * FROM ").append(payments).append(" WHERE agency_id = ?");
    List<Object> params = new ArrayList<>();
    params.add(q.agencyId().value());
    if (q.clientId() != null) {
      sql.append(" AND client_id = ?");
      params.add(q.clientId().value());
    }
    if (q.appointmentId() != null) {
      sql.append(" AND appointment_id = ?");
      params.add(q.appointmentId().value());
    }
    if (q.postedFrom() != null) {
      sql.append(" AND date_posted >= ?");
      params.add(q.postedFrom());
    }
    if (q.postedTo() != null) {
      sql.append(" AND date_posted <= ?");
      params.add(q.postedTo());
    }
    if (!q.statuses().isEmpty()) {
      // Literals, not parameters: with a parameter, PostgreSQL's generic plan (pgjdbc prepares on the
      // server after five runs) guesses the status is common and walks the agency's payments in
      // creation order; with literals it knows IN_DOUBT is rare and uses the status index.
      sql.append(" AND status IN (").append(literals(q.statuses())).append(")");
    }
    if (q.unpostedOnly()) {
      sql.append(" AND status = 'SUCCEEDED' AND posted_at_ns IS NULL");
    }
    if (q.updatedBefore() != null) {
      sql.append(" AND updated_at_ns < ?");
      params.add(Rows.nanos(q.updatedBefore()));
    }
    sql.append(" ORDER BY created_at_ns, id OFFSET ? ROWS FETCH NEXT ? ROWS ONLY");
    params.add(q.offset());
    params.add(q.limit());
    return new Select(sql.toString(), params);
  }

  static String placeholders(int n) {
    return String.join(", ", java.util.Collections.nCopies(n, "?"));
  }

  /** Quoted status names in a stable order, so equal queries share one SQL text (and plan). */
  static String literals(Set<PaymentStatus> statuses) {
    TreeSet<String> sorted = new TreeSet<>();
    statuses.forEach(s -> sorted.add("'" + s.name() + "'"));
    return String.join(", ", sorted);
  }
}
