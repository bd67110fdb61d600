package org.electronicpayments;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.electronicpayments.security.Actor;
import org.electronicpayments.security.Permission;
import org.electronicpayments.spi.PaymentQuery;
import org.jspecify.annotations.Nullable;

/**
 * The SDK's facade: everything a host's New Payment window, client portal and appointment
 * panel need. Every operation is checked against the access policy and audited.
 *
 * <pre>{@code
 * ElectronicPayments payments = ElectronicPayments.builder()
 *     .processor(stripeProcessor)
 *     .store(store)
 *     .agency(agency)
 *     .build();
 * PaymentResult result = payments.process(actor, request);
 * if (result instanceof PaymentResult.Succeeded ok) {
 *   payments.save(actor, ok.payment().id());        // the window's Save
 *   payments.emailReceipt(actor, ok.payment().id());
 * }
 * }</pre>
 *
 * <p>Thread-safe; build one per agency and share it. {@link #close()} stops its worker threads.
 */
public final class ElectronicPayments implements AutoCloseable {

  private final Journal journal;
  private final AccessGuard guard;
  private final Charges charges;
  private final SavedCards cards;
  private final Refunds refunds;
  private final Receipts receipts;
  private final AgencyDetails agency;
  private final Clock clock;
  private final Duration deadline;
  private final Duration lease;
  private final Bounded bounded;
  private final boolean ownsExecutor;
  private final ConcurrentHashMap<PaymentId, CompletableFuture<PaymentResult>> inFlight = new ConcurrentHashMap<>();

  ElectronicPayments(ElectronicPaymentsBuilder b) {
    this.agency = b.agency;
    this.clock = b.clock;
    this.deadline = b.deadline;
    this.lease = b.lease != null ? b.lease : b.deadline.plus(ElectronicPaymentsBuilder.DEFAULT_LEASE_MARGIN);
    this.ownsExecutor = b.executor == null;
    this.bounded = new Bounded(b.executor != null ? b.executor : newWorkerPool());
    this.journal = new Journal(b.store, b.clock);
    this.guard = new AccessGuard(b.accessPolicy, b.auditSink, b.clock);
    this.charges = new Charges(b.processor, journal, agency, deadline, bounded);
    this.cards = new SavedCards(b.processor, journal, guard, agency);
    this.refunds = new Refunds(b.processor, journal, guard, bounded, deadline);
    this.receipts = new Receipts(journal, guard, agency, b.clientDirectory, b.receiptDelivery);
  }

  /**
   * Starts configuring a facade.
   *
   * @return a builder
   */
  public static ElectronicPaymentsBuilder builder() {
    return new ElectronicPaymentsBuilder();
  }

  /**
   * Processes a New Payment: validate, authorize, journal (PENDING, with its idempotency key),
   * call the processor, store the outcome, return it. Cash and check are recorded without a
   * processor call. Returns within the deadline.
   *
   * <p>A double submit (same reference, client, amount, type and card) returns the first
   * payment's result instead of charging twice; if that payment's outcome was unknown, its
   * attempt is retried with the same idempotency key. The same reference with other details is
   * rejected.
   *
   * @param actor who is acting
   * @param request the filled-in window
   * @return succeeded, failed, requires action or in doubt
   * @throws PaymentValidationException listing every field error; nothing is stored
   * @throws AccessDeniedException when the actor may not; nothing is stored
   */
  public PaymentResult process(Actor actor, PaymentRequest request) {
    Payment fresh = admit(actor, request);
    return submit(actor, fresh);
  }

  /**
   * Like {@link #process} but returns at once; validation and access errors are thrown here,
   * not through the future. Use {@link #status} to show progress meanwhile.
   *
   * @param actor who is acting
   * @param request the filled-in window
   * @return the result, when known (at the latest at the deadline)
   */
  public CompletableFuture<PaymentResult> processAsync(Actor actor, PaymentRequest request) {
    Payment fresh = admit(actor, request);
    return CompletableFuture.supplyAsync(() -> submit(actor, fresh), bounded.executor());
  }

  /**
   * Tries a payment again. After a definite failure (declined) a new attempt is made with a new
   * idempotency key, on the given card (or the same one); a payment whose outcome is unknown is
   * retried with its current attempt's key, so it can never charge twice.
   *
   * @param actor who is acting
   * @param paymentId the payment
   * @param card the card for a new attempt, or {@code null} for the same card
   * @return the result
   */
  public PaymentResult retry(Actor actor, PaymentId paymentId, @Nullable CardChoice card) {
    Objects.requireNonNull(actor, "actor");
    Payment p = journal.read(paymentId);
    if (p.status() != PaymentStatus.FAILED || p.currentAttempt() == null) {
      guard.check(actor, Permission.VIEW_PAYMENTS, p.clientId(), p.id());
      if (card != null && p.currentAttempt() != null && !card.equals(p.currentAttempt().card())
          && Charges.RESUMABLE.contains(p.status())) {
        throw PaymentValidationException.of("card",
            "cannot change while the current attempt's outcome is unknown; reconcile first");
      }
      return resume(actor, p);
    }
    CardChoice chosen = card != null ? card : p.currentAttempt().card();
    PaymentRequest asked = p.request();
    PaymentRequest withCard = new PaymentRequest(asked.clientId(), asked.appointmentId(), asked.origin(),
        asked.datePosted(), asked.emailReceiptTo(), asked.reference(), asked.type(), asked.payer(),
        asked.amountReceived(), asked.note(), asked.electronic(), chosen, asked.clientPresent());
    RequestValidator.check(withCard, List.of());
    authorize(actor, withCard, p.id());
    int next = p.currentAttempt().number() + 1;
    Payment retried = journal.write(p.change().status(PaymentStatus.PENDING).failure(null)
        .addAttempt(new PaymentAttempt(next, PaymentAttempt.keyFor(p.id(), next), chosen, null,
            PaymentStatus.PENDING, clock.instant(), null)));
    return charges.run(retried, false);
  }

  /**
   * Asks the processor for the current state of an unsettled payment and stores it: after the
   * client finished 3-D Secure, or when a webhook says something changed.
   *
   * @param actor who is acting
   * @param paymentId the payment
   * @return the result
   */
  public PaymentResult refresh(Actor actor, PaymentId paymentId) {
    Payment p = journal.read(paymentId);
    guard.check(actor, actor instanceof Actor.SystemJob ? Permission.RECONCILE_PAYMENTS : Permission.VIEW_PAYMENTS,
        p.clientId(), p.id());
    if (!Charges.RESUMABLE.contains(p.status()) || p.currentAttempt() == null || isFresh(p)) {
      return PaymentResult.of(p);
    }
    Payment claimed = claim(p);
    return claimed == null ? PaymentResult.of(journal.read(paymentId)) : charges.run(claimed, true);
  }

  /**
   * Settles every payment whose outcome is unknown (G2, G3): in doubt, or waiting for
   * authentication or pending/processing for longer than the lease (a client who walked away, a
   * host that died).
   * Charged ones become SUCCEEDED; ones never confirmed are cancelled at the processor and
   * become FAILED; ones still processing stay IN_DOUBT for the next run.
   *
   * @param actor who is acting (usually {@code Actor.system("reconciler")})
   * @return what was done
   */
  public ReconcileReport reconcile(Actor actor) {
    guard.check(actor, Permission.RECONCILE_PAYMENTS, null, null);
    List<Payment> candidates = new ArrayList<>();
    collect(PaymentQuery.forAgency(agency.id()).statuses(java.util.EnumSet.of(PaymentStatus.IN_DOUBT)), candidates);
    // Left alone while young: a client may be in the middle of 3-D Secure, another host in the middle of a charge.
    collect(PaymentQuery.forAgency(agency.id()).statuses(java.util.EnumSet.of(PaymentStatus.PENDING,
        PaymentStatus.PROCESSING, PaymentStatus.REQUIRES_ACTION)).updatedBefore(clock.instant().minus(lease)),
        candidates);
    int succeeded = 0;
    int failed = 0;
    int inDoubt = 0;
    int action = 0;
    int skipped = 0;
    for (Payment p : candidates) {
      Payment claimed = p.currentAttempt() == null ? null : claim(p);
      if (claimed == null) {
        skipped++;
        continue;
      }
      PaymentResult r = charges.run(claimed, true);
      switch (r.status()) {
        case SUCCEEDED -> succeeded++;
        case FAILED -> failed++;
        case REQUIRES_ACTION -> action++;
        default -> inDoubt++;
      }
    }
    return new ReconcileReport(candidates.size(), succeeded, failed, inDoubt, action, skipped);
  }

  /**
   * The window's Save: posts a succeeded payment to the client's ledger. Saving again is harmless.
   *
   * @param actor who is acting
   * @param paymentId the payment
   * @return the posted payment
   * @throws PaymentException when the payment has not succeeded
   */
  public Payment save(Actor actor, PaymentId paymentId) {
    Payment p = journal.read(paymentId);
    guard.check(actor, Permission.POST_PAYMENTS, p.clientId(), p.id());
    return journal.change(paymentId, current -> {
      if (current.isPosted()) {
        return null;
      }
      if (!current.status().isCharged()) {
        throw new PaymentException("Only a succeeded payment can be saved; payment " + paymentId + " is "
            + current.status(), paymentId, null, null);
      }
      PaymentChange change = current.change().posted(actor.auditName(), clock.instant());
      if (current.status() == PaymentStatus.SUCCEEDED) {
        change.status(PaymentStatus.POSTED);
      }
      return change.at(clock.instant());
    });
  }

  /**
   * Processed payments nobody saved yet: they were charged, so they must not be forgotten.
   *
   * @param actor who is acting (staff with view permission)
   * @return the unposted payments, oldest first
   */
  public List<Payment> unposted(Actor actor) {
    guard.check(actor, Permission.VIEW_PAYMENTS, null, null);
    List<Payment> all = new ArrayList<>();
    collect(PaymentQuery.forAgency(agency.id()).unposted(), all);
    return all;
  }

  /**
   * Reads payments of one client (or, with a {@code null} client, of the whole agency, for staff).
   *
   * @param actor who is acting
   * @param query filters and page; its agency must be this facade's
   * @return the payments
   */
  public List<Payment> payments(Actor actor, PaymentQuery query) {
    Objects.requireNonNull(query, "query");
    if (!query.agencyId().equals(agency.id())) {
      throw PaymentValidationException.of("agencyId", "must be this facade's agency");
    }
    guard.check(actor, Permission.VIEW_PAYMENTS, query.clientId(), null);
    return journal.store().query(query);
  }

  /**
   * Reads one payment.
   *
   * @param actor who is acting
   * @param paymentId the payment
   * @return the payment
   */
  public Payment payment(Actor actor, PaymentId paymentId) {
    Payment p = journal.read(paymentId);
    guard.check(actor, Permission.VIEW_PAYMENTS, p.clientId(), p.id());
    return p;
  }

  /**
   * A payment's status, for a screen showing progress of a slow charge.
   *
   * @param actor who is acting
   * @param paymentId the payment
   * @return the status
   */
  public PaymentStatus status(Actor actor, PaymentId paymentId) {
    return payment(actor, paymentId).status();
  }

  /**
   * Builds the receipt of a charged payment.
   *
   * @param actor who is acting
   * @param paymentId the payment
   * @return the receipt
   */
  public Receipt receipt(Actor actor, PaymentId paymentId) {
    return receipts.receipt(actor, paymentId);
  }

  /**
   * The receipt as a printable HTML page.
   *
   * @param actor who is acting
   * @param paymentId the payment
   * @return the page
   */
  public String printableReceipt(Actor actor, PaymentId paymentId) {
    return receipts.receipt(actor, paymentId).toHtml();
  }

  /**
   * Emails the receipt to the request's Email Receipt To, else to the client's email on file.
   *
   * @param actor who is acting
   * @param paymentId the payment
   * @return the address it was sent to
   */
  public String emailReceipt(Actor actor, PaymentId paymentId) {
    return receipts.email(actor, paymentId);
  }

  /**
   * A client's saved cards with this agency. Cards another agency saved for a client of the same
   * id in a shared store are not listed, nor can this facade rename, update, remove or charge them.
   *
   * @param actor who is acting
   * @param clientId the client
   * @return the cards, oldest first
   */
  public List<PaymentMethod> savedCards(Actor actor, ClientId clientId) {
    return cards.list(actor, clientId);
  }

  /**
   * Renames a saved card.
   *
   * @param actor who is acting
   * @param id the card
   * @param nickname the new name, such as {@code Visa 1000}
   * @return the renamed card
   */
  public PaymentMethod renameCard(Actor actor, PaymentMethodId id, String nickname) {
    return cards.rename(actor, id, nickname);
  }

  /**
   * Updates a saved card's expiry (a renewed card with the same number).
   *
   * @param actor who is acting
   * @param id the card
   * @param expiry the new expiry
   * @return the updated card
   */
  public PaymentMethod updateCardExpiry(Actor actor, PaymentMethodId id, YearMonth expiry) {
    return cards.updateExpiry(actor, id, expiry);
  }

  /**
   * Removes a saved card, at the processor and here.
   *
   * @param actor who is acting
   * @param id the card
   */
  public void removeCard(Actor actor, PaymentMethodId id) {
    cards.remove(actor, id);
  }

  /**
   * Refunds part or all of a charged payment. The refund is journaled with its idempotency key
   * first; if its outcome is unknown, asking again for the same amount retries it with the
   * same key.
   *
   * @param actor who is acting
   * @param paymentId the payment
   * @param amount how much, at most what is left
   * @return the refund, with its status
   */
  public PaymentRefund refund(Actor actor, PaymentId paymentId, Money amount) {
    return refunds.refund(actor, paymentId, amount);
  }

  /** Stops the worker threads, if the facade made them. */
  @Override
  public void close() {
    if (ownsExecutor) {
      bounded.executor().shutdownNow();
    }
  }

  private Payment admit(Actor actor, PaymentRequest request) {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(request, "request");
    RequestValidator.check(request, List.of());
    authorize(actor, request, null);
    PaymentRequest completed = request.datePosted() != null ? request
        : request.withDatePosted(LocalDate.now(clock.withZone(agency.zone())));
    PaymentId id = PaymentId.generate();
    java.time.Instant now = clock.instant();
    if (!completed.chargesCard()) {
      return new Payment(id, agency.id(), completed, PaymentStatus.SUCCEEDED, List.of(), id.value(), null, null,
          null, List.of(), actor.auditName(), now, now, null, null, 0);
    }
    PaymentAttempt first = new PaymentAttempt(1, PaymentAttempt.keyFor(id, 1), completed.card(), null,
        PaymentStatus.PENDING, now, null);
    return new Payment(id, agency.id(), completed, PaymentStatus.PENDING, List.of(first), null, null, null, null,
        List.of(), actor.auditName(), now, now, null, null, 0);
  }

  private PaymentResult submit(Actor actor, Payment fresh) {
    CompletableFuture<PaymentResult> mine = new CompletableFuture<>();
    inFlight.put(fresh.id(), mine);
    try {
      Optional<Payment> existing = journal.store().insert(fresh);
      if (existing.isPresent()) {
        return duplicate(actor, existing.get(), fresh.request());
      }
      PaymentResult result = fresh.request().chargesCard() ? charges.run(fresh, false) : PaymentResult.of(fresh);
      mine.complete(result);
      return result;
    } catch (RuntimeException e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      inFlight.remove(fresh.id());
    }
  }

  private PaymentResult duplicate(Actor actor, Payment existing, PaymentRequest request) {
    if (!existing.request().sameDetailsAs(request)) {
      throw PaymentValidationException.of("reference", "is already used by another payment of this agency");
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
    return resume(actor, existing);
  }

  /**
   * Another host (or a thread of a host that shares this store) is charging the payment: watch
   * the store until it settles or the deadline passes, then answer what is known.
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

  private PaymentResult resume(Actor actor, Payment p) {
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

  /** Takes over an unsettled payment by moving its version; {@code null} if someone else did first. */
  private @Nullable Payment claim(Payment p) {
    PaymentStatus status = p.status() == PaymentStatus.REQUIRES_ACTION ? p.status() : PaymentStatus.PROCESSING;
    try {
      return journal.store().update(p.change().status(status).at(clock.instant()));
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
      cards.requireUsable(saved.paymentMethodId(), client, LocalDate.now(clock.withZone(agency.zone())));
    } else {
      guard.check(actor, Permission.PROCESS_ELECTRONIC_PAYMENTS, client, paymentId);
      if (card instanceof CardChoice.SaveNew) {
        guard.check(actor, Permission.SAVE_CARD, client, paymentId);
      }
    }
  }

  private void collect(PaymentQuery query, List<Payment> into) {
    int offset = 0;
    while (true) {
      List<Payment> page = journal.store().query(query.page(offset, 500));
      into.addAll(page);
      if (page.size() < 500) {
        return;
      }
      offset += page.size();
    }
  }

  private static ExecutorService newWorkerPool() {
    AtomicInteger n = new AtomicInteger();
    return Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "electronic-payments-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }
}
