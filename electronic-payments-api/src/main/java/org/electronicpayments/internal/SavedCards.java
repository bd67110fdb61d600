package org.electronicpayments.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.electronicpayments.AgencyDetails;
import org.electronicpayments.CardDetails;
import org.electronicpayments.CardRemoval;
import org.electronicpayments.ClientId;
import org.electronicpayments.ElectronicPayments;
import org.electronicpayments.FieldError;
import org.electronicpayments.PaymentMethod;
import org.electronicpayments.PaymentMethodId;
import org.electronicpayments.PaymentValidationException;
import org.electronicpayments.security.Actor;
import org.electronicpayments.security.Permission;
import org.electronicpayments.spi.PaymentProcessor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saved-card operations: list, rename, update expiry, remove; and the checks before charging one.
 */
public final class SavedCards {

  private static final Logger LOG = LoggerFactory.getLogger(ElectronicPayments.class);

  private final PaymentProcessor processor;
  private final Journal journal;
  private final AccessGuard guard;
  private final AgencyDetails agency;

  public SavedCards(
      PaymentProcessor processor, Journal journal, AccessGuard guard, AgencyDetails agency) {
    this.processor = processor;
    this.journal = journal;
    this.guard = guard;
    this.agency = agency;
  }

  public List<PaymentMethod> list(Actor actor, ClientId client) {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(client, "clientId");
    guard.check(actor, Permission.VIEW_SAVED_CARDS, client, null);
    return journal.cards(agency.id(), client);
  }

  public PaymentMethod rename(Actor actor, PaymentMethodId id, String nickname) {
    PaymentMethod card = owned(actor, id);
    List<FieldError> errors = new ArrayList<>();
    RequestValidator.checkNickname("nickname", nickname, errors);
    if (!errors.isEmpty()) {
      throw new PaymentValidationException(errors);
    }
    PaymentMethod renamed = card.withNickname(nickname.strip());
    journal.saveCard(renamed);
    return renamed;
  }

  public PaymentMethod updateExpiry(Actor actor, PaymentMethodId id, YearMonth expiry) {
    Objects.requireNonNull(expiry, "expiry");
    PaymentMethod card = owned(actor, id);
    YearMonth now = YearMonth.from(journal.now().atZone(agency.zone()));
    if (expiry.isBefore(now) || expiry.isAfter(now.plusYears(20))) {
      throw PaymentValidationException.of(
          "expiry", "must be this month or later, and within 20 years");
    }
    CardDetails updated = processor.updateCardExpiry(id, expiry);
    PaymentMethod changed = card.withCard(updated);
    journal.saveCard(changed);
    LOG.info("Saved card {} of client {}: expiry updated", id, card.clientId());
    return changed;
  }

  public void remove(Actor actor, PaymentMethodId id) {
    PaymentMethod card = owned(actor, id);
    processor.removeCard(id);
    journal.recordCardRemoval(
        new CardRemoval(
            id,
            card.agencyId(),
            card.clientId(),
            card.card().display(),
            actor.auditName(),
            journal.now()));
    journal.removeCard(id);
    LOG.info("Saved card {} of client {}: removed", id, card.clientId());
  }

  /** The removals recorded for a client's saved cards, oldest first. */
  public List<CardRemoval> removals(Actor actor, ClientId client) {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(client, "clientId");
    guard.check(actor, Permission.MANAGE_SAVED_CARDS, client, null);
    return journal.cardRemovals(agency.id(), client);
  }

  /**
   * Brings a client's saved cards in line with the processor: a card no longer attached to the
   * client's customer there, or expired by the processor's record, is dropped here; a card whose
   * details changed there (a renewed expiry) is updated. Cards attached at the processor that were
   * never saved through this facade are not added.
   *
   * @param actor who is acting
   * @param client the client
   * @return the client's saved cards after the sync, oldest first
   */
  public List<PaymentMethod> sync(Actor actor, ClientId client) {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(client, "clientId");
    guard.check(actor, Permission.MANAGE_SAVED_CARDS, client, null);
    return syncChecked(client);
  }

  /** {@link #sync} once the caller was authorized. */
  List<PaymentMethod> syncChecked(ClientId client) {
    List<PaymentMethod> stored = journal.cards(agency.id(), client);
    if (stored.isEmpty()) {
      return stored;
    }
    Map<PaymentMethodId, CardDetails> attached = new HashMap<>();
    journal
        .customerReference(agency.id(), client)
        .ifPresent(
            customer -> processor.listCards(customer).forEach(c -> attached.put(c.id(), c.card())));
    YearMonth month = YearMonth.from(journal.now().atZone(agency.zone()));
    List<PaymentMethod> kept = new ArrayList<>();
    for (PaymentMethod card : stored) {
      CardDetails there = attached.get(card.id());
      if (there == null || there.expiry().isBefore(month)) {
        journal.removeCard(card.id());
        LOG.info(
            "Saved card {} of client {}: dropped, {} at the processor",
            card.id(),
            client,
            there == null ? "no longer attached" : "expired");
        continue;
      }
      PaymentMethod current = card;
      if (!there.equals(card.card())) {
        current = card.withCard(there);
        journal.saveCard(current);
        LOG.info(
            "Saved card {} of client {}: details updated from the processor", card.id(), client);
      }
      kept.add(current);
    }
    return kept;
  }

  /**
   * Checks a saved card chosen for a payment: it exists, belongs to this agency's client, and has
   * not expired.
   */
  public void requireUsable(PaymentMethodId id, ClientId client, LocalDate today) {
    PaymentMethod card = ours(id);
    if (card == null || !card.clientId().equals(client)) {
      throw PaymentValidationException.of("card", "is not a saved card of this client");
    }
    if (card.card().expiry().isBefore(YearMonth.from(today))) {
      throw PaymentValidationException.of(
          "card", "has expired; update its expiry or use another card");
    }
  }

  private PaymentMethod owned(Actor actor, PaymentMethodId id) {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(id, "id");
    PaymentMethod card = ours(id);
    if (card == null) {
      throw PaymentValidationException.of("paymentMethodId", "is not a saved card");
    }
    guard.check(actor, Permission.MANAGE_SAVED_CARDS, card.clientId(), null);
    return card;
  }

  /**
   * Reads a saved card of this agency. A card another agency saved in a shared store is treated as
   * absent, so that its existence is not revealed either.
   */
  private @Nullable PaymentMethod ours(PaymentMethodId id) {
    return journal.findCard(id).filter(c -> c.agencyId().equals(agency.id())).orElse(null);
  }
}
