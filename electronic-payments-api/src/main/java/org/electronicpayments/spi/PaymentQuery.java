package org.electronicpayments.spi;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.electronicpayments.AgencyId;
import org.electronicpayments.AppointmentId;
import org.electronicpayments.ClientId;
import org.electronicpayments.PaymentStatus;
import org.jspecify.annotations.Nullable;

/**
 * Which payments to read. Every filter left {@code null} (or empty) matches everything; results
 * come oldest first (by creation time, then id), a page at a time.
 *
 * <pre>{@code
 * PaymentQuery.forAgency(agency).client(ClientId.of("1000")).limit(50);
 * }</pre>
 *
 * @param agencyId the agency
 * @param clientId only this client's payments
 * @param appointmentId only this appointment's payments
 * @param postedFrom only payments posted on or after this date
 * @param postedTo only payments posted on or before this date
 * @param statuses only payments in these statuses (empty: any)
 * @param unpostedOnly only charged payments that nobody saved yet
 * @param updatedBefore only payments last changed before this instant
 * @param offset how many matches to skip
 * @param limit how many to return at most
 */
public record PaymentQuery(AgencyId agencyId, @Nullable ClientId clientId, @Nullable AppointmentId appointmentId,
    @Nullable LocalDate postedFrom, @Nullable LocalDate postedTo, Set<PaymentStatus> statuses,
    boolean unpostedOnly, @Nullable Instant updatedBefore, int offset, int limit) {

  /** The default page size. */
  public static final int DEFAULT_LIMIT = 100;

  /** Checks the paging and copies the statuses. */
  public PaymentQuery {
    statuses = statuses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(statuses));
    if (offset < 0 || limit < 1) {
      throw new IllegalArgumentException("offset must be >= 0 and limit >= 1");
    }
  }

  /**
   * Every payment of an agency, first page.
   *
   * @param agencyId the agency
   * @return the query
   */
  public static PaymentQuery forAgency(AgencyId agencyId) {
    return new PaymentQuery(agencyId, null, null, null, null, Set.of(), false, null, 0, DEFAULT_LIMIT);
  }

  /**
   * Narrows the query to one client's payments.
   *
   * @param c the client, or {@code null} for every client
   * @return the narrowed query
   */
  public PaymentQuery client(@Nullable ClientId c) {
    return new PaymentQuery(agencyId, c, appointmentId, postedFrom, postedTo, statuses, unpostedOnly, updatedBefore, offset, limit);
  }

  /**
   * Narrows the query to the payments of one appointment.
   *
   * @param a the appointment, or {@code null} for any appointment
   * @return the narrowed query
   */
  public PaymentQuery appointment(@Nullable AppointmentId a) {
    return new PaymentQuery(agencyId, clientId, a, postedFrom, postedTo, statuses, unpostedOnly, updatedBefore, offset, limit);
  }

  /**
   * Narrows the query to payments whose date posted lies between two dates, both included.
   *
   * @param from the first date posted, or {@code null} for no lower bound
   * @param to the last date posted, or {@code null} for no upper bound
   * @return the narrowed query
   */
  public PaymentQuery postedBetween(@Nullable LocalDate from, @Nullable LocalDate to) {
    return new PaymentQuery(agencyId, clientId, appointmentId, from, to, statuses, unpostedOnly, updatedBefore, offset, limit);
  }

  /**
   * Narrows the query to payments in one of the given statuses.
   *
   * @param s the statuses; empty for any status
   * @return the narrowed query
   */
  public PaymentQuery statuses(Set<PaymentStatus> s) {
    return new PaymentQuery(agencyId, clientId, appointmentId, postedFrom, postedTo, s, unpostedOnly, updatedBefore, offset, limit);
  }

  /**
   * Narrows the query to charged payments that staff have not saved (posted) yet.
   *
   * @return the narrowed query
   */
  public PaymentQuery unposted() {
    return new PaymentQuery(agencyId, clientId, appointmentId, postedFrom, postedTo, statuses, true, updatedBefore, offset, limit);
  }

  /**
   * Narrows the query to payments last changed before an instant.
   *
   * @param t the instant, or {@code null} for no bound
   * @return the narrowed query
   */
  public PaymentQuery updatedBefore(@Nullable Instant t) {
    return new PaymentQuery(agencyId, clientId, appointmentId, postedFrom, postedTo, statuses, unpostedOnly, t, offset, limit);
  }

  /**
   * Selects one page of the matches.
   *
   * @param o how many matches to skip
   * @param l the page size
   * @return the query for that page
   */
  public PaymentQuery page(int o, int l) {
    return new PaymentQuery(agencyId, clientId, appointmentId, postedFrom, postedTo, statuses, unpostedOnly, updatedBefore, o, l);
  }

  /**
   * Sets the page size, keeping the offset.
   *
   * @param l the page size
   * @return the query with that page size
   */
  public PaymentQuery limit(int l) {
    return page(offset, l);
  }

  /**
   * Whether a payment matches the filters (paging aside). Stores that filter in memory use it;
   * others must match the same payments.
   *
   * @param p the payment
   * @return true when it matches
   */
  public boolean matches(org.electronicpayments.Payment p) {
    return p.agencyId().equals(agencyId)
        && (clientId == null || clientId.equals(p.clientId()))
        && (appointmentId == null || appointmentId.equals(p.request().appointmentId()))
        && (postedFrom == null || !datePosted(p).isBefore(postedFrom))
        && (postedTo == null || !datePosted(p).isAfter(postedTo))
        && (statuses.isEmpty() || statuses.contains(p.status()))
        && (!unpostedOnly || (p.status() == PaymentStatus.SUCCEEDED && !p.isPosted()))
        && (updatedBefore == null || p.updatedAt().isBefore(updatedBefore));
  }

  /** A stored payment always has its date posted. */
  private static LocalDate datePosted(org.electronicpayments.Payment p) {
    return Objects.requireNonNull(p.request().datePosted(), "datePosted");
  }
}
