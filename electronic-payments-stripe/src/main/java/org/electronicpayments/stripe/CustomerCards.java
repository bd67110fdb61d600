package org.electronicpayments.stripe;

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

/** Customers and their saved cards: create, attach without duplicates, list, update, detach. */
final class CustomerCards {

  private static final Logger LOG = LoggerFactory.getLogger(StripePaymentProcessor.class);

  private final StripeCalls calls;
  private final StripeSettings settings;

  CustomerCards(StripeCalls calls, StripeSettings settings) {
    this.calls = calls;
    this.settings = settings;
  }

  /** {@code POST /v1/customers} with opaque ids only; the key makes a retry return the same customer. */
  String ensureCustomer(CustomerRequest request) {
    CustomerCreateParams params = CustomerCreateParams.builder()
        .putMetadata("client_id", request.clientId().value())
        .putMetadata("agency_id", request.agencyId().value())
        .build();
    try {
      Customer customer = calls.call(Deadline.after(settings.deadline()), request.idempotencyKey(),
          (c, o) -> c.v1().customers().create(params, o));
      LOG.info("Client {}: Stripe customer {}", request.clientId().value(), customer.getId());
      return customer.getId();
    } catch (StripeException e) {
      throw Failures.asException("Creating the Stripe customer of client " + request.clientId().value(), e);
    }
  }

  /**
   * Attaches a new card to the client's customer ({@code …-attach}); when the customer already
   * has a card with the same fingerprint, detaches the new one ({@code …-detach}) and returns the
   * saved one. Declining cards fail here with their card error.
   *
   * @return the card to charge and save
   */
  Attached attach(ChargeRequest request, Deadline deadline) throws StripeException {
    String customer = Objects.requireNonNull(request.customerReference(), "customerReference");
    PaymentMethodAttachParams params = PaymentMethodAttachParams.builder().setCustomer(customer).build();
    PaymentMethod attached = calls.call(deadline, request.idempotencyKey() + "-attach",
        (c, o) -> c.v1().paymentMethods().attach(request.paymentMethod(), params, o));
    String fingerprint = attached.getCard() == null ? null : attached.getCard().getFingerprint();
    if (fingerprint != null) {
      for (PaymentMethod saved : list(customer, deadline)) {
        if (!saved.getId().equals(attached.getId()) && saved.getCard() != null
            && fingerprint.equals(saved.getCard().getFingerprint())) {
          calls.call(deadline, request.idempotencyKey() + "-detach",
              (c, o) -> c.v1().paymentMethods().detach(attached.getId(), o));
          LOG.info("Payment {}: the card is already saved as {}; not saving it twice",
              request.paymentId(), saved.getId());
          return new Attached(saved.getId(), false);
        }
      }
    }
    return new Attached(attached.getId(), true);
  }

  /**
   * After a SAVE_FOR_FUTURE attempt ended without a charge: detaches the card the attempt
   * attached, so none is left saved. A card that was already saved before stays.
   */
  void release(ChargeRequest request, @Nullable String chargedMethod, Deadline deadline) {
    try {
      Attached attached = attach(request, deadline);
      if (attached.isNew() && (chargedMethod == null || attached.id().equals(chargedMethod))) {
        calls.call(deadline, request.idempotencyKey() + "-release",
            (c, o) -> c.v1().paymentMethods().detach(attached.id(), o));
        LOG.info("Payment {}: not charged; the new card was not kept", request.paymentId());
      }
    } catch (StripeException e) {
      if (!(Failures.kind(e, request.paymentId()) == Failures.Kind.DECLINED || Failures.unexpectedState(e))) {
        LOG.warn("Payment {}: could not remove the unused card ({})", request.paymentId(), Failures.unknown(e));
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
    PaymentMethodUpdateParams params = PaymentMethodUpdateParams.builder()
        .setCard(PaymentMethodUpdateParams.Card.builder().setExpMonth((long) expiry.getMonthValue())
            .setExpYear((long) expiry.getYear()).build())
        .build();
    try {
      PaymentMethod pm = calls.call(Deadline.after(settings.deadline()), null,
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
      calls.call(Deadline.after(settings.deadline()), null,
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
    if (pm == null || pm.getCard() == null || pm.getCard().getExpMonth() == null
        || pm.getCard().getExpYear() == null || pm.getCard().getLast4() == null) {
      return null;
    }
    PaymentMethod.Card card = pm.getCard();
    return new CardDetails(card.getBrand() == null ? "" : card.getBrand(), card.getLast4(),
        YearMonth.of(card.getExpYear().intValue(), card.getExpMonth().intValue()), card.getFingerprint());
  }

  private List<PaymentMethod> list(String customer, Deadline deadline) throws StripeException {
    CustomerPaymentMethodListParams params = CustomerPaymentMethodListParams.builder()
        .setType(CustomerPaymentMethodListParams.Type.CARD).setLimit(100L).build();
    return calls.call(deadline, null,
        (c, o) -> c.v1().customers().paymentMethods().list(customer, params, o)).getData();
  }

  /**
   * The card an attempt saves and charges.
   *
   * @param id its PaymentMethod id
   * @param isNew whether this attempt attached it (false: the client's same card, saved before)
   */
  record Attached(String id, boolean isNew) {}
}
