package org.electronicpayments.stripe;

import com.stripe.exception.IdempotencyException;
import com.stripe.exception.StripeException;
import com.stripe.model.Customer;
import com.stripe.model.PaymentMethod;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.CustomerPaymentMethodListParams;
import com.stripe.param.PaymentMethodAttachParams;
import com.stripe.param.PaymentMethodUpdateParams;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.electronicpayments.CardDetails;
import org.electronicpayments.PaymentMethodId;
import org.electronicpayments.spi.ChargeRequest;
import org.electronicpayments.spi.CustomerRequest;
import org.electronicpayments.spi.ProcessorCard;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Customers and their saved cards: create, attach, keep one per fingerprint, list, update, detach.
 */
final class CustomerCards {

  /** Metadata key marking a card a charge saved, with that payment's id (an opaque id, G5). */
  static final String SAVED_BY = "saved_by_payment";

  /** How many keys of the customer's sequence are tried before the refusal is reported. */
  static final int CUSTOMER_KEYS = 3;

  private static final Logger LOG = LoggerFactory.getLogger(StripePaymentProcessor.class);

  private final StripeCalls calls;
  private final StripeSettings settings;

  CustomerCards(StripeCalls calls, StripeSettings settings) {
    this.calls = calls;
    this.settings = settings;
  }

  /**
   * {@code POST /v1/customers} with opaque ids only; the key makes a retry return the same
   * customer. A definite refusal of the key (Stripe kept it for a request with other parameters, or
   * refused the request without running it) moves on to the next key of a fixed sequence ({@code
   * key}, {@code key-2}, {@code key-3}), so a poisoned key does not block the client for good while
   * a later call still replays the same keys in the same order.
   */
  String ensureCustomer(CustomerRequest request) {
    CustomerCreateParams params =
        CustomerCreateParams.builder()
            .putMetadata("client_id", request.clientId().value())
            .putMetadata("agency_id", request.agencyId().value())
            .build();
    Deadline deadline = Deadline.after(settings.deadline());
    for (int n = 1; ; n++) {
      String key = n == 1 ? request.idempotencyKey() : request.idempotencyKey() + "-" + n;
      try {
        Customer customer =
            calls.call(deadline, key, (c, o) -> c.v1().customers().create(params, o));
        LOG.info("Client {}: Stripe customer {}", request.clientId().value(), customer.getId());
        return customer.getId();
      } catch (StripeException e) {
        boolean refused =
            e instanceof IdempotencyException || Failures.kind(e, null) == Failures.Kind.REJECTED;
        if (!refused || n == CUSTOMER_KEYS) {
          throw Failures.asException(
              "Creating the Stripe customer of client " + request.clientId().value(), e);
        }
        LOG.warn(
            "Client {}: Stripe refused the customer request under its key ({}); trying the next key",
            request.clientId().value(),
            Failures.unknown(e));
      }
    }
  }

  /**
   * Attaches the new card to the client's customer ({@code …-attach}). Always the same card for the
   * same attempt: a re-issued attach replays, so the create that follows has the same parameters
   * however the customer's cards changed meanwhile. Declining cards fail here.
   *
   * @return the id of the card this attempt attached, which it charges
   */
  String attach(ChargeRequest request, Deadline deadline) throws StripeException {
    String customer = Objects.requireNonNull(request.customerReference(), "customerReference");
    PaymentMethodAttachParams params =
        PaymentMethodAttachParams.builder().setCustomer(customer).build();
    return calls
        .call(
            deadline,
            request.idempotencyKey() + "-attach",
            (c, o) -> c.v1().paymentMethods().attach(request.paymentMethod(), params, o))
        .getId();
  }

  /**
   * After the attempt charged its new card: marks it saved ({@code …-saved}, metadata {@code
   * saved_by_payment}), then keeps one card per fingerprint: the oldest marked card of the customer
   * with this card's fingerprint, this one included. When that is another card, this one is
   * detached ({@code …-dedupe}) and the other reported, whatever the detach's answer (a lost answer
   * may hide a detach that happened). Every payment saving the same card comes to the same oldest
   * card, so none detaches a card another reported. When the mark is a replay (this cleanup ran
   * before, and may have reported this card), this card is never detached: it is reported while
   * attached, else the oldest marked card still attached.
   *
   * @return the card saved for the client, or null when none of them is attached any more
   */
  @Nullable String keepOnce(
      ChargeRequest request, String charged, @Nullable String fingerprint, Deadline deadline) {
    if (fingerprint == null) {
      return charged;
    }
    String customer = Objects.requireNonNull(request.customerReference(), "customerReference");
    PaymentMethodUpdateParams mark =
        PaymentMethodUpdateParams.builder()
            .putMetadata(SAVED_BY, request.paymentId().value())
            .build();
    PaymentMethod marked;
    List<PaymentMethod> cards;
    try {
      marked =
          calls.call(
              deadline,
              request.idempotencyKey() + "-saved",
              (c, o) -> c.v1().paymentMethods().update(charged, mark, o));
      cards = list(customer, deadline);
    } catch (StripeException e) {
      LOG.warn(
          "Payment {}: charged; could not check whether the card was saved before ({})",
          request.paymentId(),
          Failures.unknown(e));
      return charged; // not detached by this attempt: still attached
    }
    boolean again =
        marked.getLastResponse() != null
            && "true"
                .equals(
                    marked
                        .getLastResponse()
                        .headers()
                        .firstValue("Idempotent-Replayed")
                        .orElse(null));
    String oldest = null;
    boolean attached = false;
    for (PaymentMethod saved : cards) { // newest first: the last match is the oldest
      if (saved.getId().equals(charged)) {
        attached = true;
        oldest = charged;
      } else if (saved.getCard() != null
          && fingerprint.equals(saved.getCard().getFingerprint())
          && saved.getMetadata() != null
          && saved.getMetadata().containsKey(SAVED_BY)) {
        oldest = saved.getId();
      }
    }
    if (again || !attached) {
      return attached ? charged : oldest;
    }
    if (oldest == null || oldest.equals(charged)) {
      return charged;
    }
    try {
      detachOwn(request, charged, "-dedupe", deadline);
    } catch (StripeException e) {
      LOG.warn(
          "Payment {}: the duplicate card's detach has no definite answer ({}); keeping {}",
          request.paymentId(),
          Failures.unknown(e),
          oldest);
    }
    LOG.info(
        "Payment {}: the card is already saved as {}; not saving it twice",
        request.paymentId(),
        oldest);
    return oldest;
  }

  /**
   * After a SAVE_FOR_FUTURE attempt ended without a charge: detaches the card this attempt attached
   * ({@code …-release}), so none is left saved. Never another card: it learns which one by
   * replaying its own attach, not from the customer's card list.
   *
   * @param chargedMethod the card the PaymentIntent shows, if known; another one is left alone
   */
  void release(ChargeRequest request, @Nullable String chargedMethod, Deadline deadline) {
    try {
      String attached = attach(request, deadline);
      if (chargedMethod == null || attached.equals(chargedMethod)) {
        detachOwn(request, attached, "-release", deadline);
        LOG.info("Payment {}: not charged; the new card was not kept", request.paymentId());
      }
    } catch (StripeException e) {
      if (!(Failures.kind(e, request.paymentId()) == Failures.Kind.DECLINED
          || Failures.unexpectedState(e))) {
        LOG.warn(
            "Payment {}: could not remove the unused card ({})",
            request.paymentId(),
            Failures.unknown(e));
      }
    }
  }

  List<ProcessorCard> listCards(String customerReference) {
    try {
      List<ProcessorCard> cards = new ArrayList<>();
      for (PaymentMethod pm : list(customerReference, Deadline.after(settings.deadline()))) {
        CardDetails card = details(pm);
        if (card != null) {
          cards.add(new ProcessorCard(PaymentMethodId.of(pm.getId()), card));
        }
      }
      return cards;
    } catch (StripeException e) {
      throw Failures.asException("Listing the cards of customer " + customerReference, e);
    }
  }

  CardDetails updateExpiry(PaymentMethodId id, YearMonth expiry) {
    PaymentMethodUpdateParams params =
        PaymentMethodUpdateParams.builder()
            .setCard(
                PaymentMethodUpdateParams.Card.builder()
                    .setExpMonth((long) expiry.getMonthValue())
                    .setExpYear((long) expiry.getYear())
                    .build())
            .build();
    try {
      PaymentMethod pm =
          calls.call(
              Deadline.after(settings.deadline()),
              null,
              (c, o) -> c.v1().paymentMethods().update(id.value(), params, o));
      CardDetails card = details(pm);
      if (card == null) {
        throw new IllegalStateException("Stripe answered without card details for " + id);
      }
      return card;
    } catch (StripeException e) {
      throw Failures.asException("Updating the expiry of card " + id, e);
    }
  }

  void remove(PaymentMethodId id) {
    try {
      calls.call(
          Deadline.after(settings.deadline()),
          null,
          (c, o) -> c.v1().paymentMethods().detach(id.value(), o));
    } catch (StripeException e) {
      if (Failures.kind(e, null) == Failures.Kind.REJECTED) {
        LOG.info("Card {} was already removed at Stripe ({})", id, e.getCode());
        return;
      }
      throw Failures.asException("Removing card " + id, e);
    }
  }

  /** What may be shown of a card, or null for a PaymentMethod that is not a card. */
  static @Nullable CardDetails details(@Nullable PaymentMethod pm) {
    if (pm == null
        || pm.getCard() == null
        || pm.getCard().getExpMonth() == null
        || pm.getCard().getExpYear() == null
        || pm.getCard().getLast4() == null) {
      return null;
    }
    PaymentMethod.Card card = pm.getCard();
    return new CardDetails(
        card.getBrand() == null ? "" : card.getBrand(),
        card.getLast4(),
        YearMonth.of(card.getExpYear().intValue(), card.getExpMonth().intValue()),
        card.getFingerprint());
  }

  private void detachOwn(ChargeRequest request, String attached, String suffix, Deadline deadline)
      throws StripeException {
    calls.call(
        deadline,
        request.idempotencyKey() + suffix,
        (c, o) -> c.v1().paymentMethods().detach(attached, o));
  }

  private List<PaymentMethod> list(String customer, Deadline deadline) throws StripeException {
    CustomerPaymentMethodListParams params =
        CustomerPaymentMethodListParams.builder()
            .setType(CustomerPaymentMethodListParams.Type.CARD)
            .setLimit(100L)
            .build();
    return calls
        .call(
            deadline, null, (c, o) -> c.v1().customers().paymentMethods().list(customer, params, o))
        .getData();
  }
}
