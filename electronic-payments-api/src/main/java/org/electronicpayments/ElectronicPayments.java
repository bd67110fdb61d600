package org.electronicpayments;

import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.electronicpayments.internal.AccessGuard;
import org.electronicpayments.internal.Bounded;
import org.electronicpayments.internal.CardSetups;
import org.electronicpayments.internal.Charges;
import org.electronicpayments.internal.Journal;
import org.electronicpayments.internal.Ledger;
import org.electronicpayments.internal.OutsideChanges;
import org.electronicpayments.internal.Receipts;
import org.electronicpayments.internal.Refunds;
import org.electronicpayments.internal.SavedCards;
import org.electronicpayments.internal.Submissions;
import org.electronicpayments.security.Actor;
import org.electronicpayments.spi.PaymentProcessor;
import org.electronicpayments.spi.PaymentStore;
import org.jspecify.annotations.Nullable;

/**
 * The SDK's facade: everything a host's New Payment window, client portal and appointment panel
 * need. Every operation is checked against the access policy and audited.
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

  private final Ledger ledger;
  private final SavedCards cards;
  private final Refunds refunds;
  private final Receipts receipts;
  private final Submissions submissions;
  private final AgencyId agencyId;
  private final Clock clock;
  private final Duration lease;
  private final CardSetups setups;
  private final PortalPosting portalPosting;
  private final OutsideChanges outside;
  private final Duration deadline;
  private final Bounded bounded;
  private final boolean ownsExecutor;

  /**
   * Where {@link #processAsync} waits for a payment: never a thread of a host-supplied executor.
   */
  private final ExecutorService waiting;

  ElectronicPayments(ElectronicPaymentsBuilder b) {
    // build() has checked the required settings; read each once so the facade keeps what was
    // checked.
    PaymentProcessor processor =
        Objects.requireNonNull(b.processor, "processor checked by build()");
    PaymentStore store = Objects.requireNonNull(b.store, "store checked by build()");
    AgencyDetails agency = Objects.requireNonNull(b.agency, "agency checked by build()");
    Duration lease =
        b.lease != null ? b.lease : b.deadline.plus(ElectronicPaymentsBuilder.DEFAULT_LEASE_MARGIN);
    this.lease = lease;
    this.agencyId = agency.id();
    this.clock = b.clock;
    this.ownsExecutor = b.executor == null;
    this.portalPosting = b.portalPosting;
    this.bounded = new Bounded(b.executor != null ? b.executor : newPool("electronic-payments-"));
    // A task on the host's executor that waited for another task of it could starve a fixed-size
    // pool; the host's executor runs processor calls only, and the waiting happens on our threads.
    this.waiting = ownsExecutor ? bounded.executor() : newPool("electronic-payments-async-");
    Journal journal = new Journal(store, b.clock, agency.id());
    AccessGuard guard = new AccessGuard(b.effectiveAccessPolicy(), b.auditSink, b.clock);
    this.ledger = new Ledger(journal, guard, agency);
    Charges charges =
        new Charges(
            processor,
            journal,
            agency,
            b.deadline,
            bounded,
            b.consentWordingVersion,
            b.processorSendsReceipts());
    this.setups =
        new CardSetups(
            processor,
            journal,
            guard,
            agency,
            charges,
            bounded,
            b.deadline,
            lease,
            b.consentWordingVersion);
    this.cards = new SavedCards(processor, journal, guard, agency);
    this.refunds = new Refunds(processor, journal, guard, bounded, b.deadline);
    this.receipts = new Receipts(journal, guard, agency, b.clientDirectory, b.receiptDelivery);
    this.outside = new OutsideChanges(processor, journal, guard, cards, agency, bounded);
    this.deadline = b.deadline;
    this.submissions =
        new Submissions(
            journal, guard, charges, cards, agency, b.clock, b.deadline, lease, b.paymentIds);
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
   * Processes a New Payment: validate, authorize, journal (PENDING, with its idempotency key), call
   * the processor, store the outcome, return it. Cash and check are recorded without a processor
   * call. Returns within the deadline.
   *
   * <p>A payment a client or representative makes (the portal) is saved to the ledger at once when
   * the agency chose {@link PortalPosting#AUTOMATIC}; by default it waits for staff.
   *
   * <p>A double submit (same reference, client, amount, type and card) returns the first payment's
   * result instead of charging twice; if that payment's outcome was unknown, its attempt is retried
   * with the same idempotency key. The same reference with other details is rejected.
   *
   * @param actor who is acting
   * @param request the filled-in window
   * @return succeeded, failed, requires action or in doubt
   * @throws PaymentValidationException listing every field error; nothing is stored
   * @throws AccessDeniedException when the actor may not; nothing is stored
   */
  public PaymentResult process(Actor actor, PaymentRequest request) {
    return portal(actor, submissions.submit(actor, submissions.admit(actor, request)));
  }

  /**
   * Like {@link #process} but returns at once; validation and access errors are thrown here, not
   * through the future. Use {@link #status} to show progress meanwhile. The waiting happens on the
   * facade's own daemon threads, never on a host-supplied executor's.
   *
   * @param actor who is acting
   * @param request the filled-in window
   * @return the result, when known (at the latest at the deadline)
   */
  public CompletableFuture<PaymentResult> processAsync(Actor actor, PaymentRequest request) {
    Payment fresh = submissions.admit(actor, request);
    return CompletableFuture.supplyAsync(
        () -> portal(actor, submissions.submit(actor, fresh)), waiting);
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
    return portal(actor, submissions.retry(actor, paymentId, card));
  }

  /**
   * Asks the processor for the current state of an unsettled payment and stores it: after the
   * client finished 3-D Secure, or when a webhook says something changed. For a charged card
   * payment it also records what was done to it outside the SDK: a refund made in the processor's
   * dashboard becomes a {@link PaymentRefund} with the processor's id and amount (recorded once; a
   * refund this SDK made is never recorded again), and a dispute (chargeback) sets {@link
   * Payment#dispute()} with its reason, amount and status.
   *
   * @param actor who is acting
   * @param paymentId the payment
   * @return the result
   */
  public PaymentResult refresh(Actor actor, PaymentId paymentId) {
    long start = System.nanoTime();
    PaymentResult result = submissions.refresh(actor, paymentId);
    Payment after = outside.record(paymentId, deadline.minusNanos(System.nanoTime() - start));
    return portal(
        actor, after.version() == result.payment().version() ? result : PaymentResult.of(after));
  }

  /**
   * Settles every payment whose outcome is unknown (G2, G3): in doubt, or waiting for
   * authentication or pending/processing for longer than the lease (a client who walked away, a
   * host that died). Charged ones become SUCCEEDED; ones never confirmed are cancelled at the
   * processor and become FAILED; ones still processing stay IN_DOUBT for the next run. Payments are
   * claimed from the store a batch at a time ({@link
   * org.electronicpayments.spi.PaymentStore#claimUnsettled}), so several nodes may reconcile at
   * once: each payment is settled by one of them. Refunds are settled too: one in doubt, or pending
   * for longer than the lease, is sent again with its own key (a replay if it ran) and recorded as
   * refunded or failed. Card setups ({@link #saveCard}) in doubt or abandoned are settled the same
   * way.
   *
   * @param actor who is acting (usually {@code Actor.system("reconciler")})
   * @return what was done
   */
  public ReconcileReport reconcile(Actor actor) {
    ReconcileReport report = submissions.reconcile(actor).withCardSetups(setups.reconcile());
    refunds.reconcileAll(agencyId, clock.instant().minus(lease));
    return report;
  }

  /**
   * The window's Save: posts a succeeded payment to the client's ledger. Saving again is harmless.
   *
   * @param actor who is acting
   * @param paymentId the payment
   * @return the posted payment
   * @throws PaymentNotSavableException when the payment was not charged (failed, in doubt…)
   */
  public Payment save(Actor actor, PaymentId paymentId) {
    return ledger.save(actor, paymentId);
  }

  /**
   * Charged payments nobody saved to the ledger yet: they were charged, so they must not be
   * forgotten.
   *
   * @param actor who is acting (staff with view permission)
   * @return the unsaved payments, oldest first
   */
  public List<Payment> unsaved(Actor actor) {
    return ledger.unsaved(actor);
  }

  /**
   * Reads payments of this facade's agency: of one client, or, with no client in the query, of the
   * whole agency (for staff).
   *
   * @param actor who is acting
   * @param query filters and page
   * @return the payments
   */
  public List<Payment> payments(Actor actor, PaymentQuery query) {
    return ledger.payments(actor, query);
  }

  /**
   * Reads one payment.
   *
   * @param actor who is acting
   * @param paymentId the payment
   * @return the payment
   */
  public Payment payment(Actor actor, PaymentId paymentId) {
    return ledger.payment(actor, paymentId);
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
   * Emails the receipt to the request's Email Receipt To, else to the client's email on file, and
   * records on the payment that it was sent, or that sending failed ({@link #receiptEmails}).
   *
   * @param actor who is acting
   * @param paymentId the payment
   * @return the address it was sent to
   */
  public String emailReceipt(Actor actor, PaymentId paymentId) {
    return receipts.email(actor, paymentId);
  }

  /**
   * Every time this payment's receipt was emailed, or failed to be, oldest first: when, to which
   * address, by whom, and why it failed. {@link #emailReceipt} records each try (a failure is
   * recorded and still thrown to its caller).
   *
   * @param actor who is acting (needs {@link
   *     org.electronicpayments.security.Permission#VIEW_PAYMENTS})
   * @param paymentId the payment
   * @return the records; empty when the receipt was never emailed
   */
  public List<ReceiptEmail> receiptEmails(Actor actor, PaymentId paymentId) {
    return receipts.emails(actor, paymentId);
  }

  /**
   * A client's saved cards with this agency. Cards another agency saved for a client of the same id
   * in a shared store are not listed, nor can this facade rename, update, remove or charge them.
   * Needs {@link org.electronicpayments.security.Permission#VIEW_SAVED_CARDS}, which {@code
   * CHARGE_SAVED_CARD} and {@code MANAGE_SAVED_CARDS} include: staff who may charge a saved card
   * may list the client's cards to choose one.
   *
   * @param actor who is acting
   * @param clientId the client
   * @return the cards, oldest first
   */
  public List<PaymentMethod> savedCards(Actor actor, ClientId clientId) {
    return cards.list(actor, clientId);
  }

  /**
   * Brings a client's saved cards in line with the processor, for a screen about to show them or a
   * nightly job: a card no longer attached to the client at the processor (removed there, or by the
   * card's bank) or expired by the processor's record is dropped; a renewed expiry the processor
   * learned is copied. Cards attached at the processor but never saved here are not added.
   *
   * <pre>{@code
   * List<PaymentMethod> cards = payments.syncSavedCards(actor, ClientId.of("1000"));
   * }</pre>
   *
   * @param actor who is acting
   * @param clientId the client
   * @return the client's saved cards after the sync, oldest first
   */
  public List<PaymentMethod> syncSavedCards(Actor actor, ClientId clientId) {
    return cards.sync(actor, clientId);
  }

  /**
   * Saves a card for a client without charging it: the portal's "add a card", or staff saving a
   * card given by phone. Validated (every problem a field error; consent to keep the card on file
   * is required), authorized ({@code SAVE_CARD}) and audited, journaled as a {@link CardSetup} with
   * its idempotency key before the processor is called, and set up for later charges without the
   * client present. A card the client already saved (same fingerprint) is not saved twice: the
   * result names the card saved before. Returns within the deadline.
   *
   * <pre>{@code
   * CardSetupResult r = payments.saveCard(actor, new CardSetupRequest(ClientId.of("1000"), "pm_1Q…",
   *     "Visa 1000", Consent.of(ConsentGiver.CLIENT, ConsentChannel.PORTAL)));
   * }</pre>
   *
   * @param actor who is acting
   * @param request the card, its nickname and the consent
   * @return saved; requires action (with the client secret for Stripe.js's {@code
   *     confirmCardSetup}, then {@link #refreshCardSetup}); failed (with the reason); or in doubt
   *     (settled by {@link #reconcile})
   * @throws PaymentValidationException listing every field error; nothing is stored
   * @throws AccessDeniedException when the actor may not; nothing is stored
   */
  public CardSetupResult saveCard(Actor actor, CardSetupRequest request) {
    return setups.save(actor, request);
  }

  /**
   * Asks the processor for the state of an unsettled card setup and stores it: after the client
   * completed (or failed) 3-D Secure in the browser.
   *
   * @param actor who is acting
   * @param id the setup
   * @return the result
   */
  public CardSetupResult refreshCardSetup(Actor actor, CardSetupId id) {
    return setups.refresh(actor, id);
  }

  /**
   * Reads a card setup.
   *
   * @param actor who is acting
   * @param id the setup
   * @return the setup as stored
   */
  public CardSetup cardSetup(Actor actor, CardSetupId id) {
    return setups.read(actor, id);
  }

  /**
   * The record of a client's removed cards: which card, who removed it and when.
   *
   * @param actor who is acting
   * @param clientId the client
   * @return the removals, oldest first
   */
  public List<CardRemoval> removedCards(Actor actor, ClientId clientId) {
    return cards.removals(actor, clientId);
  }

  /**
   * Syncs the saved cards of the client a card belongs to, when the processor reports that card
   * detached or expired (Stripe's {@code payment_method.detached} webhook): the card leaves the
   * saved-card list if the processor no longer holds it for the client. The processor's list is the
   * authority, so a forged or stale notice removes nothing.
   *
   * @param actor who is acting: a system job (the webhook receiver) needs {@link
   *     org.electronicpayments.security.Permission#RECONCILE_PAYMENTS}, staff {@link
   *     org.electronicpayments.security.Permission#MANAGE_SAVED_CARDS}
   * @param id the card
   * @return the client's saved cards after the sync, oldest first; empty when the card is not saved
   *     here
   */
  public List<PaymentMethod> syncSavedCard(Actor actor, PaymentMethodId id) {
    return outside.syncCard(actor, id);
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
   * Removes a saved card, at the processor and here, and records who removed it and when ({@link
   * #removedCards}).
   *
   * @param actor who is acting
   * @param id the card
   */
  public void removeCard(Actor actor, PaymentMethodId id) {
    cards.remove(actor, id);
  }

  /**
   * Refunds part or all of a charged payment. The refund is journaled with its idempotency key
   * first; if its outcome is unknown or it was left pending (a crash, a closed facade, a failed
   * write), asking again for the same amount retries it with the same key, and {@link #reconcile}
   * settles it too.
   *
   * @param actor who is acting
   * @param paymentId the payment
   * @param amount how much, at most what is left
   * @return the refund, with its status
   */
  public PaymentRefund refund(Actor actor, PaymentId paymentId, Money amount) {
    return refunds.refund(actor, paymentId, amount);
  }

  /**
   * Applies the agency's portal posting setting to a payment a client or representative made: with
   * {@link PortalPosting#AUTOMATIC}, a succeeded one is saved to the ledger at once.
   */
  private PaymentResult portal(Actor actor, PaymentResult result) {
    boolean portalActor = actor instanceof Actor.Client || actor instanceof Actor.Representative;
    if (portalPosting != PortalPosting.AUTOMATIC
        || !portalActor
        || result.payment().status() != PaymentStatus.SUCCEEDED) {
      return result;
    }
    return PaymentResult.of(ledger.postByAgencyRule(actor, result.payment().id()));
  }

  /** Stops the threads the facade made; a host-supplied executor is left running. */
  @Override
  public void close() {
    waiting.shutdownNow();
    if (ownsExecutor) {
      bounded.executor().shutdownNow();
    }
  }

  private static ExecutorService newPool(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return Executors.newCachedThreadPool(
        r -> {
          Thread t = new Thread(r, prefix + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
  }
}
