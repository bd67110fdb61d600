package org.electronicpayments.stripe;

import com.stripe.exception.EventDataObjectDeserializationException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Charge;
import com.stripe.model.Dispute;
import com.stripe.model.Event;
import com.stripe.model.EventDataObjectDeserializer;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.model.SetupIntent;
import com.stripe.model.StripeObject;
import com.stripe.net.Webhook;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import org.electronicpayments.CardSetupId;
import org.electronicpayments.CardSetupStatus;
import org.electronicpayments.ElectronicPayments;
import org.electronicpayments.PaymentException;
import org.electronicpayments.PaymentId;
import org.electronicpayments.PaymentMethodId;
import org.electronicpayments.PaymentNotFoundException;
import org.electronicpayments.PaymentStatus;
import org.electronicpayments.PaymentValidationException;
import org.electronicpayments.security.Actor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives Stripe's webhook deliveries: verifies the {@code Stripe-Signature} header with
 * stripe-java's verifier (five minutes' tolerance by default), drops repeated deliveries of an
 * event, and acts on it:
 *
 * <ul>
 *   <li>{@code payment_intent.*}, {@code charge.refunded} and {@code refund.*}: asks the facade to
 *       {@link ElectronicPayments#refresh refresh} the payment named in the object's {@code
 *       metadata.payment_id} (or its PaymentIntent's), so an in-doubt or 3-D Secure payment settles
 *       without waiting for {@code reconcile}, and a refund made in Stripe's Dashboard is recorded
 *       on the payment (once, with its {@code re_…} id and amount);
 *   <li>{@code charge.dispute.*}: refreshes the disputed PaymentIntent's payment, which records the
 *       dispute's reason, amount and status; this needs the {@link StripeWebhooksBuilder#processor
 *       processor}, which reads the payment id from the PaymentIntent (a dispute carries no
 *       metadata of the SDK);
 *   <li>{@code payment_method.detached} and {@code payment_method.updated}: asks the facade to
 *       {@link ElectronicPayments#syncSavedCard sync} the card's client, so a card detached or
 *       expired at Stripe leaves the saved-card list;
 *   <li>{@code setup_intent.succeeded}, {@code setup_intent.setup_failed} and {@code
 *       setup_intent.canceled}: asks the facade to {@link ElectronicPayments#refreshCardSetup
 *       refresh} the card setup named in {@code metadata.setup_id}, so a card saved without a
 *       payment after 3-D Secure is saved (or its failure recorded) without waiting for {@code
 *       reconcile}.
 * </ul>
 *
 * The event is a hint only: what is recorded is what the facade then reads from Stripe.
 * Thread-safe.
 *
 * <pre>{@code
 * StripeWebhooks webhooks = StripeWebhooks.builder()
 *     .secret(System.getenv("STRIPE_WEBHOOK_SECRET"))   // whsec_…
 *     .payments(payments)
 *     .build();
 * // in the host's POST /stripe/webhooks handler, with the body exactly as received:
 * try {
 *   webhooks.handle(rawBody, request.getHeader("Stripe-Signature"));
 *   return 200;
 * } catch (StripeWebhooks.InvalidWebhookException e) {
 *   return 400;
 * }
 * }</pre>
 */
public final class StripeWebhooks {

  /** The actor webhook refreshes are audited as. */
  public static final String ACTOR_NAME = "stripe-webhooks";

  private static final Logger LOG = LoggerFactory.getLogger(StripeWebhooks.class);

  private final String secret;
  private final ElectronicPayments payments;
  private final long toleranceSeconds;
  private final Clock clock;
  private final RecentEvents seen;
  private final Actor actor = Actor.system(ACTOR_NAME);
  private final @Nullable StripePaymentProcessor processor;

  StripeWebhooks(StripeWebhooksBuilder b) {
    this.secret = Objects.requireNonNull(b.secret);
    this.payments = Objects.requireNonNull(b.payments);
    this.toleranceSeconds = b.tolerance.toSeconds();
    this.clock = b.clock;
    this.seen = new RecentEvents(b.capacity);
    this.processor = b.processor;
  }

  /**
   * Starts configuring the receiver.
   *
   * @return a builder
   */
  public static StripeWebhooksBuilder builder() {
    return new StripeWebhooksBuilder();
  }

  /**
   * Handles one delivery.
   *
   * @param payload the request body exactly as received (never parsed and re-serialized)
   * @param signatureHeader the {@code Stripe-Signature} header, or {@code null} when absent
   * @return what was done: handled, a duplicate, or ignored (another event type, or no payment of
   *     ours)
   * @throws InvalidWebhookException when the signature is missing, forged, too old or does not
   *     match the payload; answer 400 and do nothing else
   */
  public Result handle(String payload, @Nullable String signatureHeader) {
    Objects.requireNonNull(payload, "payload");
    if (signatureHeader == null || signatureHeader.isBlank()) {
      throw new InvalidWebhookException("The Stripe-Signature header is missing");
    }
    Event event;
    try {
      event = Webhook.constructEvent(payload, signatureHeader, secret, toleranceSeconds, clock);
    } catch (SignatureVerificationException e) {
      LOG.warn("Stripe webhook rejected: {}", e.getMessage());
      throw new InvalidWebhookException(
          "The Stripe-Signature does not verify ("
              + e.getMessage()
              + "): the payload is forged, altered or re-serialized, or older than "
              + toleranceSeconds
              + " s");
    } catch (RuntimeException e) { // gson's JsonSyntaxException: signed, but not an event
      throw new InvalidWebhookException("The webhook payload is not a Stripe event");
    }
    if (event.getId() == null || !seen.add(event.getId())) {
      LOG.debug("Stripe webhook {}: duplicate delivery dropped", event.getId());
      return new Result(
          Result.Kind.DUPLICATE, String.valueOf(event.getId()), event.getType(), null, null);
    }
    try {
      return dispatch(event);
    } catch (RuntimeException e) {
      seen.forget(event.getId());
      throw e;
    }
  }

  private Result dispatch(Event event) {
    String type = String.valueOf(event.getType());
    if (type.equals("payment_method.detached")
        || type.equals("payment_method.updated")
        || type.equals("payment_method.automatically_updated")) {
      return syncCard(event, type);
    }
    if (type.equals("setup_intent.succeeded")
        || type.equals("setup_intent.setup_failed")
        || type.equals("setup_intent.canceled")) {
      return settleSetup(event, type);
    }
    boolean dispute = type.startsWith("charge.dispute.");
    if (!type.startsWith("payment_intent.")
        && !type.equals("charge.refunded")
        && !type.startsWith("refund.")
        && !dispute) {
      return new Result(Result.Kind.IGNORED, event.getId(), type, null, null);
    }
    String id = paymentIdOf(event);
    PaymentId paymentId;
    try {
      paymentId = id == null ? null : PaymentId.of(id);
    } catch (RuntimeException e) {
      paymentId = null;
    }
    if (paymentId == null) {
      LOG.debug("Stripe webhook {} ({}): no payment of this SDK", event.getId(), type);
      return new Result(Result.Kind.IGNORED, event.getId(), type, null, null);
    }
    try {
      PaymentStatus status = payments.refresh(actor, paymentId).status();
      LOG.info(
          "Payment {}: Stripe event {} ({}); payment now {}",
          paymentId,
          event.getId(),
          type,
          status);
      return new Result(Result.Kind.HANDLED, event.getId(), type, paymentId, status);
    } catch (PaymentNotFoundException e) {
      LOG.info(
          "Stripe webhook {} ({}): payment {} is not in this store",
          event.getId(),
          type,
          paymentId);
      return new Result(Result.Kind.IGNORED, event.getId(), type, paymentId, null);
    }
  }

  private Result syncCard(Event event, String type) {
    StripeObject object = objectOf(event);
    if (!(object instanceof com.stripe.model.PaymentMethod pm) || pm.getId() == null) {
      return new Result(Result.Kind.IGNORED, event.getId(), type, null, null);
    }
    PaymentMethodId id;
    try {
      id = PaymentMethodId.of(pm.getId());
    } catch (RuntimeException e) {
      return new Result(Result.Kind.IGNORED, event.getId(), type, null, null);
    }
    int left = payments.syncSavedCard(actor, id).size();
    LOG.info(
        "Saved card {}: Stripe event {} ({}); the client's saved cards synced, {} left",
        id,
        event.getId(),
        type,
        left);
    return new Result(Result.Kind.HANDLED, event.getId(), type, null, null);
  }

  private Result settleSetup(Event event, String type) {
    StripeObject object = objectOf(event);
    Map<String, String> metadata = object instanceof SetupIntent seti ? seti.getMetadata() : null;
    String value = metadata == null ? null : metadata.get("setup_id");
    CardSetupId id;
    try {
      id = value == null ? null : CardSetupId.of(value);
    } catch (RuntimeException e) {
      id = null;
    }
    if (id == null) {
      LOG.debug("Stripe webhook {} ({}): no card setup of this SDK", event.getId(), type);
      return new Result(Result.Kind.IGNORED, event.getId(), type, null, null);
    }
    try {
      CardSetupStatus status = payments.refreshCardSetup(actor, id).setup().status();
      LOG.info(
          "Card setup {}: Stripe event {} ({}); setup now {}", id, event.getId(), type, status);
      return new Result(Result.Kind.HANDLED, event.getId(), type, null, null);
    } catch (PaymentValidationException e) { // a setup id that is not one of this agency's
      LOG.info(
          "Stripe webhook {} ({}): card setup {} is not in this store", event.getId(), type, id);
      return new Result(Result.Kind.IGNORED, event.getId(), type, null, null);
    }
  }

  private @Nullable String paymentIdOf(Event event) {
    StripeObject object = objectOf(event);
    Map<String, String> metadata =
        object instanceof PaymentIntent pi
            ? pi.getMetadata()
            : object instanceof Charge charge
                ? charge.getMetadata()
                : object instanceof Refund refund ? refund.getMetadata() : null;
    String id = metadata == null ? null : metadata.get("payment_id");
    if (id != null) {
      return id;
    }
    String paymentIntent =
        object instanceof Dispute d
            ? d.getPaymentIntent()
            : object instanceof Refund r ? r.getPaymentIntent() : null;
    if (paymentIntent == null || processor == null) {
      return null;
    }
    return processor.paymentIdOf(paymentIntent);
  }

  private static @Nullable StripeObject objectOf(Event event) {
    EventDataObjectDeserializer data = event.getDataObjectDeserializer();
    StripeObject object = data.getObject().orElse(null);
    if (object == null) {
      try {
        object = data.deserializeUnsafe();
      } catch (EventDataObjectDeserializationException | RuntimeException e) {
        return null;
      }
    }
    return object;
  }

  /**
   * What {@link #handle} did with a delivery.
   *
   * @param kind handled, duplicate or ignored
   * @param eventId Stripe's {@code evt_…} id
   * @param eventType such as {@code payment_intent.succeeded}
   * @param paymentId the payment concerned, if any
   * @param status the payment's status after the refresh, when handled
   */
  public record Result(
      Kind kind,
      String eventId,
      String eventType,
      @Nullable PaymentId paymentId,
      @Nullable PaymentStatus status) {

    /** Requires the kind and event. */
    public Result {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(eventId, "eventId");
      Objects.requireNonNull(eventType, "eventType");
    }

    /** What was done. */
    public enum Kind {
      /** The payment was refreshed. */
      HANDLED,
      /** The event was delivered before; nothing was done. */
      DUPLICATE,
      /** Not an event about a payment of this SDK; nothing was done. */
      IGNORED
    }
  }

  /** A delivery that is not a genuine, fresh Stripe event: answer it with HTTP 400. */
  public static final class InvalidWebhookException extends PaymentException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message why the delivery was rejected, free of secrets
     */
    public InvalidWebhookException(String message) {
      super(message);
    }
  }
}
