package org.electronicpayments.testkit;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.electronicpayments.CardDetails;
import org.electronicpayments.DisputeStatus;
import org.electronicpayments.Money;
import org.electronicpayments.PaymentId;
import org.electronicpayments.PaymentMethodId;
import org.electronicpayments.spi.ChargeOutcome;
import org.electronicpayments.spi.ChargeRequest;
import org.electronicpayments.spi.CustomerRequest;
import org.electronicpayments.spi.PaymentProcessor;
import org.electronicpayments.spi.ProcessorCard;
import org.electronicpayments.spi.ProcessorDispute;
import org.electronicpayments.spi.ProcessorRefund;
import org.electronicpayments.spi.RefundOutcome;
import org.electronicpayments.spi.RefundRequest;
import org.electronicpayments.spi.SetupOutcome;
import org.electronicpayments.spi.SetupRequest;
import org.jspecify.annotations.Nullable;

/**
 * An in-memory {@link PaymentProcessor} that behaves like Stripe in test mode: customers ({@code
 * cus_fake_…}), PaymentIntent-like charges ({@code pi_fake_…}, charged as {@code ch_fake_…}), saved
 * cards ({@code pm_fake_…}), refunds ({@code re_fake_…}), Stripe's idempotency (see below) and
 * Stripe's test payment methods ({@link StripeTestCards}). It is deterministic, thread-safe, and
 * can be {@linkplain #script() scripted} to decline, time out before or after charging, or hang.
 *
 * <p>Every call that changes something derives its idempotency key from the request's key: {@code
 * key-attach} (save a card), {@code key-create} (prepare), {@code key-confirm}, and the request's
 * key as given for customers and refunds. The same key with the same parameters replays the first
 * answer; with other parameters it throws a {@link org.electronicpayments.ProcessorException}
 * (Stripe's {@code idempotency_error}); keys are kept until {@link #expireIdempotencyKeys()}.
 *
 * <pre>{@code
 * FakePaymentProcessor fake = FakePaymentProcessor.create();
 * fake.script().onNext(Operation.CONFIRM).timeoutAfterCharging();
 * // … process a payment through ElectronicPayments: IN_DOUBT; reconcile: SUCCEEDED …
 * assertThat(fake.succeededChargesFor(paymentId)).hasSize(1);
 * fake.reset();
 * }</pre>
 */
public final class FakePaymentProcessor implements PaymentProcessor {

  /**
   * How many calls the call log keeps, newest; older ones are dropped so long benchmarks stay
   * small.
   */
  public static final int CALL_LOG_LIMIT = 100_000;

  private final ProcessorScript script = new ProcessorScript();
  private final IdempotencyKeys keys = new IdempotencyKeys();
  private final FakeWallet wallet = new FakeWallet(keys);
  private final FakeCharges charges = new FakeCharges(keys, wallet);
  private final FakeRefunds refunds = new FakeRefunds(keys, charges);
  private final FakeSetups setups = new FakeSetups(keys, wallet);
  private final ConcurrentLinkedQueue<ProcessorCall> calls = new ConcurrentLinkedQueue<>();
  private final AtomicInteger logged = new AtomicInteger();
  private final ConcurrentHashMap<String, ProcessorDispute> disputes = new ConcurrentHashMap<>();
  private final AtomicInteger disputeIds = new AtomicInteger();

  private FakePaymentProcessor() {}

  /**
   * Makes an empty fake.
   *
   * @return the fake
   */
  public static FakePaymentProcessor create() {
    return new FakePaymentProcessor();
  }

  @Override
  public String ensureCustomer(CustomerRequest request) {
    Objects.requireNonNull(request, "request");
    return call(
        Operation.ENSURE_CUSTOMER,
        request.idempotencyKey(),
        s -> wallet.ensureCustomer(request),
        FakePaymentProcessor::timedOut);
  }

  @Override
  public ChargeOutcome prepare(ChargeRequest request) {
    Objects.requireNonNull(request, "request");
    return call(
        Operation.PREPARE,
        request.idempotencyKey(),
        request.deadline(),
        s -> charges.prepare(request, s),
        reason -> new ChargeOutcome.Unknown(null, reason));
  }

  @Override
  public ChargeOutcome confirm(ChargeRequest request, String processorReference) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(processorReference, "processorReference");
    return call(
        Operation.CONFIRM,
        request.idempotencyKey(),
        request.deadline(),
        s -> charges.confirm(request, processorReference, s),
        reason -> new ChargeOutcome.Unknown(processorReference, reason));
  }

  @Override
  public ChargeOutcome resolve(ChargeRequest request, @Nullable String processorReference) {
    Objects.requireNonNull(request, "request");
    return call(
        Operation.RESOLVE,
        request.idempotencyKey(),
        request.deadline(),
        s -> charges.resolve(request, processorReference),
        reason -> new ChargeOutcome.Unknown(processorReference, reason));
  }

  @Override
  public SetupOutcome prepareSetup(SetupRequest request) {
    Objects.requireNonNull(request, "request");
    return call(
        Operation.PREPARE_SETUP,
        request.idempotencyKey(),
        request.deadline(),
        s -> setups.prepare(request),
        reason -> new SetupOutcome.Unknown(null, reason));
  }

  @Override
  public SetupOutcome confirmSetup(SetupRequest request, String processorReference) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(processorReference, "processorReference");
    return call(
        Operation.CONFIRM_SETUP,
        request.idempotencyKey(),
        request.deadline(),
        s -> setups.confirm(request, processorReference),
        reason -> new SetupOutcome.Unknown(processorReference, reason));
  }

  @Override
  public SetupOutcome resolveSetup(SetupRequest request, @Nullable String processorReference) {
    Objects.requireNonNull(request, "request");
    return call(
        Operation.RESOLVE_SETUP,
        request.idempotencyKey(),
        request.deadline(),
        s -> setups.resolve(request, processorReference),
        reason -> new SetupOutcome.Unknown(processorReference, reason));
  }

  /**
   * Finishes the client's 3-D Secure step for a card setup waiting for it ({@code
   * pm_card_authenticationRequiredOnSetup}); afterwards {@code resolveSetup} reports the card
   * saved, or declined with kind {@code AUTHENTICATION_FAILED}.
   *
   * @param processorReference the setup ({@code seti_fake_…})
   * @param succeed whether the client authenticated
   * @throws IllegalStateException when the setup is not waiting for authentication
   */
  public void completeSetupAuthentication(String processorReference, boolean succeed) {
    setups.finish(Objects.requireNonNull(processorReference, "processorReference"), succeed);
  }

  /**
   * How many card setups were made.
   *
   * @return the number of setups ({@code seti_fake_…}) created
   */
  public int setupCount() {
    return setups.count();
  }

  /**
   * True: a {@linkplain ScriptedCall#hang() hung} {@code prepare}, {@code confirm} or {@code
   * resolve} ends as a timeout at its request's deadline, as an HTTP client's read timeout would,
   * so the facade may call the fake on the caller's thread.
   */
  @Override
  public boolean returnsByDeadline() {
    return true;
  }

  @Override
  public List<ProcessorCard> listCards(String customerReference) {
    Objects.requireNonNull(customerReference, "customerReference");
    return call(
        Operation.LIST_CARDS,
        null,
        s -> wallet.list(customerReference),
        FakePaymentProcessor::timedOut);
  }

  @Override
  public CardDetails updateCardExpiry(PaymentMethodId id, YearMonth expiry) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(expiry, "expiry");
    return call(
        Operation.UPDATE_CARD_EXPIRY,
        null,
        s -> wallet.updateExpiry(id, expiry),
        FakePaymentProcessor::timedOut);
  }

  @Override
  public void removeCard(PaymentMethodId id) {
    Objects.requireNonNull(id, "id");
    this.<@Nullable Void>call(
        Operation.REMOVE_CARD,
        null,
        s -> {
          wallet.detach(id);
          return null;
        },
        FakePaymentProcessor::timedOut);
  }

  @Override
  public RefundOutcome refund(RefundRequest request) {
    Objects.requireNonNull(request, "request");
    return call(
        Operation.REFUND,
        request.idempotencyKey(),
        s -> refunds.refund(request, s),
        reason -> new RefundOutcome.Unknown(reason));
  }

  @Override
  public List<ProcessorRefund> listRefunds(String processorReference) {
    Objects.requireNonNull(processorReference, "processorReference");
    return call(
        Operation.LIST_REFUNDS,
        null,
        s -> refunds.listFor(processorReference),
        FakePaymentProcessor::timedOut);
  }

  @Override
  public @Nullable ProcessorDispute findDispute(String processorReference) {
    Objects.requireNonNull(processorReference, "processorReference");
    return call(
        Operation.FIND_DISPUTE,
        null,
        s -> disputes.get(processorReference),
        FakePaymentProcessor::timedOut);
  }

  /**
   * Refunds a charge as staff would in Stripe's dashboard: outside the SDK, with no idempotency key
   * of it; {@link #listRefunds} then reports it as not made through the SDK.
   *
   * @param processorReference the charge ({@code pi_fake_…})
   * @param amount how much, or {@code null} for all that is left
   * @return the refund's id ({@code re_fake_…})
   * @throws IllegalArgumentException when there is no such charge or the amount does not fit
   * @throws IllegalStateException when the charge has nothing left to refund
   */
  public String dashboardRefund(String processorReference, @Nullable Money amount) {
    return refunds.dashboardRefund(
        Objects.requireNonNull(processorReference, "processorReference"), amount);
  }

  /**
   * Opens a dispute (chargeback) of a charge, as the card holder's bank would.
   *
   * @param processorReference the charge ({@code pi_fake_…})
   * @param reason the bank's reason, such as {@code fraudulent}
   * @param amount how much the bank holds back
   * @param at when the dispute is opened
   * @return the dispute's id ({@code du_fake_…})
   * @throws IllegalStateException when the charge did not succeed or is already disputed
   */
  public String openDispute(String processorReference, String reason, Money amount, Instant at) {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(at, "at");
    FakeCharge charge =
        charge(processorReference)
            .orElseThrow(
                () -> new IllegalArgumentException("No such charge: " + processorReference));
    if (!charge.charged()) {
      throw new IllegalStateException("Charge " + processorReference + " took no money to dispute");
    }
    String id = "du_fake_" + disputeIds.incrementAndGet();
    if (disputes.putIfAbsent(
            processorReference, new ProcessorDispute(id, amount, reason, DisputeStatus.OPEN, at))
        != null) {
      throw new IllegalStateException("Charge " + processorReference + " is already disputed");
    }
    return id;
  }

  /**
   * Closes the dispute of a charge, as the bank decides it.
   *
   * @param processorReference the charge
   * @param won whether the agency won (otherwise the card holder did)
   * @throws IllegalStateException when the charge has no open dispute
   */
  public void closeDispute(String processorReference, boolean won) {
    ProcessorDispute closed =
        disputes.computeIfPresent(
            processorReference,
            (k, d) ->
                d.status() != DisputeStatus.OPEN
                    ? d
                    : new ProcessorDispute(
                        d.reference(),
                        d.amount(),
                        d.reason(),
                        won ? DisputeStatus.WON : DisputeStatus.LOST,
                        d.openedAt()));
    if (closed == null || closed.status() == DisputeStatus.OPEN) {
      throw new IllegalStateException("Charge " + processorReference + " has no open dispute");
    }
  }

  /**
   * Detaches a saved card from its customer, as staff would in Stripe's dashboard (or the card's
   * bank): {@link #listCards} no longer lists it.
   *
   * @param id the card
   */
  public void dashboardDetach(PaymentMethodId id) {
    wallet.detach(Objects.requireNonNull(id, "id"));
  }

  /**
   * Changes a saved card's expiry at the processor, as the card network's updater would; a month in
   * the past makes it an expired card.
   *
   * @param id the card, attached to a customer
   * @param expiry the new expiry
   */
  public void expireCard(PaymentMethodId id, YearMonth expiry) {
    wallet.updateExpiry(Objects.requireNonNull(id, "id"), Objects.requireNonNull(expiry, "expiry"));
  }

  /**
   * What the next calls do.
   *
   * @return the script
   */
  public ProcessorScript script() {
    return script;
  }

  /**
   * Finishes the client's 3-D Secure step for a charge waiting for it; afterwards {@code resolve}
   * reports it charged, or declined with kind {@code AUTHENTICATION_FAILED}.
   *
   * @param processorReference the charge ({@code pi_fake_…})
   * @param succeed whether the client authenticated
   * @throws IllegalStateException when the charge is not waiting for authentication
   */
  public void completeAuthentication(String processorReference, boolean succeed) {
    charges.finish(
        Objects.requireNonNull(processorReference, "processorReference"),
        FakeCharge.Status.REQUIRES_ACTION,
        succeed,
        Failures.AUTHENTICATION_FAILED);
  }

  /**
   * Settles a charge left processing by {@link ScriptedCall#processing()}.
   *
   * @param processorReference the charge
   * @param charged whether the money was taken (otherwise it is declined, {@code generic_decline})
   * @throws IllegalStateException when the charge is not processing
   */
  public void finishProcessing(String processorReference, boolean charged) {
    charges.finish(
        Objects.requireNonNull(processorReference, "processorReference"),
        FakeCharge.Status.PROCESSING,
        charged,
        TestCardOutcomes.GENERIC_DECLINE);
  }

  /**
   * Forgets every idempotency key, as Stripe does after 24 hours: a reused key then starts afresh.
   */
  public void expireIdempotencyKeys() {
    keys.expireAll();
  }

  /**
   * Lets every call blocked by {@link ScriptedCall#hang()} go on, as if the answer finally came.
   */
  public void releaseHung() {
    script.releaseHung();
  }

  /**
   * How many calls are blocked by {@link ScriptedCall#hang()} right now.
   *
   * @return the number of hung calls
   */
  public int hungCalls() {
    return script.hungCalls();
  }

  /**
   * Waits until at least the given number of calls hang.
   *
   * @param count how many hung calls to wait for
   * @param timeout how long to wait
   * @return true when that many calls hang, false when the time ran out
   * @throws InterruptedException when interrupted while waiting
   */
  public boolean awaitHung(int count, Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (script.hungCalls() < count) {
      if (System.nanoTime() - end > 0) {
        return false;
      }
      TimeUnit.MILLISECONDS.sleep(1);
    }
    return true;
  }

  /**
   * Every charge made, charged or not, oldest first.
   *
   * @return a snapshot
   */
  public List<FakeCharge> charges() {
    return charges.charges();
  }

  /**
   * One charge.
   *
   * @param processorReference the charge's id ({@code pi_fake_…})
   * @return the charge, if the fake made it
   */
  public Optional<FakeCharge> charge(String processorReference) {
    Intent intent =
        charges.intents.get(Objects.requireNonNull(processorReference, "processorReference"));
    if (intent == null) {
      return Optional.empty();
    }
    synchronized (intent) {
      return Optional.of(intent.view());
    }
  }

  /**
   * How many times money was taken, over all payments.
   *
   * @return the number of charges that succeeded
   */
  public long chargeCount() {
    return charges.chargeCount();
  }

  /**
   * The charges of one payment that took money; more than one means the payment was charged twice.
   *
   * @param paymentId the payment, as given in its charge requests
   * @return a snapshot
   */
  public List<FakeCharge> succeededChargesFor(PaymentId paymentId) {
    Objects.requireNonNull(paymentId, "paymentId");
    List<FakeCharge> found = new ArrayList<>();
    for (FakeCharge charge : charges.charges()) {
      if (charge.charged() && charge.paymentId().equals(paymentId)) {
        found.add(charge);
      }
    }
    return List.copyOf(found);
  }

  /**
   * Every customer made, oldest first, with their attached cards.
   *
   * @return a snapshot
   */
  public List<FakeCustomer> customers() {
    return wallet.customers();
  }

  /**
   * Every card attached to a customer, oldest first.
   *
   * @return a snapshot
   */
  public List<FakeCard> cards() {
    return wallet.attachedCards();
  }

  /**
   * Every refund made, oldest first.
   *
   * @return a snapshot
   */
  public List<FakeRefund> refunds() {
    return refunds.refunds();
  }

  /**
   * The calls received, oldest first (the newest {@value #CALL_LOG_LIMIT} of them).
   *
   * @return a snapshot
   */
  public List<ProcessorCall> calls() {
    return List.copyOf(calls);
  }

  /**
   * Forgets everything: charges, customers, cards, refunds, keys, calls and the script; releases
   * hung calls; restarts the ids. Meant for between tests, with no call running.
   */
  public void reset() {
    script.clear();
    script.releaseHung();
    keys.expireAll();
    refunds.reset();
    setups.reset();
    disputes.clear();
    disputeIds.set(0);
    charges.reset();
    wallet.reset();
    calls.clear();
    logged.set(0);
  }

  /**
   * What an unbounded call does when scripted to time out: it throws, as a processor's I/O timeout
   * would.
   */
  @SuppressWarnings("TypeParameterUnusedInFormals") // it never returns, so no caller sees a T
  private static <T extends @Nullable Object> T timedOut(String reason) {
    throw new ProcessorTimeoutException(reason);
  }

  private <T extends @Nullable Object> T call(
      Operation operation,
      @Nullable String key,
      Function<@Nullable Step, T> work,
      Function<String, T> timedOut) {
    return call(operation, key, null, work, timedOut);
  }

  private <T extends @Nullable Object> T call(
      Operation operation,
      @Nullable String key,
      @Nullable Instant deadline,
      Function<@Nullable Step, T> work,
      Function<String, T> timedOut) {
    Step step = script.take(operation);
    try {
      T result = step == null ? work.apply(null) : scripted(step, deadline, work, timedOut);
      log(
          new ProcessorCall(
              operation,
              key,
              result instanceof ChargeOutcome
                      || result instanceof RefundOutcome
                      || result instanceof SetupOutcome
                  ? result.getClass().getSimpleName()
                  : "ok"));
      return result;
    } catch (RuntimeException e) {
      log(new ProcessorCall(operation, key, e.getClass().getSimpleName()));
      throw e;
    }
  }

  private void log(ProcessorCall call) {
    calls.add(call);
    if (logged.incrementAndGet() > CALL_LOG_LIMIT && calls.poll() != null) {
      logged.decrementAndGet();
    }
  }

  private <T extends @Nullable Object> T scripted(
      Step step,
      @Nullable Instant deadline,
      Function<@Nullable Step, T> work,
      Function<String, T> timedOut) {
    return switch (step.action) {
      case FAIL -> throw Objects.requireNonNull(step.exception);
      case TIMEOUT_BEFORE -> timedOut.apply("timed out before reaching the processor (scripted)");
      case TIMEOUT_AFTER -> {
        T unused = work.apply(null); // the processor commits; the caller only hears the timeout
        yield timedOut.apply("timed out after the processor committed (scripted)");
      }
      case HANG ->
          script.hang(deadline)
              ? work.apply(null)
              : timedOut.apply("no answer before the deadline or interrupted (scripted hang)");
      default -> work.apply(step);
    };
  }

  /**
   * The fake's operations, one per {@link PaymentProcessor} method, for scripting and the call log.
   */
  public enum Operation {
    /** {@link PaymentProcessor#ensureCustomer}. */
    ENSURE_CUSTOMER,
    /** {@link PaymentProcessor#prepare}. */
    PREPARE,
    /** {@link PaymentProcessor#confirm}. */
    CONFIRM,
    /** {@link PaymentProcessor#resolve}. */
    RESOLVE,
    /** {@link PaymentProcessor#listCards}. */
    LIST_CARDS,
    /** {@link PaymentProcessor#updateCardExpiry}. */
    UPDATE_CARD_EXPIRY,
    /** {@link PaymentProcessor#removeCard}. */
    REMOVE_CARD,
    /** {@link PaymentProcessor#refund}. */
    REFUND,
    /** {@link PaymentProcessor#prepareSetup}. */
    PREPARE_SETUP,
    /** {@link PaymentProcessor#confirmSetup}. */
    CONFIRM_SETUP,
    /** {@link PaymentProcessor#resolveSetup}. */
    RESOLVE_SETUP,
    /** {@link PaymentProcessor#listRefunds}. */
    LIST_REFUNDS,
    /** {@link PaymentProcessor#findDispute}. */
    FIND_DISPUTE
  }
}
