package org.electronicpayments.spi;

import java.time.Instant;
import org.electronicpayments.ClientId;
import org.electronicpayments.PaymentId;
import org.electronicpayments.security.Actor;
import org.jspecify.annotations.Nullable;

/**
 * Which audit events to read from an audit trail that can be searched (such as the JDBC module's
 * {@code JdbcAuditSink}): always one agency's. Every filter left {@code null} matches everything;
 * results come oldest first, a page at a time. The question an agency must be able to answer, "who
 * looked at or charged this client's card, and when":
 *
 * <pre>{@code
 * List<AuditSink.Event> events = audit.events(AuditQuery.all()
 *     .client(ClientId.of("1000"))
 *     .between(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-02-01T00:00:00Z")));
 * }</pre>
 *
 * @param clientId only decisions about this client's payments or cards
 * @param paymentId only decisions about this payment
 * @param actor only decisions about this actor (an {@link Actor#auditName()}, such as {@code
 *     staff:s-1})
 * @param from only decisions made at or after this instant
 * @param to only decisions made before this instant
 * @param offset how many matches to skip
 * @param limit how many to return at most
 */
public record AuditQuery(
    @Nullable ClientId clientId,
    @Nullable PaymentId paymentId,
    @Nullable String actor,
    @Nullable Instant from,
    @Nullable Instant to,
    int offset,
    int limit) {

  /** The default page size. */
  public static final int DEFAULT_LIMIT = 100;

  /** Checks the paging and the time range. */
  public AuditQuery {
    if (offset < 0 || limit < 1) {
      throw new IllegalArgumentException("offset must be >= 0 and limit >= 1");
    }
    if (from != null && to != null && to.isBefore(from)) {
      throw new IllegalArgumentException("to must not be before from");
    }
    if (actor != null && actor.isBlank()) {
      throw new IllegalArgumentException("actor must not be blank");
    }
  }

  /**
   * Every decision, first page of {@value #DEFAULT_LIMIT}.
   *
   * @return the query
   */
  public static AuditQuery all() {
    return new AuditQuery(null, null, null, null, null, 0, DEFAULT_LIMIT);
  }

  /**
   * Narrows to decisions about one client's payments or cards.
   *
   * @param c the client, or {@code null} for any
   * @return the narrowed query
   */
  public AuditQuery client(@Nullable ClientId c) {
    return new AuditQuery(c, paymentId, actor, from, to, offset, limit);
  }

  /**
   * Narrows to decisions about one payment.
   *
   * @param p the payment, or {@code null} for any
   * @return the narrowed query
   */
  public AuditQuery payment(@Nullable PaymentId p) {
    return new AuditQuery(clientId, p, actor, from, to, offset, limit);
  }

  /**
   * Narrows to one actor's decisions.
   *
   * @param a the actor, or {@code null} for anyone
   * @return the narrowed query
   */
  public AuditQuery actor(@Nullable Actor a) {
    return new AuditQuery(
        clientId, paymentId, a == null ? null : a.auditName(), from, to, offset, limit);
  }

  /**
   * Narrows to decisions made in a time range: from included, to excluded.
   *
   * @param f the first instant, or {@code null} for no lower bound
   * @param t the end (excluded), or {@code null} for no upper bound
   * @return the narrowed query
   */
  public AuditQuery between(@Nullable Instant f, @Nullable Instant t) {
    return new AuditQuery(clientId, paymentId, actor, f, t, offset, limit);
  }

  /**
   * Selects a page.
   *
   * @param o how many matches to skip
   * @param l the page size, 1 or more
   * @return the query for that page
   */
  public AuditQuery page(int o, int l) {
    return new AuditQuery(clientId, paymentId, actor, from, to, o, l);
  }

  /**
   * Whether an event matches the filters (paging aside). Trails that filter in memory use it;
   * others must match the same events.
   *
   * @param e the event
   * @return true when it matches
   */
  public boolean matches(AuditSink.Event e) {
    return (clientId == null || clientId.equals(e.clientId()))
        && (paymentId == null || paymentId.equals(e.paymentId()))
        && (actor == null || actor.equals(e.actor()))
        && (from == null || !e.at().isBefore(from))
        && (to == null || e.at().isBefore(to));
  }
}
