package org.electronicpayments.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.electronicpayments.AgencyDetails;
import org.electronicpayments.CardChoice;
import org.electronicpayments.ClientId;
import org.electronicpayments.ConcurrentUpdateException;
import org.electronicpayments.Payment;
import org.electronicpayments.PaymentAttempt;
import org.electronicpayments.PaymentId;
import org.electronicpayments.PaymentRequest;
import org.electronicpayments.PaymentResult;
import org.electronicpayments.PaymentStatus;
import org.electronicpayments.PaymentValidationException;
import org.electronicpayments.ReconcileReport;
import org.electronicpayments.security.Actor;
import org.electronicpayments.security.Permission;
import org.jspecify.annotations.Nullable;

/**
 * The facade's payment lifecycle: admitting a request (validate, authorize, journal), recognising
 * double submits, taking over unsettled payments (claims by version), retries, refreshes and
 * reconciliation. {@link ElectronicPayments} documents the behaviour; this class holds it.
 */
public final class Submissions {

  private static final int RECONCILE_BATCH = 100;

  private final Journal journal;
  private final AccessGuard guard;
  private final Charges charges;
  private final SavedCards cards;
  private final AgencyDetails agency;
  private final Clock clock;
  private final Duration deadline;
  private final Duration lease;
  private final Supplier<PaymentId> paymentIds;
  private final ConcurrentHashMap<PaymentId, CompletableFuture<PaymentResult>> inFlight =
      new ConcurrentHashMap<>();

  /**
   * Creates the lifecycle.
   *
   * @param journal the journal
   * @param guard the access guard
   * @param charges runs attempts
   * @param cards checks saved cards chosen for a payment
   * @param agency the facade's agency
   * @param clock the facade's clock
   * @param deadline how long a caller waits
   * @param lease how long an unsettled payment is left to its owner
   * @param paymentIds makes the id of each new payment
   */
  public Submissions(
      Journal journal,
      AccessGuard guard,
      Charges charges,
      SavedCards cards,
      AgencyDetails agency,
      Clock clock,
      Duration deadline,
      Duration lease,
      Supplier<PaymentId> paymentIds) {
    this.journal = journal;
    this.guard = guard;
    this.charges = charges;
    this.cards = cards;
    this.agency = agency;
    this.clock = clock;
    this.deadline = deadline;
    this.lease = lease;
    this.paymentIds = paymentIds;
  }

  public PaymentResult retry(Actor actor, PaymentId paymentId, @Nullable CardChoice card) {
    Objects.requireNonNull(actor, "actor");
    Payment p = journal.read(paymentId);
    if (p.status() != PaymentStatus.FAILED || p.currentAttempt() == null) {
      guard.check(actor, Permission.VIEW_PAYMENTS, p.clientId(), p.id());
      if (card != null
          && p.currentAttempt() != null
          && !card.equals(p.currentAttempt().card())
          && Charges.RESUMABLE.contains(p.status())) {
        throw PaymentValidationException.of(
            "card",
            "cannot change while the current attempt's outcome is unknown; reconcile first");
      }
      return resume(p);
    }
    CardChoice chosen = card != null ? card : p.currentAttempt().card();
    PaymentRequest withCard = p.request().withCard(chosen);
    RequestValidator.check(withCard, List.of());
    authorize(actor, withCard, p.id());
    int next = p.currentAttempt().number() + 1;
    Payment retried =
        journal.write(
            p.change()
                .status(PaymentStatus.PENDING)
                .failure(null)
                .addAttempt(
                    new PaymentAttempt(
                        next,
                        PaymentAttempt.keyFor(p.id(), next),
                        chosen,
                        null,
                        PaymentStatus.PENDING,
                        clock.instant(),
                        null)));
    return charges.run(retried, false);
  }

  public PaymentResult refresh(Actor actor, PaymentId paymentId) {
    Payment p = journal.read(paymentId);
    guard.check(
        actor,
        actor instanceof Actor.SystemJob ? Permission.RECONCILE_PAYMENTS : Permission.VIEW_PAYMENTS,
        p.clientId(),
        p.id());
    if (!Charges.RESUMABLE.contains(p.status()) || p.currentAttempt() == null || isFresh(p)) {
      return PaymentResult.of(p);
    }
    Payment claimed = claim(p);
    return claimed == null ? PaymentResult.of(journal.read(paymentId)) : charges.run(claimed, true);
  }

  /**
   * One reconcile pass: claims unsettled payments from the store a batch at a time (so that
   * reconcilers on other threads or nodes take other payments) and settles each it claimed. Young
   * pending, processing and awaiting-action payments are left alone: a client may be in the middle
   * of 3-D Secure, another host in the middle of a charge.
   *
   * @param actor who is acting
   * @return what the pass did
   */
  public ReconcileReport reconcile(Actor actor) {
    guard.check(actor, Permission.RECONCILE_PAYMENTS, null, null);
    Instant at = clock.instant();
    Instant staleBefore = at.minus(lease);
    Set<PaymentId> seen = new HashSet<>();
    int succeeded = 0;
    int failed = 0;
    int inDoubt = 0;
    int action = 0;
    boolean again = true;
    while (again) {
      List<Payment> batch = journal.claimUnsettled(agency.id(), at, staleBefore, RECONCILE_BATCH);
      again = !batch.isEmpty();
      for (Payment claimed : batch) {
        PaymentResult r = charges.run(claimed, true);
        if (!seen.add(claimed.id())) {
          // Settled once already in this pass and still in doubt, last changed at the pass's start:
          // the clock stands still. Claimed, so settled again, but the pass ends here.
          again = false;
          continue;
        }
        switch (r.status()) {
          case SUCCEEDED -> succeeded++;
          case FAILED -> failed++;
          case REQUIRES_ACTION -> action++;
          default -> inDoubt++;
        }
      }
    }
    return new ReconcileReport(seen.size(), succeeded, failed, inDoubt, action);
  }

  public Payment admit(Actor actor, PaymentRequest request) {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(request, "request");
    RequestValidator.check(request, List.of());
    authorize(actor, request, null);
    PaymentRequest completed =
        request.datePosted() != null
            ? request
            : request.withDatePosted(LocalDate.now(clock.withZone(agency.zone())));
    PaymentId id =
        Objects.requireNonNull(paymentIds.get(), "the payment id supplier returned null");
    Instant now = clock.instant();
    if (!completed.chargesCard()) {
      return new Payment(
          id,
          agency.id(),
          completed,
          PaymentStatus.SUCCEEDED,
          List.of(),
          id.value(),
          null,
          null,
          null,
          List.of(),
          actor.auditName(),
          now,
          now,
          null,
          null,
          0);
    }
    // A request that charges a card has one: the validator checked it.
    PaymentAttempt first =
        new PaymentAttempt(
            1,
            PaymentAttempt.keyFor(id, 1),
            Objects.requireNonNull(completed.card(), "card"),
            null,
            PaymentStatus.PENDING,
            now,
            null);
    return new Payment(
        id,
        agency.id(),
        completed,
        PaymentStatus.PENDING,
        List.of(first),
        null,
        null,
        null,
        null,
        List.of(),
        actor.auditName(),
        now,
        now,
        null,
        null,
        0);
  }

  public PaymentResult submit(Actor actor, Payment fresh) {
    CompletableFuture<PaymentResult> mine = new CompletableFuture<>();
    inFlight.put(fresh.id(), mine);
    try {
      Optional<Payment> existing = journal.insert(fresh);
      if (existing.isPresent()) {
        return duplicate(existing.get(), fresh.request());
      }
      PaymentResult result =
          fresh.request().chargesCard() ? charges.run(fresh, false) : PaymentResult.of(fresh);
      mine.complete(result);
      return result;
    } catch (RuntimeException e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      inFlight.remove(fresh.id());
    }
  }

  private PaymentResult duplicate(Payment existing, PaymentRequest request) {
    if (!existing.request().sameDetailsAs(request)) {
      throw PaymentValidationException.of(
          "reference", "is already used by another payment of this agency");
    }
    CompletableFuture<PaymentResult> running = inFlight.get(existing.id());
    if (running == null && isFresh(existing)) {
      return awaitElsewhere(existing);
    }
    if (running != null) {
      try {
        return running.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return PaymentResult.of(journal.read(existing.id()));
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
        return PaymentResult.of(journal.read(existing.id()));
      }
    }
    return resume(existing);
  }

  /**
   * Another host (or a thread of a host that shares this store) is charging the payment: watch the
   * store until it settles or the deadline passes, then answer what is known.
   */
  private PaymentResult awaitElsewhere(Payment existing) {
    long end = System.nanoTime() + deadline.toNanos();
    Payment current = existing;
    long pause = 1;
    while (isFresh(current) && System.nanoTime() < end) {
      try {
        TimeUnit.MILLISECONDS.sleep(pause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      pause = Math.min(pause * 2, 50);
      current = journal.read(existing.id());
    }
    return PaymentResult.of(current);
  }

  private PaymentResult resume(Payment p) {
    if (!Charges.RESUMABLE.contains(p.status()) || p.currentAttempt() == null) {
      return PaymentResult.of(p);
    }
    if (isFresh(p)) {
      return PaymentResult.of(p);
    }
    Payment claimed = claim(p);
    if (claimed == null) {
      return PaymentResult.of(journal.read(p.id()));
    }
    return charges.run(claimed, p.status() == PaymentStatus.REQUIRES_ACTION);
  }

  /** A pending or processing payment another thread or node is still working on. */
  private boolean isFresh(Payment p) {
    return (p.status() == PaymentStatus.PENDING || p.status() == PaymentStatus.PROCESSING)
        && p.updatedAt().isAfter(clock.instant().minus(lease));
  }

  /**
   * Takes over an unsettled payment by moving its version; {@code null} if someone else did first.
   */
  private @Nullable Payment claim(Payment p) {
    PaymentStatus status =
        p.status() == PaymentStatus.REQUIRES_ACTION ? p.status() : PaymentStatus.PROCESSING;
    try {
      return journal.update(p.change().status(status).at(clock.instant()));
    } catch (ConcurrentUpdateException e) {
      return null;
    }
  }

  private void authorize(Actor actor, PaymentRequest request, @Nullable PaymentId paymentId) {
    ClientId client = request.clientId();
    CardChoice card = request.card();
    if (!request.chargesCard()) {
      guard.check(actor, Permission.RECORD_PAYMENTS, client, paymentId);
    } else if (card instanceof CardChoice.Saved saved) {
      guard.check(actor, Permission.CHARGE_SAVED_CARD, client, paymentId);
      cards.requireUsable(
          saved.paymentMethodId(), client, LocalDate.now(clock.withZone(agency.zone())));
    } else {
      guard.check(actor, Permission.PROCESS_ELECTRONIC_PAYMENTS, client, paymentId);
      if (card instanceof CardChoice.SaveNew) {
        guard.check(actor, Permission.SAVE_CARD, client, paymentId);
      }
    }
  }
}
