package org.electronicpayments.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.electronicpayments.AgencyDetails;
import org.electronicpayments.ElectronicPayments;
import org.electronicpayments.Money;
import org.electronicpayments.Payment;
import org.electronicpayments.PaymentAttempt;
import org.electronicpayments.PaymentChange;
import org.electronicpayments.PaymentDispute;
import org.electronicpayments.PaymentId;
import org.electronicpayments.PaymentMethod;
import org.electronicpayments.PaymentMethodId;
import org.electronicpayments.PaymentRefund;
import org.electronicpayments.PaymentStatus;
import org.electronicpayments.security.Actor;
import org.electronicpayments.security.Permission;
import org.electronicpayments.spi.PaymentProcessor;
import org.electronicpayments.spi.ProcessorDispute;
import org.electronicpayments.spi.ProcessorRefund;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records what was done to a payment or a saved card outside the SDK, in the processor's own
 * dashboard or by the card holder's bank: refunds, disputes, cards detached or expired there.
 */
public final class OutsideChanges {

  private static final Logger LOG = LoggerFactory.getLogger(ElectronicPayments.class);

  /** Below this, asking the processor is not worth it: the next refresh asks. */
  private static final Duration MIN_BUDGET = Duration.ofMillis(10);

  private final PaymentProcessor processor;
  private final Journal journal;
  private final AccessGuard guard;
  private final SavedCards cards;
  private final AgencyDetails agency;
  private final Bounded bounded;

  /**
   * Creates the recorder.
   *
   * @param processor asked for refunds, disputes and cards
   * @param journal where payments and cards are stored
   * @param guard the access guard
   * @param cards the saved-card operations, whose sync drops cards gone at the processor
   * @param agency the facade's agency
   * @param bounded runs processor calls within the caller's deadline
   */
  public OutsideChanges(
      PaymentProcessor processor,
      Journal journal,
      AccessGuard guard,
      SavedCards cards,
      AgencyDetails agency,
      Bounded bounded) {
    this.processor = processor;
    this.journal = journal;
    this.guard = guard;
    this.cards = cards;
    this.agency = agency;
    this.bounded = bounded;
  }

  /**
   * Reads a charged card payment's refunds and dispute at the processor and records those made
   * outside the SDK. The caller was authorized to refresh the payment. A processor that does not
   * answer within the time left leaves the payment as it was: the next refresh tries again.
   *
   * @param paymentId the payment
   * @param budget how long the processor may take, what is left of the caller's deadline
   * @return the payment afterwards
   */
  public Payment record(PaymentId paymentId, Duration budget) {
    Payment p = journal.read(paymentId);
    String reference = chargeReference(p);
    if (reference == null || budget.compareTo(MIN_BUDGET) < 0) {
      return p;
    }
    AtProcessor found;
    try {
      found =
          bounded.run(
              () ->
                  new AtProcessor(
                      processor.listRefunds(reference), processor.findDispute(reference)),
              budget);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      LOG.warn(
          "Payment {}: reading its refunds and dispute at the processor failed ({})",
          paymentId,
          cause.getClass().getSimpleName());
      return p;
    }
    if (found == null) {
      LOG.warn(
          "Payment {}: the processor did not list its refunds and dispute within {}",
          paymentId,
          budget);
      return p;
    }
    return journal.change(
        paymentId,
        current -> current == null ? null : apply(current, found.refunds(), found.dispute()));
  }

  /** What the processor holds for a charge. */
  private record AtProcessor(List<ProcessorRefund> refunds, @Nullable ProcessorDispute dispute) {}

  /**
   * Drops a saved card from the client's list if the processor no longer holds it for the client
   * (detached or expired there), by syncing that client's cards.
   *
   * @param actor who is acting: a system job (webhooks) needs {@link
   *     Permission#RECONCILE_PAYMENTS}, staff {@link Permission#MANAGE_SAVED_CARDS}
   * @param id the card
   * @return the client's saved cards after the sync, or an empty list when the card is not saved
   *     here
   */
  public List<PaymentMethod> syncCard(Actor actor, PaymentMethodId id) {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(id, "id");
    Optional<PaymentMethod> card =
        journal.findCard(id).filter(c -> c.agencyId().equals(agency.id()));
    Permission needed =
        actor instanceof Actor.SystemJob
            ? Permission.RECONCILE_PAYMENTS
            : Permission.MANAGE_SAVED_CARDS;
    guard.check(actor, needed, card.map(PaymentMethod::clientId).orElse(null), null);
    return card.isEmpty() ? List.of() : cards.syncChecked(card.get().clientId());
  }

  private static @Nullable String chargeReference(Payment p) {
    if (!p.request().chargesCard() || !p.status().isCharged()) {
      return null;
    }
    for (int i = p.attempts().size() - 1; i >= 0; i--) {
      PaymentAttempt a = p.attempts().get(i);
      if (a.status() == PaymentStatus.SUCCEEDED && a.processorReference() != null) {
        return a.processorReference();
      }
    }
    return null;
  }

  /** The payment with the outside refunds and the dispute recorded; null when nothing is new. */
  private @Nullable Payment apply(
      Payment current, List<ProcessorRefund> refunds, @Nullable ProcessorDispute dispute) {
    Instant now = journal.now();
    PaymentChange change = current.change();
    boolean changed = false;
    Set<String> known = new HashSet<>();
    for (PaymentRefund r : current.refunds()) {
      if (r.processorReference() != null) {
        known.add(r.processorReference());
      }
    }
    int number = current.refunds().size();
    Money refunded = current.refunded();
    for (ProcessorRefund r : refunds) {
      if (r.status() != PaymentStatus.SUCCEEDED
          || r.madeThroughSdk()
          || known.contains(r.reference())
          || !r.amount().currency().equals(current.amount().currency())) {
        continue;
      }
      number++;
      change.addRefund(
          new PaymentRefund(
              number,
              r.amount(),
              PaymentRefund.keyFor(current.id(), number),
              r.reference(),
              PaymentStatus.SUCCEEDED,
              PaymentRefund.OUTSIDE_SDK,
              now));
      refunded = refunded.plus(r.amount());
      known.add(r.reference());
      changed = true;
      LOG.info(
          "Payment {}: refund {} of {} made outside the SDK recorded",
          current.id(),
          r.reference(),
          r.amount());
    }
    if (changed) {
      change.status(
          refunded.compareTo(current.amount()) >= 0
              ? PaymentStatus.REFUNDED
              : PaymentStatus.PARTIALLY_REFUNDED);
    }
    if (dispute != null) {
      PaymentDispute was = current.dispute();
      if (was == null
          || !was.processorReference().equals(dispute.reference())
          || was.status() != dispute.status()
          || !was.amount().equals(dispute.amount())
          || !was.reason().equals(dispute.reason())) {
        change.dispute(
            new PaymentDispute(
                dispute.reference(),
                dispute.amount(),
                dispute.reason(),
                dispute.status(),
                dispute.openedAt(),
                now));
        changed = true;
        LOG.info(
            "Payment {}: dispute {} {} ({})",
            current.id(),
            dispute.reference(),
            dispute.status(),
            dispute.reason());
      }
    }
    return changed ? change.at(now) : null;
  }
}
