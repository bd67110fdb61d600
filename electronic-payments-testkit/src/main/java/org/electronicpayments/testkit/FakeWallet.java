package org.electronicpayments.testkit;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.electronicpayments.AgencyId;
import org.electronicpayments.CardDetails;
import org.electronicpayments.ClientId;
import org.electronicpayments.PaymentMethodId;
import org.electronicpayments.ProcessorException;
import org.electronicpayments.spi.ChargeOutcome;
import org.electronicpayments.spi.CustomerRequest;
import org.electronicpayments.spi.ProcessorCard;
import org.jspecify.annotations.Nullable;

/**
 * The fake's customers and their cards. Cards are immutable {@link FakeCard}s replaced under their
 * customer's lock; a customer's card list is guarded by the customer.
 */
final class FakeWallet {

  private final IdempotencyKeys keys;
  private final ConcurrentHashMap<String, Customer> customers = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<PaymentMethodId, FakeCard> cards = new ConcurrentHashMap<>();
  private final AtomicLong customerIds = new AtomicLong();
  private final AtomicLong cardIds = new AtomicLong();

  FakeWallet(IdempotencyKeys keys) {
    this.keys = keys;
  }

  String ensureCustomer(CustomerRequest request) {
    return keys.run(
        request.idempotencyKey(),
        "customers",
        request.agencyId(),
        request.clientId(),
        () -> {
          String reference = "cus_fake_" + customerIds.incrementAndGet();
          customers.put(reference, new Customer(reference, request.agencyId(), request.clientId()));
          return reference;
        });
  }

  /**
   * Attaches a new card to a customer, always a new one, like Stripe: a card saved twice is kept
   * once only after its charge succeeded ({@link #keepOnce}), so what a charge is created with
   * never depends on the customer's other cards.
   *
   * @return the new card's {@link PaymentMethodId}, or a {@link ChargeOutcome.Declined} when the
   *     card cannot be attached
   */
  Object attach(String key, String paymentMethod, String customerReference, boolean forced) {
    return keys.run(
        key,
        "attach",
        paymentMethod,
        customerReference,
        () -> {
          StripeTestCard test = TestCardOutcomes.find(paymentMethod);
          Customer customer = customers.get(customerReference);
          if (test == null) {
            return Failures.noSuchPaymentMethod(paymentMethod);
          }
          if (customer == null) {
            return new ChargeOutcome.Declined(
                null,
                Failures.rejected(
                    "resource_missing", "No such customer: '" + customerReference + "'"));
          }
          if (!test.attachable() && !forced) {
            return new ChargeOutcome.Declined(null, TestCardOutcomes.failure(test));
          }
          synchronized (customer) {
            PaymentMethodId id = PaymentMethodId.of("pm_fake_" + cardIds.incrementAndGet());
            cards.put(
                id,
                new FakeCard(
                    id,
                    customerReference,
                    TestCardOutcomes.details(test),
                    test.paymentMethod(),
                    false));
            customer.cards.add(0, id);
            return id;
          }
        });
  }

  /**
   * After a charge that saves its new card succeeded: sets the card up for future use, then, if the
   * customer holds an older card with the same fingerprint that a charge set up, detaches the new
   * one and keeps that one (a card attached by a charge still under way is not kept instead).
   *
   * @return the card saved for the client
   */
  PaymentMethodId keepOnce(PaymentMethodId charged) {
    setUp(charged);
    FakeCard card = cards.get(charged);
    String customerReference = card == null ? null : card.customerReference();
    Customer customer = customerReference == null ? null : customers.get(customerReference);
    if (card == null || customer == null) {
      return charged;
    }
    synchronized (customer) {
      PaymentMethodId kept = null;
      for (PaymentMethodId id : customer.cards) { // newest first: the last match is the oldest
        FakeCard other = attached(id);
        if (!id.equals(charged)
            && other.setUpForFutureUse()
            && fingerprintOf(card).equals(fingerprintOf(other))) {
          kept = id;
        }
      }
      if (kept == null) {
        return charged;
      }
      customer.cards.remove(charged);
      cards.computeIfPresent(charged, (k, c) -> c.attachedTo(null));
      return kept;
    }
  }

  @Nullable FakeCard card(String paymentMethod) {
    for (int i = 0; i < paymentMethod.length(); i++) {
      if (!Character.isLetterOrDigit(paymentMethod.charAt(i)) && paymentMethod.charAt(i) != '_') {
        return null;
      }
    }
    return paymentMethod.startsWith("pm_fake_") && paymentMethod.length() <= 64
        ? cards.get(PaymentMethodId.of(paymentMethod))
        : null;
  }

  List<ProcessorCard> list(String customerReference) {
    Customer customer = existing(customerReference);
    synchronized (customer) {
      List<ProcessorCard> list = new ArrayList<>(customer.cards.size());
      for (PaymentMethodId id : customer.cards) {
        list.add(new ProcessorCard(id, attached(id).card()));
      }
      return list;
    }
  }

  CardDetails updateExpiry(PaymentMethodId id, YearMonth expiry) {
    FakeCard updated =
        cards.computeIfPresent(
            id,
            (k, c) ->
                c.attached()
                    ? c.withCard(
                        new CardDetails(
                            c.card().brand(), c.card().last4(), expiry, c.card().fingerprint()))
                    : c);
    if (updated == null || !updated.attached()) {
      throw new ProcessorException(
          updated == null
              ? "No such PaymentMethod: '" + id + "'"
              : "You must save this PaymentMethod to a customer before you can update it.",
          null,
          null,
          null);
    }
    return updated.card();
  }

  void detach(PaymentMethodId id) {
    FakeCard card = cards.get(id);
    Customer customer =
        card == null || card.customerReference() == null
            ? null
            : customers.get(card.customerReference());
    if (customer == null) {
      return;
    }
    synchronized (customer) {
      customer.cards.remove(id);
      cards.computeIfPresent(id, (k, c) -> c.attachedTo(null));
    }
  }

  void setUp(PaymentMethodId id) {
    cards.computeIfPresent(id, (k, c) -> c.setUp());
  }

  List<FakeCustomer> customers() {
    List<FakeCustomer> all = new ArrayList<>();
    for (Customer c : customers.values()) {
      synchronized (c) {
        all.add(new FakeCustomer(c.reference, c.agencyId, c.clientId, c.cards));
      }
    }
    all.sort((a, b) -> Long.compare(sequence(a.reference()), sequence(b.reference())));
    return List.copyOf(all);
  }

  List<FakeCard> attachedCards() {
    List<FakeCard> all = new ArrayList<>();
    for (FakeCard c : cards.values()) {
      if (c.attached()) {
        all.add(c);
      }
    }
    all.sort((a, b) -> Long.compare(sequence(a.id().value()), sequence(b.id().value())));
    return List.copyOf(all);
  }

  void reset() {
    customers.clear();
    cards.clear();
    customerIds.set(0);
    cardIds.set(0);
  }

  private Customer existing(@Nullable String reference) {
    Customer customer = reference == null ? null : customers.get(reference);
    if (customer == null) {
      throw new ProcessorException("No such customer: '" + reference + "'", null, null, null);
    }
    return customer;
  }

  /** A card a customer holds: cards are never removed from the wallet, only detached. */
  private FakeCard attached(PaymentMethodId id) {
    return Objects.requireNonNull(cards.get(id), "a customer's card is in the wallet");
  }

  /** The fingerprint every fake card has: it comes from its test card's number. */
  private static String fingerprintOf(FakeCard card) {
    return Objects.requireNonNull(
        card.card().fingerprint(), "a fake card has its test card's fingerprint");
  }

  static long sequence(String id) {
    return Long.parseLong(id.substring(id.lastIndexOf('_') + 1));
  }

  /** A customer and its attached card ids, newest first; guarded by itself. */
  private static final class Customer {
    private final String reference;
    private final AgencyId agencyId;
    private final ClientId clientId;
    private final List<PaymentMethodId> cards = new ArrayList<>();

    Customer(String reference, AgencyId agencyId, ClientId clientId) {
      this.reference = reference;
      this.agencyId = agencyId;
      this.clientId = clientId;
    }
  }
}
