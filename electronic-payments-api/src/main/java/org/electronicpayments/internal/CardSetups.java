package org.electronicpayments.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.electronicpayments.AgencyDetails;
import org.electronicpayments.CardConsent;
import org.electronicpayments.CardSetup;
import org.electronicpayments.CardSetupId;
import org.electronicpayments.CardSetupRequest;
import org.electronicpayments.CardSetupResult;
import org.electronicpayments.CardSetupStatus;
import org.electronicpayments.ElectronicPayments;
import org.electronicpayments.FieldError;
import org.electronicpayments.PaymentFailure;
import org.electronicpayments.PaymentMethod;
import org.electronicpayments.PaymentMethodId;
import org.electronicpayments.PaymentValidationException;
import org.electronicpayments.ProcessorException;
import org.electronicpayments.security.Actor;
import org.electronicpayments.security.Permission;
import org.electronicpayments.spi.PaymentProcessor;
import org.electronicpayments.spi.SetupOutcome;
import org.electronicpayments.spi.SetupRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saving a card without a payment, with a charge's discipline: validated, authorized and audited,
 * journaled with its idempotency key before any processor call, the processor's reference stored as
 * soon as known, the outcome stored before it is returned; an unknown outcome is IN_DOUBT and
 * settled by {@link #reconcile}. A card whose fingerprint matches one the client already saved is
 * not saved twice: the new one is removed at the processor and the saved one kept.
 */
public final class CardSetups {

  private static final Logger LOG = LoggerFactory.getLogger(ElectronicPayments.class);
  private static final int RECONCILE_BATCH = 64;

  private final PaymentProcessor processor;
  private final Journal journal;
  private final AccessGuard guard;
  private final AgencyDetails agency;
  private final Charges charges;
  private final Bounded bounded;
  private final Duration deadline;
  private final Duration lease;
  private final String consentWording;

  public CardSetups(
      PaymentProcessor processor,
      Journal journal,
      AccessGuard guard,
      AgencyDetails agency,
      Charges charges,
      Bounded bounded,
      Duration deadline,
      Duration lease,
      String consentWording) {
    this.processor = processor;
    this.journal = journal;
    this.guard = guard;
    this.agency = agency;
    this.charges = charges;
    this.bounded = bounded;
    this.deadline = deadline;
    this.lease = lease;
    this.consentWording = consentWording;
  }

  /** The outcome of running a setup: the stored setup and, for 3-D Secure, the client secret. */
  private record Outcome(CardSetup setup, @Nullable String clientSecret) {}

  public CardSetupResult save(Actor actor, CardSetupRequest request) {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(request, "request");
    List<FieldError> errors = new ArrayList<>();
    if (request.clientId() == null) {
      errors.add(new FieldError("clientId", "is required"));
    }
    RequestValidator.checkToken("token", request.token(), errors);
    RequestValidator.checkNickname("nickname", request.nickname(), errors);
    if (request.consent() == null) {
      errors.add(new FieldError("consent", RequestValidator.CONSENT_REQUIRED));
    }
    if (!errors.isEmpty()) {
      throw new PaymentValidationException(errors);
    }
    var client = Objects.requireNonNull(request.clientId());
    var consent = Objects.requireNonNull(request.consent());
    guard.check(actor, Permission.SAVE_CARD, client, null);
    Instant now = journal.now();
    CardSetupId id = CardSetupId.of("setup_" + UUID.randomUUID().toString().replace("-", ""));
    CardSetup setup =
        new CardSetup(
            id,
            agency.id(),
            client,
            Objects.requireNonNull(request.token()),
            Objects.requireNonNull(request.nickname()).strip(),
            new CardConsent(
                consent.givenBy(), actor.auditName(), consent.channel(), consentWording, now),
            "setup-" + id.value(),
            CardSetupStatus.PENDING,
            null,
            null,
            null,
            actor.auditName(),
            now,
            now,
            0);
    journal.insertSetup(setup);
    LOG.info("Card setup {} of client {}: journaled", id, client);
    return result(run(setup, false));
  }

  /**
   * Asks the processor for the state of an unsettled setup and stores it: after the client
   * completed 3-D Secure, or to settle one in doubt. A setup still being made (pending or
   * processing, younger than the lease) is returned as it is.
   */
  public CardSetupResult refresh(Actor actor, CardSetupId id) {
    Objects.requireNonNull(actor, "actor");
    CardSetup setup = ours(Objects.requireNonNull(id, "id"));
    // A system job (a webhook, a reconciler) settles what the client started; it saves nothing new.
    guard.check(
        actor,
        actor instanceof Actor.SystemJob ? Permission.RECONCILE_PAYMENTS : Permission.SAVE_CARD,
        setup.clientId(),
        null);
    if (setup.status().settled() || inFlight(setup)) {
      // A young pending or processing setup is in the hands of the call that made it: resolving it
      // now could cancel it between its prepare and its confirm.
      return result(new Outcome(setup, null));
    }
    return result(run(setup, true));
  }

  private boolean inFlight(CardSetup setup) {
    return (setup.status() == CardSetupStatus.PENDING
            || setup.status() == CardSetupStatus.PROCESSING)
        && !setup.updatedAt().isBefore(journal.now().minus(lease));
  }

  /** Reads a setup of this agency. */
  public CardSetup read(Actor actor, CardSetupId id) {
    Objects.requireNonNull(actor, "actor");
    CardSetup setup = ours(Objects.requireNonNull(id, "id"));
    guard.check(actor, Permission.SAVE_CARD, setup.clientId(), null);
    return setup;
  }

  /**
   * Settles unsettled setups: in doubt ones, and pending, processing or awaiting-action ones older
   * than the lease. Each is claimed with a compare-and-set first, so reconcilers sharing the store
   * settle each setup once. Called by the facade's reconcile after it checked the permission.
   *
   * @return how many setups were claimed and settled (or found still unknown)
   */
  public int reconcile() {
    Instant at = journal.now();
    int examined = 0;
    List<CardSetup> candidates =
        new ArrayList<>(
            journal.setups(
                agency.id(),
                EnumSet.of(CardSetupStatus.IN_DOUBT),
                at.plusNanos(1),
                RECONCILE_BATCH));
    candidates.addAll(
        journal.setups(
            agency.id(),
            EnumSet.of(
                CardSetupStatus.PENDING,
                CardSetupStatus.PROCESSING,
                CardSetupStatus.REQUIRES_ACTION),
            at.minus(lease),
            RECONCILE_BATCH));
    for (CardSetup candidate : candidates) {
      CardSetupStatus next =
          candidate.status() == CardSetupStatus.REQUIRES_ACTION
              ? CardSetupStatus.REQUIRES_ACTION
              : CardSetupStatus.PROCESSING;
      Optional<CardSetup> claimed =
          journal.updateSetup(candidate.moved(next, null, null, null, at));
      if (claimed.isPresent()) {
        examined++;
        run(claimed.get(), true);
      }
    }
    return examined;
  }

  private Outcome run(CardSetup setup, boolean resolveFirst) {
    Instant deadlineAt = Instant.now().plus(deadline);
    boolean customerKnown = journal.customerReference(agency.id(), setup.clientId()).isPresent();
    if (processor.returnsByDeadline() && customerKnown) {
      try {
        return attempt(setup, deadlineAt, resolveFirst);
      } catch (RuntimeException e) {
        return unexpected(setup, e);
      }
    }
    try {
      Outcome outcome = bounded.run(() -> attempt(setup, deadlineAt, resolveFirst), deadline);
      if (outcome != null) {
        return outcome;
      }
      LOG.warn(
          "Card setup {}: no answer from the processor within {}; outcome in doubt until reconciled",
          setup.id(),
          deadline);
      return settle(setup.id(), new SetupOutcome.Unknown(null, "no answer within " + deadline));
    } catch (ExecutionException e) {
      return unexpected(setup, Charges.causeOf(e));
    }
  }

  private Outcome unexpected(CardSetup setup, Throwable cause) {
    LOG.error("Card setup {}: failed unexpectedly; outcome in doubt", setup.id(), cause);
    return settle(
        setup.id(),
        new SetupOutcome.Unknown(null, "unexpected " + cause.getClass().getSimpleName()));
  }

  private Outcome attempt(CardSetup setup, Instant deadlineAt, boolean resolveFirst) {
    String customer;
    try {
      customer = charges.customerOf(setup.clientId());
    } catch (ProcessorException e) {
      return settle(setup.id(), rejected(e));
    }
    SetupRequest request =
        new SetupRequest(
            setup.id(),
            setup.agencyId(),
            setup.clientId(),
            setup.idempotencyKey(),
            setup.token(),
            customer,
            deadlineAt);
    if (resolveFirst) {
      return settle(
          setup.id(),
          call(setup, false, () -> processor.resolveSetup(request, setup.processorReference())));
    }
    String reference = setup.processorReference();
    if (reference == null) {
      SetupOutcome prepared = call(setup, true, () -> processor.prepareSetup(request));
      if (!(prepared instanceof SetupOutcome.Prepared p)) {
        return settle(setup.id(), prepared);
      }
      reference = p.processorReference();
      String ref = reference;
      change(
          setup.id(),
          current ->
              current.status() == CardSetupStatus.PENDING
                      || current.status() == CardSetupStatus.PROCESSING
                  ? current.moved(CardSetupStatus.PROCESSING, ref, null, null, journal.now())
                  : null);
    }
    String ref = reference;
    return settle(setup.id(), call(setup, false, () -> processor.confirmSetup(request, ref)));
  }

  /**
   * Makes one processor call. A refusal fails the setup only when the call cannot have saved
   * anything ({@code prepareSetup}); otherwise the outcome stays unknown for reconcile.
   */
  private SetupOutcome call(
      CardSetup setup, boolean refusalIsDefinite, Supplier<SetupOutcome> call) {
    try {
      return call.get();
    } catch (ProcessorException e) {
      if (!refusalIsDefinite) {
        LOG.error(
            "Card setup {}: the processor refused a confirm or resolve ({}); outcome in doubt",
            setup.id(),
            e.getMessage());
        return new SetupOutcome.Unknown(null, "processor refused: " + e.getMessage());
      }
      return rejected(e);
    } catch (RuntimeException e) {
      LOG.warn(
          "Card setup {}: processor call ended without an answer ({}); outcome in doubt",
          setup.id(),
          e.getClass().getSimpleName());
      return new SetupOutcome.Unknown(null, e.getClass().getSimpleName());
    }
  }

  private static SetupOutcome rejected(ProcessorException e) {
    return new SetupOutcome.Declined(
        null,
        new PaymentFailure(
            PaymentFailure.Kind.REJECTED,
            null,
            null,
            "The card processor refused the request. Nothing was saved; tell the system administrator.",
            e.getMessage()));
  }

  /** Stores an outcome, unless the setup is settled already. */
  private Outcome settle(CardSetupId id, SetupOutcome outcome) {
    CardSetup before = journal.findSetup(id).orElseThrow();
    if (before.status().settled()) {
      return new Outcome(before, null);
    }
    Instant now = journal.now();
    // The card is recorded once, before the compare-and-set below, whose change may run several
    // times.
    PaymentMethodId saved =
        outcome instanceof SetupOutcome.Saved s ? keepOnce(before, s, now) : null;
    CardSetup stored =
        change(
            id,
            current -> {
              if (current.status().settled()) {
                return null;
              }
              String ref = outcome.processorReference();
              if (outcome instanceof SetupOutcome.Saved) {
                return current.moved(CardSetupStatus.SUCCEEDED, ref, saved, null, now);
              }
              if (outcome instanceof SetupOutcome.Declined d) {
                return current.moved(CardSetupStatus.FAILED, ref, null, d.failure(), now);
              }
              if (outcome instanceof SetupOutcome.ActionRequired) {
                return current.moved(CardSetupStatus.REQUIRES_ACTION, ref, null, null, now);
              }
              if (current.status() == CardSetupStatus.REQUIRES_ACTION) {
                return null;
              }
              return current.moved(CardSetupStatus.IN_DOUBT, ref, null, null, now);
            });
    LOG.info("Card setup {} of client {}: {}", stored.id(), stored.clientId(), stored.status());
    return new Outcome(
        stored, outcome instanceof SetupOutcome.ActionRequired a ? a.clientSecret() : null);
  }

  /**
   * Records the saved card for the client, unless the client already has a card with the same
   * fingerprint: then the new one is removed at the processor and the one saved before is kept.
   */
  private PaymentMethodId keepOnce(CardSetup setup, SetupOutcome.Saved saved, Instant now) {
    if (journal.findCard(saved.card()).isPresent()) {
      return saved.card();
    }
    String fingerprint = saved.details().fingerprint();
    if (fingerprint != null) {
      for (PaymentMethod existing : journal.cards(agency.id(), setup.clientId())) {
        if (fingerprint.equals(existing.card().fingerprint())) {
          try {
            processor.removeCard(saved.card());
          } catch (RuntimeException e) {
            LOG.warn(
                "Card setup {}: could not remove the duplicate card {} at the processor ({})",
                setup.id(),
                saved.card(),
                e.getClass().getSimpleName());
          }
          LOG.info(
              "Card setup {}: the card is already saved as {}; not saving it twice",
              setup.id(),
              existing.id());
          return existing.id();
        }
      }
    }
    journal.saveCard(
        new PaymentMethod(
            saved.card(),
            setup.agencyId(),
            setup.clientId(),
            setup.nickname(),
            saved.details(),
            setup.createdBy(),
            now,
            setup.consent()));
    return saved.card();
  }

  /**
   * Applies a change to the latest version of a setup; the change returns {@code null} when it no
   * longer applies, and the latest version is then returned as is.
   */
  private CardSetup change(
      CardSetupId id, java.util.function.Function<CardSetup, @Nullable CardSetup> change) {
    for (int i = 0; i < 16; i++) {
      CardSetup current = journal.findSetup(id).orElseThrow();
      @Nullable CardSetup next = change.apply(current);
      if (next == null) {
        return current;
      }
      Optional<CardSetup> stored = journal.updateSetup(next);
      if (stored.isPresent()) {
        return stored.get();
      }
      Thread.onSpinWait();
    }
    throw new IllegalStateException("Card setup " + id + " keeps changing under this update");
  }

  private CardSetupResult result(Outcome outcome) {
    CardSetup setup = outcome.setup();
    if (setup.status() == CardSetupStatus.REQUIRES_ACTION) {
      return new CardSetupResult.RequiresAction(setup, outcome.clientSecret());
    }
    PaymentMethod card =
        setup.savedCard() == null ? null : journal.findCard(setup.savedCard()).orElse(null);
    return CardSetupResult.of(setup, card);
  }

  private CardSetup ours(CardSetupId id) {
    return journal
        .findSetup(id)
        .filter(s -> s.agencyId().equals(agency.id()))
        .orElseThrow(
            () ->
                PaymentValidationException.of("cardSetupId", "is not a card setup of this agency"));
  }
}
