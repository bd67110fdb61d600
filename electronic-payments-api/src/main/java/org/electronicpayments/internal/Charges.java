package org.electronicpayments.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.electronicpayments.AgencyDetails;
import org.electronicpayments.CardChoice;
import org.electronicpayments.CardConsent;
import org.electronicpayments.ClientId;
import org.electronicpayments.ConcurrentUpdateException;
import org.electronicpayments.Consent;
import org.electronicpayments.ElectronicPayments;
import org.electronicpayments.Payment;
import org.electronicpayments.PaymentAttempt;
import org.electronicpayments.PaymentChange;
import org.electronicpayments.PaymentFailure;
import org.electronicpayments.PaymentId;
import org.electronicpayments.PaymentMethod;
import org.electronicpayments.PaymentMethodId;
import org.electronicpayments.PaymentResult;
import org.electronicpayments.PaymentStatus;
import org.electronicpayments.ProcessorException;
import org.electronicpayments.spi.CardUse;
import org.electronicpayments.spi.ChargeOutcome;
import org.electronicpayments.spi.ChargeRequest;
import org.electronicpayments.spi.CustomerRequest;
import org.electronicpayments.spi.PaymentProcessor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs a payment's current attempt against the processor, write-ahead: the attempt and its key are
 * stored before any call, the processor's reference is stored as soon as it is known, and the
 * outcome is stored before it is returned. Unknown outcomes become {@code IN_DOUBT}, never {@code
 * FAILED}.
 */
public final class Charges {

  private static final Logger LOG = LoggerFactory.getLogger(ElectronicPayments.class);
  static final Set<PaymentStatus> RESUMABLE =
      EnumSet.of(
          PaymentStatus.PENDING,
          PaymentStatus.PROCESSING,
          PaymentStatus.IN_DOUBT,
          PaymentStatus.REQUIRES_ACTION);

  private final PaymentProcessor processor;
  private final Journal journal;
  private final AgencyDetails agency;
  private final Duration deadline;
  private final Bounded bounded;
  private final String consentWording;

  /** Whether the processor emails its own receipt (off when the SDK emails receipts). */
  private final boolean processorReceipts;

  public Charges(
      PaymentProcessor processor,
      Journal journal,
      AgencyDetails agency,
      Duration deadline,
      Bounded bounded,
      String consentWording,
      boolean processorReceipts) {
    this.consentWording = consentWording;
    this.processor = processor;
    this.journal = journal;
    this.agency = agency;
    this.deadline = deadline;
    this.bounded = bounded;
    this.processorReceipts = processorReceipts;
  }

  /**
   * The outcome of running an attempt: the stored payment and, for 3-D Secure, the client secret.
   */
  record Outcome(Payment payment, @Nullable String clientSecret) {
    PaymentResult result() {
      return payment.status() == PaymentStatus.REQUIRES_ACTION
          ? new PaymentResult.RequiresAction(payment, clientSecret)
          : PaymentResult.of(payment);
    }
  }

  /**
   * Runs the current attempt of a payment this thread owns (just stored or claimed). A processor
   * that returns by the deadline on its own is called on this thread (no handoff per payment),
   * unless a customer may have to be made first ({@code ensureCustomer} carries no deadline); any
   * other runs on a worker thread that this thread stops waiting for at the deadline (G4).
   */
  public PaymentResult run(Payment owned, boolean resolveFirst) {
    // Deadlines are elapsed time on the system clock, never the host's business clock (which tests
    // move).
    Instant deadlineAt = Instant.now().plus(deadline);
    PaymentAttempt attempt = attemptOf(owned);
    if (processor.returnsByDeadline() && !mayEnsureCustomer(owned, attempt)) {
      try {
        return attempt(owned, deadlineAt, resolveFirst).result();
      } catch (RuntimeException e) {
        return unexpected(owned, attempt, e);
      }
    }
    try {
      Outcome outcome = bounded.run(() -> attempt(owned, deadlineAt, resolveFirst), deadline);
      if (outcome != null) {
        return outcome.result();
      }
      LOG.warn(
          "Payment {}: no answer from the processor within {}; outcome in doubt until reconciled",
          owned.id(),
          deadline);
      return PaymentResult.of(
          settle(
                  owned.id(),
                  attempt.number(),
                  new ChargeOutcome.Unknown(null, "no answer within " + deadline))
              .payment());
    } catch (ExecutionException e) {
      return unexpected(owned, attempt, causeOf(e));
    }
  }

  private PaymentResult unexpected(Payment owned, PaymentAttempt attempt, Throwable cause) {
    LOG.error(
        "Payment {}: attempt {} failed unexpectedly; outcome in doubt",
        owned.id(),
        attempt.number(),
        cause);
    return PaymentResult.of(
        settle(
                owned.id(),
                attempt.number(),
                new ChargeOutcome.Unknown(null, "unexpected " + cause.getClass().getSimpleName()))
            .payment());
  }

  /** Whether the attempt needs the client's customer and none is stored yet. */
  private boolean mayEnsureCustomer(Payment payment, PaymentAttempt attempt) {
    return !(attempt.card() instanceof CardChoice.OneTime)
        && journal.customerReference(agency.id(), payment.clientId()).isEmpty();
  }

  private Outcome attempt(Payment payment, Instant deadlineAt, boolean resolveFirst) {
    String outer = MDC.get("paymentId");
    MDC.put("paymentId", payment.id().value());
    try {
      PaymentAttempt attempt = attemptOf(payment);
      String reference = attempt.processorReference();
      String customer = null;
      if (!(attempt.card() instanceof CardChoice.OneTime)) {
        customer = journal.customerReference(agency.id(), payment.clientId()).orElse(null);
        if (customer == null && resolveFirst && reference == null) {
          // No customer, so this attempt never sent a create; the claim fences off a runner still
          // making one.
          return failUnlessMoved(payment, attempt, noCustomer(null));
        }
        if (customer == null) {
          try {
            customer = customerOf(payment.clientId());
          } catch (RuntimeException e) {
            LOG.warn(
                "Payment {}: the client's customer could not be made at the processor ({}); not charged",
                payment.id(),
                e.getMessage());
            return failUnlessMoved(payment, attempt, noCustomer(e.getMessage()));
          }
          try {
            journal.write(
                payment.change()); // still this runner's: no one settled or claimed it meanwhile
          } catch (ConcurrentUpdateException e) {
            LOG.info(
                "Payment {}: taken over while its customer was made; this runner stops",
                payment.id());
            return new Outcome(journal.read(payment.id()), null);
          }
        }
      }
      ChargeRequest request = request(payment, attempt, deadlineAt, customer);
      if (resolveFirst) {
        ChargeOutcome found =
            call(payment, false, () -> processor.resolve(request, attempt.processorReference()));
        return settle(payment.id(), attempt.number(), found);
      }
      if (reference == null) {
        ChargeOutcome prepared = call(payment, true, () -> processor.prepare(request));
        if (!(prepared instanceof ChargeOutcome.Prepared p)) {
          return settle(payment.id(), attempt.number(), prepared);
        }
        reference = p.processorReference();
        String ref = reference;
        journal.change(
            payment.id(),
            current ->
                sameAttempt(current, attempt.number()) && RESUMABLE.contains(current.status())
                    ? current
                        .change()
                        .replaceCurrentAttempt(attemptOf(current).withProcessorReference(ref))
                        .status(
                            current.status() == PaymentStatus.PENDING
                                ? PaymentStatus.PROCESSING
                                : current.status())
                        .at(journal.now())
                    : null);
      }
      String ref = reference;
      ChargeOutcome confirmed = call(payment, false, () -> processor.confirm(request, ref));
      return settle(payment.id(), attempt.number(), confirmed);
    } finally {
      if (outer == null) {
        MDC.remove("paymentId");
      } else {
        MDC.put("paymentId", outer);
      }
    }
  }

  private ChargeRequest request(
      Payment payment, PaymentAttempt attempt, Instant deadlineAt, @Nullable String knownCustomer) {
    CardChoice card = attempt.card();
    String method;
    CardUse use;
    if (card instanceof CardChoice.OneTime once) {
      method = once.token();
      use = CardUse.ONE_TIME;
    } else if (card instanceof CardChoice.SaveNew save) {
      method = save.token();
      use = CardUse.SAVE_FOR_FUTURE;
    } else {
      method = ((CardChoice.Saved) card).paymentMethodId().value();
      use =
          payment.request().clientPresent() ? CardUse.SAVED_ON_SESSION : CardUse.SAVED_OFF_SESSION;
    }
    String customer =
        use == CardUse.ONE_TIME
            ? null
            : knownCustomer != null ? knownCustomer : customerOf(payment.clientId());
    return new ChargeRequest(
        payment.id(),
        payment.agencyId(),
        payment.clientId(),
        attempt.number(),
        attempt.idempotencyKey(),
        payment.amount(),
        method,
        use,
        customer,
        processorReceipts ? payment.request().emailReceiptTo() : null,
        deadlineAt);
  }

  String customerOf(ClientId client) {
    return journal
        .customerReference(agency.id(), client)
        .orElseGet(
            () -> {
              String made =
                  processor.ensureCustomer(
                      new CustomerRequest(
                          agency.id(),
                          client,
                          "customer-" + agency.id().value() + "-" + client.value()));
              return journal.putCustomerReference(agency.id(), client, made);
            });
  }

  /**
   * Fails an attempt that never sent a create, in one write against the version this runner holds:
   * if anyone claimed or settled the payment meanwhile (and may be charging it), nothing is
   * written.
   */
  private Outcome failUnlessMoved(Payment payment, PaymentAttempt attempt, PaymentFailure failure) {
    try {
      Payment failed =
          journal.write(
              payment
                  .change()
                  .status(PaymentStatus.FAILED)
                  .failure(failure)
                  .replaceCurrentAttempt(attempt.withStatus(PaymentStatus.FAILED, journal.now())));
      LOG.info("Payment {}: not charged ({})", payment.id(), failure.code());
      return new Outcome(failed, null);
    } catch (ConcurrentUpdateException e) {
      LOG.info("Payment {}: taken over meanwhile; this runner stops", payment.id());
      return new Outcome(journal.read(payment.id()), null);
    }
  }

  /**
   * The failure of an attempt that never reached the processor's charge: without the client's
   * customer no PaymentIntent was created, so nothing can have been charged.
   */
  private static PaymentFailure noCustomer(@Nullable String processorMessage) {
    return new PaymentFailure(
        PaymentFailure.Kind.REJECTED,
        "customer_unavailable",
        null,
        "Nothing was charged: the client's record could not be set up at the card processor, so the card"
            + " was never sent for payment. Try again; if it keeps failing, tell the system administrator.",
        processorMessage);
  }

  /**
   * Makes one processor call. A refusal ({@link ProcessorException}) fails the payment only when
   * the call cannot have charged ({@code prepare}); refused confirms and resolves stay in doubt,
   * since an idempotency conflict there may hide a charge that happened (G3).
   */
  private ChargeOutcome call(
      Payment payment, boolean refusalIsDefinite, java.util.function.Supplier<ChargeOutcome> call) {
    try {
      return call.get();
    } catch (ProcessorException e) {
      if (!refusalIsDefinite) {
        LOG.error(
            "Payment {}: the processor refused a confirm or resolve ({}); outcome in doubt",
            payment.id(),
            e.getMessage());
        return new ChargeOutcome.Unknown(null, "processor refused: " + e.getMessage());
      }
      LOG.error("Payment {}: the processor refused the request: {}", payment.id(), e.getMessage());
      return new ChargeOutcome.Declined(
          null,
          new PaymentFailure(
              PaymentFailure.Kind.REJECTED,
              null,
              null,
              "The card processor refused the request. Nothing was charged; tell the system administrator.",
              e.getMessage()));
    } catch (RuntimeException e) {
      LOG.warn(
          "Payment {}: processor call ended without an answer ({}); outcome in doubt",
          payment.id(),
          e.getClass().getSimpleName());
      return new ChargeOutcome.Unknown(null, e.getClass().getSimpleName());
    }
  }

  /** Stores an outcome for the given attempt, unless the payment has moved past it. */
  Outcome settle(PaymentId id, int attemptNumber, ChargeOutcome outcome) {
    Instant now = journal.now();
    // The card is recorded once, before the compare-and-set below, whose change may run several
    // times.
    PaymentMethodId saved =
        outcome instanceof ChargeOutcome.Charged charged
            ? saveCard(journal.read(id), attemptNumber, charged, now)
            : null;
    Payment stored =
        journal.change(
            id,
            current -> {
              if (!sameAttempt(current, attemptNumber) || !RESUMABLE.contains(current.status())) {
                return null;
              }
              PaymentAttempt attempt = attemptOf(current); // sameAttempt found it
              String ref =
                  outcome.processorReference() != null
                      ? outcome.processorReference()
                      : attempt.processorReference();
              PaymentChange change = current.change();
              if (outcome instanceof ChargeOutcome.Charged charged) {
                change
                    .status(PaymentStatus.SUCCEEDED)
                    .confirmationNumber(charged.chargeReference())
                    .card(charged.card())
                    .failure(null)
                    .savedCard(saved)
                    .replaceCurrentAttempt(
                        attempt
                            .withProcessorReference(ref)
                            .withStatus(PaymentStatus.SUCCEEDED, now));
              } else if (outcome instanceof ChargeOutcome.Declined declined) {
                change
                    .status(PaymentStatus.FAILED)
                    .failure(declined.failure())
                    .replaceCurrentAttempt(
                        attempt.withProcessorReference(ref).withStatus(PaymentStatus.FAILED, now));
              } else if (outcome instanceof ChargeOutcome.ActionRequired) {
                change
                    .status(PaymentStatus.REQUIRES_ACTION)
                    .replaceCurrentAttempt(
                        attempt
                            .withProcessorReference(ref)
                            .withStatus(PaymentStatus.REQUIRES_ACTION, null));
              } else {
                if (current.status() == PaymentStatus.REQUIRES_ACTION) {
                  return null;
                }
                change
                    .status(PaymentStatus.IN_DOUBT)
                    .replaceCurrentAttempt(
                        attempt
                            .withProcessorReference(ref)
                            .withStatus(PaymentStatus.IN_DOUBT, null));
              }
              return change.at(now);
            });
    logOutcome(stored, outcome);
    String secret = outcome instanceof ChargeOutcome.ActionRequired a ? a.clientSecret() : null;
    return new Outcome(stored, secret);
  }

  /**
   * Records the card a charge saved, if the attempt asked to save one and its outcome still
   * applies; the card's id, for the payment.
   */
  private @Nullable PaymentMethodId saveCard(
      Payment payment, int attemptNumber, ChargeOutcome.Charged charged, Instant now) {
    if (!sameAttempt(payment, attemptNumber) || !RESUMABLE.contains(payment.status())) {
      return null;
    }
    if (!(attemptOf(payment).card() instanceof CardChoice.SaveNew save)
        || charged.savedCard() == null) {
      return null;
    }
    PaymentMethodId id = charged.savedCard();
    if (journal.findCard(id).isEmpty() && charged.card() != null) {
      Consent consent = save.consent();
      CardConsent recorded =
          consent == null
              ? null
              : new CardConsent(
                  consent.givenBy(),
                  payment.createdBy(),
                  consent.channel(),
                  consentWording,
                  payment.createdAt());
      journal.saveCard(
          new PaymentMethod(
              id,
              payment.agencyId(),
              payment.clientId(),
              save.nickname().strip(),
              charged.card(),
              payment.createdBy(),
              now,
              recorded));
    }
    return id;
  }

  /**
   * The current attempt of a payment that charges a card; cash and check never reach the processor.
   */
  private static PaymentAttempt attemptOf(Payment p) {
    return Objects.requireNonNull(p.currentAttempt(), "a payment charging a card has an attempt");
  }

  /**
   * What an {@link ExecutionException} wraps; the exception itself if, unusually, it wraps nothing.
   */
  static Throwable causeOf(ExecutionException e) {
    Throwable cause = e.getCause();
    return cause != null ? cause : e;
  }

  private static boolean sameAttempt(Payment p, int number) {
    PaymentAttempt a = p.currentAttempt();
    return a != null && a.number() == number;
  }

  /**
   * The kind and code of a failure, as the outcome log shows them; the same words as before for a
   * recorded one.
   */
  private static String reasonOf(@Nullable PaymentFailure f) {
    if (f == null) {
      return "no failure recorded";
    }
    return f.kind() + " " + (f.declineCode() != null ? f.declineCode() : f.code());
  }

  private static void logOutcome(Payment p, ChargeOutcome outcome) {
    switch (p.status()) {
      case SUCCEEDED ->
          LOG.info(
              "Payment {}: charged {}, confirmation {}",
              p.id(),
              p.amount(),
              p.confirmationNumber());
      case FAILED -> LOG.info("Payment {}: not charged ({})", p.id(), reasonOf(p.failure()));
      case REQUIRES_ACTION -> LOG.info("Payment {}: the client must authenticate the card", p.id());
      case IN_DOUBT ->
          LOG.info(
              "Payment {}: outcome in doubt ({})",
              p.id(),
              outcome instanceof ChargeOutcome.Unknown u ? u.reason() : "unknown");
      default -> LOG.debug("Payment {}: now {}", p.id(), p.status());
    }
  }
}
