package org.electronicpayments.testkit;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.electronicpayments.CardDetails;
import org.electronicpayments.PaymentFailure;
import org.electronicpayments.PaymentMethodId;
import org.electronicpayments.spi.ChargeOutcome;
import org.electronicpayments.spi.SetupOutcome;
import org.electronicpayments.spi.SetupRequest;
import org.jspecify.annotations.Nullable;

/**
 * The fake's SetupIntents ({@code seti_fake_…}): saving a card for off-session use without a
 * charge. Create ({@code key-create}) and confirm ({@code key-confirm}) replay under their keys;
 * the test card table decides whether confirming saves the card, declines (nothing attached) or
 * needs 3-D Secure; resolve cancels a setup never confirmed.
 */
final class FakeSetups {

  enum Status {
    REQUIRES_CONFIRMATION,
    REQUIRES_ACTION,
    SUCCEEDED,
    FAILED,
    CANCELED
  }

  /** One setup; guarded by itself. */
  static final class Setup {
    final String id;
    final String customer;
    final String paymentMethod;
    final String key;
    Status status = Status.REQUIRES_CONFIRMATION;
    @Nullable PaymentMethodId card;
    @Nullable CardDetails details;
    @Nullable PaymentFailure failure;

    Setup(String id, String customer, String paymentMethod, String key) {
      this.id = id;
      this.customer = customer;
      this.paymentMethod = paymentMethod;
      this.key = key;
    }

    synchronized SetupOutcome outcome() {
      return switch (status) {
        case SUCCEEDED ->
            new SetupOutcome.Saved(
                id, Objects.requireNonNull(card), Objects.requireNonNull(details));
        case REQUIRES_ACTION -> new SetupOutcome.ActionRequired(id, id + "_secret_fake");
        case FAILED, CANCELED -> new SetupOutcome.Declined(id, Objects.requireNonNull(failure));
        case REQUIRES_CONFIRMATION -> new SetupOutcome.Prepared(id);
      };
    }
  }

  private final IdempotencyKeys keys;
  private final FakeWallet wallet;
  private final ConcurrentHashMap<String, Setup> setups = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();

  FakeSetups(IdempotencyKeys keys, FakeWallet wallet) {
    this.keys = keys;
    this.wallet = wallet;
  }

  SetupOutcome prepare(SetupRequest r) {
    return keys.<SetupOutcome>run(
        r.idempotencyKey() + "-create",
        "setup_intents",
        r.paymentMethod(),
        r.customerReference(),
        () -> {
          if (TestCardOutcomes.find(r.paymentMethod()) == null) {
            return new SetupOutcome.Declined(
                null, Failures.noSuchPaymentMethod(r.paymentMethod()).failure());
          }
          String id = "seti_fake_" + ids.incrementAndGet();
          setups.put(
              id, new Setup(id, r.customerReference(), r.paymentMethod(), r.idempotencyKey()));
          return new SetupOutcome.Prepared(id);
        });
  }

  SetupOutcome confirm(SetupRequest r, String reference) {
    return keys.<SetupOutcome>run(
        r.idempotencyKey() + "-confirm",
        "setup_intents/confirm",
        reference,
        null,
        () -> {
          Setup setup = existing(reference);
          synchronized (setup) {
            if (setup.status != Status.REQUIRES_CONFIRMATION) {
              return setup.outcome();
            }
            StripeTestCard test =
                Objects.requireNonNull(TestCardOutcomes.find(setup.paymentMethod));
            if (!test.attachable()) {
              setup.status = Status.FAILED;
              setup.failure = TestCardOutcomes.failure(test);
            } else if (test.behaviour() == StripeTestCard.Behaviour.REQUIRES_AUTHENTICATION
                || test.behaviour()
                    == StripeTestCard.Behaviour.REQUIRES_AUTHENTICATION_UNLESS_SET_UP) {
              setup.status = Status.REQUIRES_ACTION;
            } else {
              succeed(setup);
            }
            return setup.outcome();
          }
        });
  }

  SetupOutcome resolve(SetupRequest r, @Nullable String reference) {
    String ref = reference;
    if (ref == null) {
      SetupOutcome created = prepare(r);
      if (created.processorReference() == null) {
        return created;
      }
      ref = created.processorReference();
    }
    Setup setup = existing(ref);
    synchronized (setup) {
      if (setup.status == Status.REQUIRES_CONFIRMATION) {
        setup.status = Status.CANCELED;
        setup.failure =
            new PaymentFailure(
                PaymentFailure.Kind.CANCELLED,
                null,
                null,
                "Saving the card did not go through and was cancelled; nothing was saved. Try again.",
                null);
      }
      return setup.outcome();
    }
  }

  /** The client finished (or failed) 3-D Secure for a setup waiting for it. */
  void finish(String reference, boolean authenticated) {
    Setup setup = existing(reference);
    synchronized (setup) {
      if (setup.status != Status.REQUIRES_ACTION) {
        throw new IllegalStateException(
            "setup " + reference + " is " + setup.status + ", not waiting for authentication");
      }
      if (authenticated) {
        succeed(setup);
      } else {
        setup.status = Status.FAILED;
        setup.failure =
            new PaymentFailure(
                PaymentFailure.Kind.AUTHENTICATION_FAILED,
                "setup_intent_authentication_failure",
                null,
                "The client did not complete the card's verification. Nothing was saved; try again.",
                null);
      }
    }
  }

  int count() {
    return setups.size();
  }

  void reset() {
    setups.clear();
    ids.set(0);
  }

  /**
   * Attaches the card to the customer and sets it up for off-session use; with the setup's lock
   * held.
   */
  private void succeed(Setup setup) {
    Object attached =
        wallet.attach(setup.key + "-attach", setup.paymentMethod, setup.customer, false);
    if (attached instanceof ChargeOutcome.Declined d) {
      setup.status = Status.FAILED;
      setup.failure = d.failure();
      return;
    }
    PaymentMethodId card = (PaymentMethodId) attached;
    wallet.setUp(card);
    setup.card = card;
    setup.details =
        TestCardOutcomes.details(
            Objects.requireNonNull(TestCardOutcomes.find(setup.paymentMethod)));
    setup.status = Status.SUCCEEDED;
  }

  private Setup existing(String reference) {
    Setup setup = setups.get(reference);
    if (setup == null) {
      throw new org.electronicpayments.ProcessorException(
          "No such setupintent: '" + reference + "'", null, null, null);
    }
    return setup;
  }
}
