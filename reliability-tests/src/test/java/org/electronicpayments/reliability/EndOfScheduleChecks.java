package org.electronicpayments.reliability;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.electronicpayments.ClientId;
import org.electronicpayments.Payment;
import org.electronicpayments.PaymentId;
import org.electronicpayments.PaymentMethod;
import org.electronicpayments.PaymentRefund;
import org.electronicpayments.PaymentStatus;
import org.electronicpayments.testkit.InMemoryPaymentStore;
import org.electronicpayments.testkit.PaymentsTestbed;

/**
 * What must hold once a schedule has finished and a fresh host has reconciled, checked from the
 * processor's own ledger against the store: G1 (no payment charged twice), G2 (every charge
 * recorded; nothing left pending, processing or in doubt, payments and refunds alike), G3 (no
 * charge for an attempt reported FAILED), every refund made at the processor recorded with its
 * amount and none beyond the payment's amount, and every card the store lists as saved attached to
 * its client's customer at the processor.
 */
final class EndOfScheduleChecks {

  static final Set<PaymentStatus> UNSETTLED =
      EnumSet.of(PaymentStatus.PENDING, PaymentStatus.PROCESSING, PaymentStatus.IN_DOUBT);

  private final long seed;
  private final CampaignBackend backend;
  private final InMemoryPaymentStore db;
  private final CampaignReport report;

  EndOfScheduleChecks(
      long seed, CampaignBackend backend, InMemoryPaymentStore db, CampaignReport report) {
    this.seed = seed;
    this.backend = backend;
    this.db = db;
    this.report = report;
  }

  void check(Set<String> reportedFailedAttempts, List<ClientId> clients) {
    List<CampaignBackend.Charge> charges = backend.charges();
    List<Payment> stored = db.payments();
    report.payments.add(stored.size());
    report.charges.add(charges.size());
    charges.stream()
        .collect(Collectors.groupingBy(c -> c.paymentId().value()))
        .forEach(
            (id, list) -> {
              if (list.size() > 1) {
                report.violation(seed, "G1: payment " + id + " charged " + list.size() + " times");
              }
            });
    for (CampaignBackend.Charge c : charges) {
      Payment p = db.find(c.paymentId()).orElse(null);
      if (p == null
          || !p.status().isCharged()
          || !c.chargeReference().equals(p.confirmationNumber())) {
        report.violation(
            seed,
            "G2: charge "
                + c
                + " is recorded as "
                + (p == null ? "nothing" : p.status() + " / " + p.confirmationNumber()));
      }
      if (reportedFailedAttempts.contains(c.paymentId().value() + "#" + c.attempt())) {
        report.violation(
            seed,
            "G3: attempt "
                + c.attempt()
                + " of "
                + c.paymentId()
                + " was reported FAILED but charged");
      }
    }
    for (Payment p : stored) {
      if (UNSETTLED.contains(p.status())) {
        var a = p.currentAttempt();
        String attempt =
            a == null
                ? "no attempt"
                : "attempt "
                    + a.number()
                    + ", "
                    + a.card().getClass().getSimpleName()
                    + ", "
                    + (a.processorReference() == null
                        ? "no processor reference"
                        : a.processorReference());
        report.violation(
            seed,
            "G2: payment "
                + p.id()
                + " still "
                + p.status()
                + " after reconcile ("
                + attempt
                + ")");
      }
    }
    if (stored.stream().map(p -> p.request().reference()).distinct().count() != stored.size()) {
      report.violation(seed, "two payments share a reference");
    }
    refunds(stored);
    savedCards(clients);
  }

  private void refunds(List<Payment> stored) {
    for (Payment p : stored) {
      for (PaymentRefund r : p.refunds()) {
        if (UNSETTLED.contains(r.status())) {
          report.violation(
              seed,
              "refund: refund "
                  + r.number()
                  + " of "
                  + p.id()
                  + " still "
                  + r.status()
                  + " after reconcile");
        }
      }
      if (p.refunded().compareTo(p.amount()) > 0) {
        report.violation(
            seed,
            "refund: " + p.id() + " recorded as refunded " + p.refunded() + " of " + p.amount());
      }
    }
    List<CampaignBackend.Refunded> made = backend.refunds();
    report.refunds.add(made.size());
    for (CampaignBackend.Refunded r : made) {
      Optional<Payment> p = r.paymentId() == null ? Optional.empty() : db.find(r.paymentId());
      boolean recorded =
          p.isPresent()
              && p.get().refunds().stream()
                  .anyMatch(
                      mine ->
                          mine.status() == PaymentStatus.SUCCEEDED
                              && r.refundReference().equals(mine.processorReference())
                              && mine.amount().minorUnits() == r.amountMinor());
      if (!recorded) {
        report.violation(
            seed,
            "refund: "
                + r
                + " made at the processor is recorded as "
                + p.map(x -> x.refunds().toString()).orElse("no payment"));
      }
    }
    Map<PaymentId, Long> refundedAtProcessor =
        made.stream()
            .filter(r -> r.paymentId() != null)
            .collect(
                Collectors.groupingBy(
                    CampaignBackend.Refunded::paymentId,
                    Collectors.summingLong(CampaignBackend.Refunded::amountMinor)));
    refundedAtProcessor.forEach(
        (id, minor) ->
            db.find(id)
                .ifPresent(
                    p -> {
                      if (minor > p.amount().minorUnits()) {
                        report.violation(
                            seed,
                            "refund: "
                                + id
                                + " refunded "
                                + minor
                                + " minor units at the processor, beyond its "
                                + p.amount());
                      }
                    }));
  }

  private void savedCards(List<ClientId> clients) {
    for (ClientId client : clients) {
      List<PaymentMethod> cards = db.cards(PaymentsTestbed.AGENCY.id(), client);
      report.savedCards.add(cards.size());
      if (cards.isEmpty()) {
        continue;
      }
      Optional<String> customer = db.customerReference(PaymentsTestbed.AGENCY.id(), client);
      for (PaymentMethod card : cards) {
        if (customer.isEmpty() || !backend.attached(card.id(), customer.get())) {
          report.violation(
              seed,
              "saved card: "
                  + card.id()
                  + " of client "
                  + client.value()
                  + " is not attached at the processor to "
                  + customer.orElse("any customer"));
        }
      }
    }
  }
}
