package org.electronicpayments.spi;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.electronicpayments.AgencyId;
import org.electronicpayments.CardRemoval;
import org.electronicpayments.CardSetup;
import org.electronicpayments.CardSetupId;
import org.electronicpayments.CardSetupStatus;
import org.electronicpayments.ClientId;
import org.electronicpayments.ConcurrentUpdateException;
import org.electronicpayments.Payment;
import org.electronicpayments.PaymentId;
import org.electronicpayments.PaymentMethod;
import org.electronicpayments.PaymentMethodId;
import org.electronicpayments.PaymentQuery;
import org.electronicpayments.PaymentStatus;
import org.electronicpayments.ReceiptEmail;

/**
 * The payment journal. The facade writes a payment here before it calls the processor and after
 * every change, so nothing the processor did is lost with the host process. The testkit has an
 * in-memory store and a {@code PaymentStoreCompatibilityKit}; durable stores pass the same kit.
 *
 * <p>Every implementation must make {@link #insert} atomic per (agency, reference) and {@link
 * #update} a compare-and-set on the version, also across several host processes sharing one
 * database.
 */
public interface PaymentStore {

  /**
   * Stores a new payment unless its agency already has a payment with the same reference.
   *
   * @param payment the payment, version 0
   * @return empty when stored; the existing payment when the reference was taken (nothing stored)
   */
  Optional<Payment> insert(Payment payment);

  /**
   * Replaces a payment if nobody changed it since it was read.
   *
   * @param payment the new value, carrying the version that was read
   * @return the stored value, with the version moved on by one
   * @throws org.electronicpayments.ConcurrentUpdateException when the stored version differs
   * @throws org.electronicpayments.PaymentNotFoundException when there is no such payment
   */
  Payment update(Payment payment);

  /**
   * Reads a payment.
   *
   * @param id the payment
   * @return the payment, if stored
   */
  Optional<Payment> find(PaymentId id);

  /**
   * Reads a payment by its agency and reference.
   *
   * @param agencyId the agency
   * @param reference the reference, as stored (trimmed)
   * @return the payment, if stored
   */
  Optional<Payment> findByReference(AgencyId agencyId, String reference);

  /**
   * Reads payments of one agency.
   *
   * @param agencyId the agency
   * @param query the filters and page
   * @return the matching payments, oldest first (by creation time, then id)
   */
  List<Payment> query(AgencyId agencyId, PaymentQuery query);

  /**
   * Claims a batch of unsettled payments for one reconcile pass, oldest first: those IN_DOUBT and
   * last changed at or before {@code at}, and those PENDING, PROCESSING or REQUIRES_ACTION and last
   * changed before {@code staleBefore} (their owner presumably gone, or the client walked away from
   * 3-D Secure). Payments without an attempt (cash, checks) are never claimed.
   *
   * <p>A claim is a compare-and-set that moves the payment on by one version, to PROCESSING
   * (REQUIRES_ACTION stays), last changed at {@code at}. A payment another reconciler claimed first
   * is left out, so reconcilers sharing the store, on any node, claim disjoint payments and never
   * settle one twice. Since {@code at} is the pass's start, a pass that asks again does not get
   * back what it claimed and settled (unless its clock stands still).
   *
   * <p>The default reads candidates with {@link #query} and claims each with {@link #update}; a
   * store that can lock rows (PostgreSQL's {@code FOR UPDATE SKIP LOCKED}) should override it so
   * that reconcilers do not contend for the same candidates.
   *
   * @param agencyId the agency
   * @param at the start of the reconcile pass, on the facade's clock
   * @param staleBefore pending, processing or awaiting-action payments last changed before this are
   *     claimed
   * @param max how many to claim at most, 1 or more
   * @return the claimed payments as stored after the claim, oldest first
   */
  default List<Payment> claimUnsettled(
      AgencyId agencyId, Instant at, Instant staleBefore, int max) {
    Objects.requireNonNull(agencyId, "agencyId");
    if (max < 1) {
      throw new IllegalArgumentException("max must be at least 1");
    }
    List<Payment> candidates =
        new ArrayList<>(
            query(
                agencyId,
                PaymentQuery.all()
                    .statuses(EnumSet.of(PaymentStatus.IN_DOUBT))
                    .updatedBefore(at.plusNanos(1))
                    .limit(max)));
    candidates.addAll(
        query(
            agencyId,
            PaymentQuery.all()
                .statuses(
                    EnumSet.of(
                        PaymentStatus.PENDING,
                        PaymentStatus.PROCESSING,
                        PaymentStatus.REQUIRES_ACTION))
                .updatedBefore(staleBefore)
                .limit(max)));
    candidates.sort(Comparator.comparing(Payment::createdAt).thenComparing(p -> p.id().value()));
    List<Payment> claimed = new ArrayList<>();
    for (Payment p : candidates) {
      if (claimed.size() == max) {
        break;
      }
      if (p.currentAttempt() == null) {
        continue;
      }
      PaymentStatus next =
          p.status() == PaymentStatus.REQUIRES_ACTION ? p.status() : PaymentStatus.PROCESSING;
      try {
        claimed.add(update(p.change().status(next).at(at)));
      } catch (ConcurrentUpdateException e) {
        // another reconciler claimed it first
      }
    }
    return claimed;
  }

  /**
   * The client's customer at the processor.
   *
   * @param agencyId the agency
   * @param clientId the client
   * @return the customer reference, if one was stored
   */
  Optional<String> customerReference(AgencyId agencyId, ClientId clientId);

  /**
   * Stores the client's customer unless one is stored already.
   *
   * @param agencyId the agency
   * @param clientId the client
   * @param customerReference the processor's customer
   * @return the reference now stored: the given one, or the one stored before
   */
  String putCustomerReference(AgencyId agencyId, ClientId clientId, String customerReference);

  /**
   * Stores or replaces a saved card. A card belongs to the agency and client it carries; a
   * replacement keeps both (the facade never moves a card to another agency or client).
   *
   * @param card the card
   */
  void saveCard(PaymentMethod card);

  /**
   * Reads a saved card by its id, whatever its agency. Ids are the processor's and globally unique;
   * the caller must check {@link PaymentMethod#agencyId()} before it shows, changes or charges the
   * card (the facade treats a card of another agency as not found).
   *
   * @param id the card
   * @return the card, if stored
   */
  Optional<PaymentMethod> findCard(PaymentMethodId id);

  /**
   * A client's saved cards with one agency, oldest first. Client ids are the agency's own, so
   * several agencies sharing a store may have a client of the same id; each sees only the cards
   * saved with it.
   *
   * @param agencyId the agency
   * @param clientId the client, as the agency knows it
   * @return the cards
   */
  List<PaymentMethod> cards(AgencyId agencyId, ClientId clientId);

  /**
   * Forgets a saved card.
   *
   * @param id the card
   * @return whether it was stored
   */
  boolean removeCard(PaymentMethodId id);

  /**
   * Stores a new card setup (saving a card without a payment), version 0, before the processor is
   * called.
   *
   * @param setup the setup
   * @throws IllegalStateException when a setup with its id is stored already
   */
  void insertSetup(CardSetup setup);

  /**
   * Replaces a card setup if nobody changed it since it was read: a compare-and-set on the version,
   * also across host processes sharing one database.
   *
   * @param setup the new value, carrying the version that was read
   * @return the stored value with the version moved on by one; empty when the stored version
   *     differs or there is no such setup (nothing written)
   */
  Optional<CardSetup> updateSetup(CardSetup setup);

  /**
   * Reads a card setup.
   *
   * @param id the setup
   * @return the setup, if stored
   */
  Optional<CardSetup> findSetup(CardSetupId id);

  /**
   * Card setups of one agency in the given statuses, last changed before the given time, oldest
   * first: what {@code reconcile} must settle.
   *
   * @param agencyId the agency
   * @param statuses the statuses wanted
   * @param updatedBefore only setups last changed strictly before this
   * @param max how many at most, 1 or more
   * @return the setups, oldest first (by creation time, then id)
   */
  List<CardSetup> setups(
      AgencyId agencyId, Set<CardSetupStatus> statuses, Instant updatedBefore, int max);

  /**
   * Records that a saved card was removed, and by whom. Kept after the card itself is forgotten.
   *
   * @param removal the removal
   */
  void recordCardRemoval(CardRemoval removal);

  /**
   * The removals recorded for a client of one agency, oldest first.
   *
   * @param agencyId the agency
   * @param clientId the client
   * @return the removals
   */
  List<CardRemoval> cardRemovals(AgencyId agencyId, ClientId clientId);

  /**
   * Adds a record of a receipt emailed (or not) for a payment. Records are only ever added.
   *
   * @param email what happened
   */
  void recordReceiptEmail(ReceiptEmail email);

  /**
   * The receipts emailed (or not) for a payment, oldest first (by time, then as recorded).
   *
   * @param paymentId the payment
   * @return the records; empty when none
   */
  List<ReceiptEmail> receiptEmails(PaymentId paymentId);
}
