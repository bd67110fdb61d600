package org.electronicpayments.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.electronicpayments.AgencyDetails;
import org.electronicpayments.AgencyId;
import org.electronicpayments.Payment;
import org.electronicpayments.PaymentChange;
import org.electronicpayments.PaymentId;
import org.electronicpayments.PaymentNotSavableException;
import org.electronicpayments.PaymentQuery;
import org.electronicpayments.PaymentStatus;
import org.electronicpayments.security.Actor;
import org.electronicpayments.security.Permission;

/** Reading payments and saving them to the client's ledger (the window's Save). */
public final class Ledger {

  private static final int PAGE = 500;

  private final Journal journal;
  private final AccessGuard guard;
  private final AgencyDetails agency;

  /**
   * Creates the ledger operations.
   *
   * @param journal the journal
   * @param guard the access guard
   * @param agency the facade's agency
   */
  public Ledger(Journal journal, AccessGuard guard, AgencyDetails agency) {
    this.journal = journal;
    this.guard = guard;
    this.agency = agency;
  }

  /**
   * Saves a charged payment to the ledger; saving again changes nothing.
   *
   * @param actor who is acting
   * @param paymentId the payment
   * @return the saved payment
   */
  public Payment save(Actor actor, PaymentId paymentId) {
    Objects.requireNonNull(actor, "actor");
    Payment p = journal.read(paymentId);
    guard.check(actor, Permission.POST_PAYMENTS, p.clientId(), p.id());
    return journal.change(
        paymentId,
        current -> {
          if (current.isPosted()) {
            return null;
          }
          if (!current.status().isCharged()) {
            throw new PaymentNotSavableException(paymentId, current.status());
          }
          Instant now = journal.now();
          PaymentChange change = current.change().posted(actor.auditName(), now);
          if (current.status() == PaymentStatus.SUCCEEDED) {
            change.status(PaymentStatus.POSTED);
          }
          return change.at(now);
        });
  }

  /**
   * Saves a charged portal payment to the ledger by the agency's automatic-posting setting: no
   * permission is asked of the client or representative who paid; the posting is audited as the
   * agency's rule, and the payment records them as who posted it.
   *
   * @param actor the client or representative who paid
   * @param paymentId the payment
   * @return the payment as stored afterwards
   */
  public Payment postByAgencyRule(Actor actor, PaymentId paymentId) {
    Objects.requireNonNull(actor, "actor");
    Payment p = journal.read(paymentId);
    guard.recordAgencyRule(
        actor,
        Permission.POST_PAYMENTS,
        p.clientId(),
        p.id(),
        "the agency posts portal payments automatically");
    return journal.change(
        paymentId,
        current -> {
          if (current.isPosted() || current.status() != PaymentStatus.SUCCEEDED) {
            return null;
          }
          Instant now = journal.now();
          return current
              .change()
              .posted(actor.auditName(), now)
              .status(PaymentStatus.POSTED)
              .at(now);
        });
  }

  /**
   * Reads one payment.
   *
   * @param actor who is acting
   * @param paymentId the payment
   * @return the payment
   */
  public Payment payment(Actor actor, PaymentId paymentId) {
    Objects.requireNonNull(actor, "actor");
    Payment p = journal.read(paymentId);
    guard.check(actor, Permission.VIEW_PAYMENTS, p.clientId(), p.id());
    return p;
  }

  /**
   * Reads a page of payments.
   *
   * @param actor who is acting
   * @param query the filters and page
   * @return the payments
   */
  public List<Payment> payments(Actor actor, PaymentQuery query) {
    Objects.requireNonNull(query, "query");
    guard.check(actor, Permission.VIEW_PAYMENTS, query.clientId(), null);
    return journal.query(agency.id(), query);
  }

  /**
   * Charged payments nobody saved yet, oldest first.
   *
   * @param actor who is acting
   * @return every such payment
   */
  public List<Payment> unsaved(Actor actor) {
    guard.check(actor, Permission.VIEW_PAYMENTS, null, null);
    return all(journal, agency.id(), PaymentQuery.all().unsaved());
  }

  /** Every payment of an agency a query matches, read a page at a time. */
  static List<Payment> all(Journal journal, AgencyId agencyId, PaymentQuery query) {
    List<Payment> into = new ArrayList<>();
    int offset = 0;
    while (true) {
      List<Payment> page = journal.query(agencyId, query.page(offset, PAGE));
      into.addAll(page);
      if (page.size() < PAGE) {
        return into;
      }
      offset += page.size();
    }
  }
}
