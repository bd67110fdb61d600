package org.electronicpayments.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.electronicpayments.CardDetails;
import org.electronicpayments.PaymentFailure;
import org.electronicpayments.PaymentMethodId;
import org.electronicpayments.spi.CardUse;
import org.electronicpayments.spi.ChargeOutcome;
import org.electronicpayments.spi.ChargeRequest;
import org.jspecify.annotations.Nullable;

/**
 * The fake's PaymentIntents: prepare (attach, then create), confirm, resolve (retrieve, cancel what
 * was never charged). Lock order: an idempotency key, then an intent, then a customer.
 */
final class FakeCharges {

  private final IdempotencyKeys keys;
  private final FakeWallet wallet;
  final ConcurrentHashMap<String, Intent> intents = new ConcurrentHashMap<>();
  private final AtomicLong intentIds = new AtomicLong();
  private final AtomicLong chargeIds = new AtomicLong();

  FakeCharges(IdempotencyKeys keys, FakeWallet wallet) {
    this.keys = keys;
    this.wallet = wallet;
  }

  ChargeOutcome prepare(ChargeRequest r, @Nullable Step step) {
    String key = r.idempotencyKey();
    PaymentFailure scripted = Step.declines(step);
    if (r.use() != CardUse.SAVE_FOR_FUTURE) {
      return keys.run(
          key + "-create",
          "payment_intents",
          r,
          null,
          () -> scripted != null ? new ChargeOutcome.Declined(null, scripted) : create(r, null));
    }
    String customer = customerOf(r);
    Object attached =
        scripted != null
            ? keys.run(
                key + "-attach",
                "attach",
                r.paymentMethod(),
                customer,
                () -> new ChargeOutcome.Declined(null, scripted))
            : wallet.attach(key + "-attach", r.paymentMethod(), customer, Step.forced(step));
    if (attached instanceof ChargeOutcome.Declined declined) {
      return declined;
    }
    PaymentMethodId card = (PaymentMethodId) attached;
    return keys.run(key + "-create", "payment_intents", r, card, () -> create(r, card));
  }

  ChargeOutcome confirm(ChargeRequest r, String reference, @Nullable Step step) {
    return keys.run(
        r.idempotencyKey() + "-confirm",
        "confirm",
        r,
        reference,
        () -> {
          Intent intent = intents.get(reference);
          if (intent == null) {
            return new ChargeOutcome.Declined(
                null,
                Failures.rejected(
                    "resource_missing", "No such payment_intent: '" + reference + "'"));
          }
          synchronized (intent) {
            return intent.status() == FakeCharge.Status.REQUIRES_CONFIRMATION
                ? confirm(intent, step)
                : intent.outcome();
          }
        });
  }

  ChargeOutcome resolve(ChargeRequest r, @Nullable String reference) {
    String ref = reference;
    if (ref == null) {
      ChargeOutcome replayed = prepare(r, null);
      if (!(replayed instanceof ChargeOutcome.Prepared prepared)) {
        return replayed;
      }
      ref = prepared.processorReference();
    }
    Intent intent = intents.get(ref);
    if (intent == null) {
      return new ChargeOutcome.Declined(
          null, Failures.rejected("resource_missing", "No such payment_intent: '" + ref + "'"));
    }
    synchronized (intent) {
      FakeCharge.Status status = intent.status();
      if (status != FakeCharge.Status.REQUIRES_CONFIRMATION
          && status != FakeCharge.Status.DECLINED) {
        return intent.outcome();
      }
      ChargeOutcome cancelled = intent.cancel();
      detachIfFresh(intent);
      return cancelled;
    }
  }

  /** Finishes a charge waiting for 3-D Secure or still processing. */
  void finish(String reference, FakeCharge.Status from, boolean charged, PaymentFailure failure) {
    Intent intent = intents.get(reference);
    if (intent == null) {
      throw new IllegalArgumentException("No such charge: " + reference);
    }
    synchronized (intent) {
      if (intent.status() != from) {
        throw new IllegalStateException(
            "Charge " + reference + " is " + intent.status() + ", not " + from);
      }
      if (charged) {
        charge(intent);
      } else {
        decline(intent, failure);
      }
    }
  }

  long chargeCount() {
    return chargeIds.get();
  }

  List<FakeCharge> charges() {
    List<FakeCharge> all = new ArrayList<>(intents.size());
    for (Intent intent : intents.values()) {
      synchronized (intent) {
        all.add(intent.view());
      }
    }
    all.sort(
        (a, b) ->
            Long.compare(
                FakeWallet.sequence(a.processorReference()),
                FakeWallet.sequence(b.processorReference())));
    return List.copyOf(all);
  }

  void reset() {
    intents.clear();
    intentIds.set(0);
    chargeIds.set(0);
  }

  /**
   * The customer of a request that saves or reuses a card: {@link ChargeRequest} requires one then.
   */
  private static String customerOf(ChargeRequest r) {
    return Objects.requireNonNull(
        r.customerReference(), "a request for a saved card names its customer");
  }

  private ChargeOutcome create(ChargeRequest r, @Nullable PaymentMethodId attached) {
    StripeTestCard source;
    FakeCard saved = null;
    if (attached != null) {
      saved = wallet.card(attached.value());
    } else if (r.use() != CardUse.ONE_TIME) {
      saved = wallet.card(r.paymentMethod());
      if (saved != null && !customerOf(r).equals(saved.customerReference())) {
        return new ChargeOutcome.Declined(
            null,
            Failures.rejected(
                "payment_method_invalid_parameter",
                saved.attached()
                    ? "The provided PaymentMethod belongs to a different Customer than the one specified."
                    : "The provided PaymentMethod was previously used without being attached to a Customer or was"
                        + " detached from a Customer, and may not be used again."));
      }
    }
    source = TestCardOutcomes.find(saved != null ? saved.testPaymentMethod() : r.paymentMethod());
    if (source == null || (saved == null && r.use() != CardUse.ONE_TIME)) {
      return Failures.noSuchPaymentMethod(r.paymentMethod());
    }
    String reference = "pi_fake_" + intentIds.incrementAndGet();
    Intent intent =
        saved == null
            ? new Intent(
                reference,
                r,
                r.paymentMethod(),
                source,
                TestCardOutcomes.details(source),
                null,
                false)
            : new Intent(
                reference,
                r,
                saved.id().value(),
                source,
                saved.card(),
                saved.id(),
                attached != null);
    intents.put(reference, intent);
    return new ChargeOutcome.Prepared(reference);
  }

  private ChargeOutcome confirm(Intent intent, @Nullable Step step) {
    PaymentFailure scripted = Step.declines(step);
    if (scripted != null) {
      return decline(intent, scripted);
    }
    if (Step.processing(step)) {
      return intent.process();
    }
    if (Step.forced(step)) {
      return charge(intent);
    }
    boolean offSession = intent.request.offSession();
    return switch (intent.source.behaviour()) {
      case SUCCEEDS -> charge(intent);
      case DECLINES, ATTACHES_THEN_DECLINES ->
          decline(intent, TestCardOutcomes.failure(intent.source));
      case REQUIRES_AUTHENTICATION ->
          offSession
              ? decline(intent, TestCardOutcomes.AUTHENTICATION_REQUIRED)
              : intent.requireAction(intent.reference + "_secret_fake");
      case REQUIRES_AUTHENTICATION_UNLESS_SET_UP ->
          setUp(intent)
              ? charge(intent)
              : offSession
                  ? decline(intent, TestCardOutcomes.AUTHENTICATION_REQUIRED)
                  : intent.requireAction(intent.reference + "_secret_fake");
    };
  }

  /**
   * Whether the card was set up for future use by an earlier charge that saved it (with 3-D Secure
   * done). The charge that saves it is not set up yet: like Stripe, it asks for authentication.
   */
  private boolean setUp(Intent intent) {
    FakeCard card = intent.savedCard == null ? null : wallet.card(intent.savedCard.value());
    return card != null && card.setUpForFutureUse();
  }

  private ChargeOutcome charge(Intent intent) {
    CardDetails details = null;
    PaymentMethodId kept = null;
    if (intent.savedCard != null) {
      FakeCard card = wallet.card(intent.savedCard.value());
      details = card == null ? null : card.card();
      if (intent.request.use() == CardUse.SAVE_FOR_FUTURE) {
        kept = wallet.keepOnce(intent.savedCard);
      }
    }
    return intent.charge(
        "ch_fake_" + chargeIds.incrementAndGet(),
        details != null ? details : TestCardOutcomes.details(intent.source),
        kept);
  }

  private ChargeOutcome decline(Intent intent, PaymentFailure failure) {
    ChargeOutcome declined = intent.decline(failure);
    detachIfFresh(intent);
    return declined;
  }

  private void detachIfFresh(Intent intent) {
    if (intent.freshlySaved && intent.savedCard != null) {
      wallet.detach(intent.savedCard);
    }
  }
}
