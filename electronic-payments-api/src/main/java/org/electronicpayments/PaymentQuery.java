package org.electronicpayments;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which payments to list, for {@link ElectronicPayments#payments}: always the facade's own agency.
 * Every filter left {@code null} (or empty) matches everything; results come oldest first (by
 * creation time, then id), a page at a time.
 *
 * <p>Two words are kept apart: the <em>date posted</em> is the date the window gave the payment
 * ({@link PaymentRequest#datePosted()}); <em>saved</em> means staff pressed Save and the payment is
 * on the client's ledger ({@link Payment#isPosted()}).
 *
 * <pre>{@code
 * payments.payments(actor, PaymentQuery.all().client(ClientId.of("1000"))
 *     .datePostedBetween(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31)).limit(50));
 * payments.payments(actor, PaymentQuery.all().reference("1.1.2026 1000 CC"));
 * payments.payments(actor, PaymentQuery.all().referenceStartingWith("1.1.2026 1000 "));
 * }</pre>
 *
 * @param clientId only this client's payments
 * @param appointmentId only this appointment's payments
 * @param datePostedFrom only payments whose date posted is on or after this date
 * @param datePostedTo only payments whose date posted is on or before this date
 * @param statuses only payments in these statuses (empty: any)
 * @param unsavedOnly only charged payments that nobody saved to the ledger yet
 * @param unsettledRefundsOnly only payments with a refund still pending or in doubt (what {@code
 *     reconcile} settles)
 * @param updatedBefore only payments last changed before this instant
 * @param reference only the payment with exactly this reference (trimmed; case matters)
 * @param referencePrefix only payments whose reference starts with this text (leading blanks
 *     dropped, trailing ones kept; case matters), such as {@code "1.1.2026 1000"} for one client's
 *     payments posted that day; see {@link References}
 * @param offset how many matches to skip
 * @param limit how many to return at most
 */
public record PaymentQuery(
    @Nullable ClientId clientId,
    @Nullable AppointmentId appointmentId,
    @Nullable LocalDate datePostedFrom,
    @Nullable LocalDate datePostedTo,
    Set<PaymentStatus> statuses,
    boolean unsavedOnly,
    boolean unsettledRefundsOnly,
    @Nullable Instant updatedBefore,
    @Nullable String reference,
    @Nullable String referencePrefix,
    int offset,
    int limit) {

  /** The default page size. */
  public static final int DEFAULT_LIMIT = 100;

  /** Checks the paging, copies the statuses and trims the reference filters. */
  public PaymentQuery {
    statuses = statuses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(statuses));
    reference = reference == null ? null : reference.strip();
    referencePrefix =
        referencePrefix == null || referencePrefix.isBlank()
            ? null
            : referencePrefix.stripLeading();
    if (reference != null && reference.isEmpty()) {
      throw new IllegalArgumentException("reference must not be blank");
    }
    if (offset < 0 || limit < 1) {
      throw new IllegalArgumentException("offset must be >= 0 and limit >= 1");
    }
  }

  /**
   * Every payment of the agency, first page of {@value #DEFAULT_LIMIT}.
   *
   * @return the query
   */
  public static PaymentQuery all() {
    return new PaymentQuery(
        null, null, null, null, Set.of(), false, false, null, null, null, 0, DEFAULT_LIMIT);
  }

  /**
   * Narrows to one client.
   *
   * @param c the client, or {@code null} for every client
   * @return the narrowed query
   */
  public PaymentQuery client(@Nullable ClientId c) {
    return new PaymentQuery(
        c,
        appointmentId,
        datePostedFrom,
        datePostedTo,
        statuses,
        unsavedOnly,
        unsettledRefundsOnly,
        updatedBefore,
        reference,
        referencePrefix,
        offset,
        limit);
  }

  /**
   * Narrows to one appointment.
   *
   * @param a the appointment, or {@code null} for any
   * @return the narrowed query
   */
  public PaymentQuery appointment(@Nullable AppointmentId a) {
    return new PaymentQuery(
        clientId,
        a,
        datePostedFrom,
        datePostedTo,
        statuses,
        unsavedOnly,
        unsettledRefundsOnly,
        updatedBefore,
        reference,
        referencePrefix,
        offset,
        limit);
  }

  /**
   * Narrows to payments whose date posted lies in a range, both ends included.
   *
   * @param from the first date posted, or {@code null} for no lower bound
   * @param to the last date posted, or {@code null} for no upper bound
   * @return the narrowed query
   */
  public PaymentQuery datePostedBetween(@Nullable LocalDate from, @Nullable LocalDate to) {
    return new PaymentQuery(
        clientId,
        appointmentId,
        from,
        to,
        statuses,
        unsavedOnly,
        unsettledRefundsOnly,
        updatedBefore,
        reference,
        referencePrefix,
        offset,
        limit);
  }

  /**
   * Narrows to payments in some statuses.
   *
   * @param s the statuses; empty for any
   * @return the narrowed query
   */
  public PaymentQuery statuses(Set<PaymentStatus> s) {
    return new PaymentQuery(
        clientId,
        appointmentId,
        datePostedFrom,
        datePostedTo,
        s,
        unsavedOnly,
        unsettledRefundsOnly,
        updatedBefore,
        reference,
        referencePrefix,
        offset,
        limit);
  }

  /**
   * Narrows to charged payments nobody saved to the ledger yet.
   *
   * @return the narrowed query
   */
  public PaymentQuery unsaved() {
    return new PaymentQuery(
        clientId,
        appointmentId,
        datePostedFrom,
        datePostedTo,
        statuses,
        true,
        unsettledRefundsOnly,
        updatedBefore,
        reference,
        referencePrefix,
        offset,
        limit);
  }

  /**
   * Narrows to payments with a refund still pending or in doubt: those {@code reconcile} sends
   * again. Stores answer it from the refunds themselves (an index on the refund's status), so its
   * cost follows the unsettled refunds, not the payments.
   *
   * @return the narrowed query
   */
  public PaymentQuery unsettledRefunds() {
    return new PaymentQuery(
        clientId,
        appointmentId,
        datePostedFrom,
        datePostedTo,
        statuses,
        unsavedOnly,
        true,
        updatedBefore,
        reference,
        referencePrefix,
        offset,
        limit);
  }

  /**
   * Narrows to payments last changed before an instant.
   *
   * @param t the instant, or {@code null} for any time
   * @return the narrowed query
   */
  public PaymentQuery updatedBefore(@Nullable Instant t) {
    return new PaymentQuery(
        clientId,
        appointmentId,
        datePostedFrom,
        datePostedTo,
        statuses,
        unsavedOnly,
        unsettledRefundsOnly,
        t,
        reference,
        referencePrefix,
        offset,
        limit);
  }

  /**
   * Narrows to the payment with exactly this reference, as the window stored it (trimmed).
   * References are unique per agency, so this matches at most one payment.
   *
   * @param r the reference, not blank, or {@code null} for any
   * @return the narrowed query
   * @throws IllegalArgumentException when the reference is blank
   */
  public PaymentQuery reference(@Nullable String r) {
    return new PaymentQuery(
        clientId,
        appointmentId,
        datePostedFrom,
        datePostedTo,
        statuses,
        unsavedOnly,
        unsettledRefundsOnly,
        updatedBefore,
        r,
        referencePrefix,
        offset,
        limit);
  }

  /**
   * Narrows to payments whose reference starts with some text, letter for letter (case matters;
   * {@code %} and {@code _} are ordinary characters). Leading blanks are dropped, trailing ones
   * kept, so {@code "1.1.2026 1000 "} does not match client 10001's payments.
   *
   * @param prefix the start of the reference, or {@code null} (or blank) for any
   * @return the narrowed query
   */
  public PaymentQuery referenceStartingWith(@Nullable String prefix) {
    return new PaymentQuery(
        clientId,
        appointmentId,
        datePostedFrom,
        datePostedTo,
        statuses,
        unsavedOnly,
        unsettledRefundsOnly,
        updatedBefore,
        reference,
        prefix,
        offset,
        limit);
  }

  /**
   * Selects a page.
   *
   * @param o how many matches to skip
   * @param l the page size, 1 or more
   * @return the query for that page
   */
  public PaymentQuery page(int o, int l) {
    return new PaymentQuery(
        clientId,
        appointmentId,
        datePostedFrom,
        datePostedTo,
        statuses,
        unsavedOnly,
        unsettledRefundsOnly,
        updatedBefore,
        reference,
        referencePrefix,
        o,
        l);
  }

  /**
   * Sets the page size.
   *
   * @param l the page size, 1 or more
   * @return the query with that page size
   */
  public PaymentQuery limit(int l) {
    return page(offset, l);
  }

  /**
   * Whether a payment of an agency matches the filters (paging aside). Stores that filter in memory
   * use it; others must match the same payments.
   *
   * @param agencyId the agency whose payments are listed
   * @param p the payment
   * @return true when it is the agency's and matches
   */
  public boolean matches(AgencyId agencyId, Payment p) {
    Objects.requireNonNull(agencyId, "agencyId");
    LocalDate posted =
        Objects.requireNonNull(p.request().datePosted(), "a payment's datePosted is always set");
    return p.agencyId().equals(agencyId)
        && (clientId == null || clientId.equals(p.clientId()))
        && (appointmentId == null || appointmentId.equals(p.request().appointmentId()))
        && (datePostedFrom == null || !posted.isBefore(datePostedFrom))
        && (datePostedTo == null || !posted.isAfter(datePostedTo))
        && (statuses.isEmpty() || statuses.contains(p.status()))
        && (!unsavedOnly || (p.status() == PaymentStatus.SUCCEEDED && !p.isPosted()))
        && (!unsettledRefundsOnly || hasUnsettledRefund(p))
        && (updatedBefore == null || p.updatedAt().isBefore(updatedBefore))
        && (reference == null || reference.equals(p.request().reference()))
        && (referencePrefix == null || p.request().reference().startsWith(referencePrefix));
  }

  /** Whether a payment has a refund still pending or in doubt. */
  private static boolean hasUnsettledRefund(Payment p) {
    for (PaymentRefund r : p.refunds()) {
      if (r.status() == PaymentStatus.PENDING || r.status() == PaymentStatus.IN_DOUBT) {
        return true;
      }
    }
    return false;
  }
}
