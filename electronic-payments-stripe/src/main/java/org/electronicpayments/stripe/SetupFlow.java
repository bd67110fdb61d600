package org.electronicpayments.stripe;

import com.stripe.exception.StripeException;
import com.stripe.model.PaymentMethod;
import com.stripe.model.SetupIntent;
import com.stripe.model.StripeError;
import com.stripe.param.SetupIntentCancelParams;
import com.stripe.param.SetupIntentConfirmParams;
import com.stripe.param.SetupIntentCreateParams;
import org.electronicpayments.CardDetails;
import org.electronicpayments.PaymentFailure;
import org.electronicpayments.PaymentMethodId;
import org.electronicpayments.spi.SetupOutcome;
import org.electronicpayments.spi.SetupRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saving a card without a payment, as a SetupIntent in two idempotent steps like a charge: create
 * it unconfirmed for the customer with {@code usage=off_session} ({@code …-create}), then confirm
 * it ({@code …-confirm}), which checks the card with its bank and attaches it to the customer. An
 * unknown outcome is settled by reading the SetupIntent; one never confirmed is cancelled ({@code
 * …-cancel}) so it never can be. Stripe sees the customer, the card and opaque ids only.
 */
final class SetupFlow {

  private static final Logger LOG = LoggerFactory.getLogger(StripePaymentProcessor.class);
  static final String AUTHENTICATION_FAILURE = "setup_intent_authentication_failure";

  private final StripeCalls calls;
  private final StripeSettings settings;

  SetupFlow(StripeCalls calls, StripeSettings settings) {
    this.calls = calls;
    this.settings = settings;
  }

  SetupOutcome prepare(SetupRequest r) {
    Deadline deadline = deadline(r);
    try {
      SetupIntent seti = create(r, deadline);
      LOG.info(
          "Card setup {}: SetupIntent {} created, not yet confirmed", r.setupId(), seti.getId());
      return new SetupOutcome.Prepared(seti.getId());
    } catch (StripeException e) {
      Failures.rejectMisuse(e, null);
      Failures.Kind kind = Failures.kind(e, null);
      if (kind == Failures.Kind.UNKNOWN) {
        return log(r, new SetupOutcome.Unknown(null, Failures.unknown(e)));
      }
      return log(r, new SetupOutcome.Declined(null, Failures.failure(e)));
    }
  }

  SetupOutcome confirm(SetupRequest r, String reference) {
    Deadline deadline = deadline(r);
    try {
      SetupIntent seti =
          calls.call(
              deadline,
              r.idempotencyKey() + "-confirm",
              (c, o) ->
                  c.v1()
                      .setupIntents()
                      .confirm(reference, SetupIntentConfirmParams.builder().build(), o));
      return log(r, settled(seti, deadline));
    } catch (StripeException e) {
      Failures.Kind kind = Failures.kind(e, null);
      if (kind == Failures.Kind.DECLINED) {
        return log(r, new SetupOutcome.Declined(reference, Failures.failure(e)));
      }
      if (kind == Failures.Kind.REJECTED) {
        return resolve(r, reference);
      }
      return log(r, new SetupOutcome.Unknown(reference, Failures.unknown(e)));
    }
  }

  /**
   * Reads the SetupIntent (re-issuing the create under its key when the reference was lost) and
   * settles it: an unconfirmed one is cancelled.
   */
  SetupOutcome resolve(SetupRequest r, @Nullable String reference) {
    Deadline deadline = deadline(r);
    try {
      String ref = reference != null ? reference : create(r, deadline).getId();
      SetupIntent seti =
          calls.call(deadline, null, (c, o) -> c.v1().setupIntents().retrieve(ref, o));
      if ("requires_confirmation".equals(seti.getStatus())
          || ("requires_payment_method".equals(seti.getStatus())
              && seti.getLastSetupError() == null)) {
        seti =
            calls.call(
                deadline,
                r.idempotencyKey() + "-cancel",
                (c, o) ->
                    c.v1()
                        .setupIntents()
                        .cancel(
                            ref,
                            SetupIntentCancelParams.builder()
                                .setCancellationReason(
                                    SetupIntentCancelParams.CancellationReason.ABANDONED)
                                .build(),
                            o));
      }
      return log(r, settled(seti, deadline));
    } catch (StripeException e) {
      Failures.Kind kind = Failures.kind(e, null);
      if (kind == Failures.Kind.REJECTED && reference == null) {
        // the create itself is refused: nothing was ever made
        return log(r, new SetupOutcome.Declined(null, Failures.failure(e)));
      }
      return log(r, new SetupOutcome.Unknown(reference, Failures.unknown(e)));
    }
  }

  private SetupIntent create(SetupRequest r, Deadline deadline) throws StripeException {
    SetupIntentCreateParams params =
        SetupIntentCreateParams.builder()
            .setCustomer(r.customerReference())
            .setPaymentMethod(r.paymentMethod())
            .setUsage(SetupIntentCreateParams.Usage.OFF_SESSION)
            .addPaymentMethodType("card")
            .putMetadata("setup_id", r.setupId().value())
            .putMetadata("client_id", r.clientId().value())
            .putMetadata("agency_id", r.agencyId().value())
            .build();
    return calls.call(
        deadline,
        r.idempotencyKey() + "-create",
        (c, o) -> c.v1().setupIntents().create(params, o));
  }

  /** The outcome a SetupIntent shows. */
  private SetupOutcome settled(SetupIntent seti, Deadline deadline) throws StripeException {
    String status = seti.getStatus();
    if ("succeeded".equals(status) && seti.getPaymentMethod() != null) {
      String pmId = seti.getPaymentMethod();
      PaymentMethod pm =
          calls.call(deadline, null, (c, o) -> c.v1().paymentMethods().retrieve(pmId, o));
      CardDetails card = CustomerCards.details(pm);
      if (card == null) {
        return new SetupOutcome.Unknown(
            seti.getId(), "the saved PaymentMethod has no card details");
      }
      return new SetupOutcome.Saved(seti.getId(), PaymentMethodId.of(pmId), card);
    }
    if ("requires_action".equals(status)) {
      return new SetupOutcome.ActionRequired(seti.getId(), seti.getClientSecret());
    }
    if ("canceled".equals(status)) {
      return new SetupOutcome.Declined(
          seti.getId(),
          seti.getLastSetupError() != null ? failed(seti.getLastSetupError()) : cancelled());
    }
    if ("requires_payment_method".equals(status) && seti.getLastSetupError() != null) {
      return new SetupOutcome.Declined(seti.getId(), failed(seti.getLastSetupError()));
    }
    return new SetupOutcome.Unknown(seti.getId(), "the SetupIntent is " + status);
  }

  private static PaymentFailure failed(StripeError error) {
    if (AUTHENTICATION_FAILURE.equals(error.getCode())) {
      return new PaymentFailure(
          PaymentFailure.Kind.AUTHENTICATION_FAILED,
          error.getCode(),
          null,
          "The client did not complete the card's verification. Nothing was saved; try again with the"
              + " client present, or use another card.",
          error.getMessage());
    }
    return PaymentFailure.declined(error.getCode(), error.getDeclineCode(), error.getMessage());
  }

  private static PaymentFailure cancelled() {
    return new PaymentFailure(
        PaymentFailure.Kind.CANCELLED,
        null,
        null,
        "Saving the card did not go through and was cancelled; nothing was saved. Try again.",
        null);
  }

  private Deadline deadline(SetupRequest r) {
    return Deadline.of(r.deadline(), settings.deadline());
  }

  private static SetupOutcome log(SetupRequest r, SetupOutcome outcome) {
    if (outcome instanceof SetupOutcome.Saved s) {
      LOG.info(
          "Card setup {}: card {} saved; SetupIntent {}",
          r.setupId(),
          s.card(),
          s.processorReference());
    } else if (outcome instanceof SetupOutcome.Declined d) {
      LOG.info(
          "Card setup {}: not saved ({} {} {}); SetupIntent {}",
          r.setupId(),
          d.failure().kind(),
          d.failure().code(),
          d.failure().declineCode(),
          d.processorReference());
    } else if (outcome instanceof SetupOutcome.ActionRequired a) {
      LOG.info(
          "Card setup {}: the client must authenticate the card; SetupIntent {}",
          r.setupId(),
          a.processorReference());
    } else if (outcome instanceof SetupOutcome.Unknown u) {
      LOG.warn(
          "Card setup {}: outcome unknown ({}); SetupIntent {}",
          r.setupId(),
          u.reason(),
          u.processorReference());
    }
    return outcome;
  }
}
