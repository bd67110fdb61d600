package org.electronicpayments.testkit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import org.electronicpayments.AgencyId;
import org.electronicpayments.AppointmentId;
import org.electronicpayments.CardChoice;
import org.electronicpayments.CardConsent;
import org.electronicpayments.CardDetails;
import org.electronicpayments.CardSetup;
import org.electronicpayments.CardSetupId;
import org.electronicpayments.CardSetupStatus;
import org.electronicpayments.ClientId;
import org.electronicpayments.Consent;
import org.electronicpayments.ConsentChannel;
import org.electronicpayments.ConsentGiver;
import org.electronicpayments.Money;
import org.electronicpayments.Origin;
import org.electronicpayments.Payer;
import org.electronicpayments.Payment;
import org.electronicpayments.PaymentAttempt;
import org.electronicpayments.PaymentFailure;
import org.electronicpayments.PaymentId;
import org.electronicpayments.PaymentMethod;
import org.electronicpayments.PaymentMethodId;
import org.electronicpayments.PaymentRefund;
import org.electronicpayments.PaymentRequest;
import org.electronicpayments.PaymentStatus;
import org.electronicpayments.PaymentType;

/**
 * Ready-made payments and cards for tests of stores and hosts: every field filled, so a store that
 * drops or mangles one is caught.
 *
 * <pre>{@code
 * Payment p = SamplePayments.cardPayment(AgencyId.of("a1"), ClientId.of("1000"), "REF-1", Instant.now());
 * }</pre>
 */
public final class SamplePayments {

  private SamplePayments() {}

  /**
   * A pending card payment with one attempt, every optional field set.
   *
   * @param agency the agency
   * @param client the client
   * @param reference the reference
   * @param at when it was made
   * @return the payment, version 0
   */
  public static Payment cardPayment(
      AgencyId agency, ClientId client, String reference, Instant at) {
    PaymentId id = PaymentId.generate();
    PaymentRequest request =
        new PaymentRequest(
            client,
            AppointmentId.of("appt-" + reference.hashCode()),
            Origin.APPOINTMENTS,
            LocalDate.of(2026, 1, 1),
            "client@example.org",
            reference,
            PaymentType.CREDIT_CARD,
            Payer.CO_PAY,
            Money.usd("10.00"),
            "1/1/2026 DOS 90837",
            true,
            CardChoice.saveNew(
                "pm_card_visa",
                "Visa 1000",
                Consent.of(ConsentGiver.CLIENT, ConsentChannel.FRONT_DESK)),
            true);
    PaymentAttempt attempt =
        new PaymentAttempt(
            1,
            PaymentAttempt.keyFor(id, 1),
            Objects.requireNonNull(request.card(), "card"),
            null,
            PaymentStatus.PENDING,
            at,
            null);
    return new Payment(
        id,
        agency,
        request,
        PaymentStatus.PENDING,
        List.of(attempt),
        null,
        null,
        null,
        null,
        List.of(),
        "staff:s-1",
        at,
        at,
        null,
        null,
        0);
  }

  /**
   * A recorded cash payment.
   *
   * @param agency the agency
   * @param client the client
   * @param reference the reference
   * @param datePosted the date posted
   * @param at when it was made
   * @return the payment, version 0
   */
  public static Payment cashPayment(
      AgencyId agency, ClientId client, String reference, LocalDate datePosted, Instant at) {
    PaymentId id = PaymentId.generate();
    PaymentRequest request =
        new PaymentRequest(
            client,
            null,
            Origin.PAYMENTS,
            datePosted,
            null,
            reference,
            PaymentType.CASH,
            Payer.DEDUCTIBLE,
            Money.usd("25.00"),
            null,
            false,
            null,
            true);
    return new Payment(
        id,
        agency,
        request,
        PaymentStatus.SUCCEEDED,
        List.of(),
        id.value(),
        null,
        null,
        null,
        List.of(),
        "staff:s-1",
        at,
        at,
        null,
        null,
        0);
  }

  /**
   * The payment after a second, declined-then-charged attempt with a refund and posting: exercises
   * every nested field a store must keep.
   *
   * @param p a payment from {@link #cardPayment}
   * @param at when
   * @return the changed payment (same version as {@code p})
   */
  public static Payment settledWithHistory(Payment p, Instant at) {
    PaymentAttempt first =
        Objects.requireNonNull(p.currentAttempt(), "a card payment")
            .withProcessorReference("pi_first")
            .withStatus(PaymentStatus.FAILED, at);
    PaymentAttempt second =
        new PaymentAttempt(
            2,
            PaymentAttempt.keyFor(p.id(), 2),
            CardChoice.saved(PaymentMethodId.of("pm_saved_1")),
            "pi_second",
            PaymentStatus.SUCCEEDED,
            at,
            at);
    PaymentRefund refund =
        new PaymentRefund(
            1,
            Money.usd("4.00"),
            PaymentRefund.keyFor(p.id(), 1),
            "re_1",
            PaymentStatus.SUCCEEDED,
            "staff:s-2",
            at);
    return p.change()
        .replaceCurrentAttempt(first)
        .addAttempt(second)
        .status(PaymentStatus.PARTIALLY_REFUNDED)
        .confirmationNumber("ch_second")
        .card(new CardDetails("visa", "4242", YearMonth.of(2030, 12), "fp_visa"))
        .savedCard(PaymentMethodId.of("pm_saved_1"))
        .failure(
            PaymentFailure.declined(
                "card_declined", "insufficient_funds", "Your card has insufficient funds."))
        .addRefund(refund)
        .posted("staff:s-2", at)
        .at(at);
  }

  /**
   * A saved Visa card.
   *
   * @param id the card's id
   * @param agency the agency it was saved with
   * @param client its owner
   * @param at when it was saved
   * @return the card
   */
  public static PaymentMethod visa(String id, AgencyId agency, ClientId client, Instant at) {
    return new PaymentMethod(
        PaymentMethodId.of(id),
        agency,
        client,
        "Visa 4242",
        new CardDetails("visa", "4242", YearMonth.of(2030, 12), "fp_" + id),
        "staff:s-1",
        at,
        new CardConsent(ConsentGiver.STAFF, "staff:s-1", ConsentChannel.PHONE, "2026-01", at));
  }

  /**
   * A pending card setup (a card to save without a payment), with its consent.
   *
   * @param agency the agency
   * @param client the client
   * @param at when it was journaled
   * @return the setup, version 0
   */
  public static CardSetup cardSetup(AgencyId agency, ClientId client, Instant at) {
    CardSetupId id = CardSetupId.of("setup_" + PaymentId.generate().value());
    return new CardSetup(
        id,
        agency,
        client,
        "pm_card_visa",
        "Visa 4242",
        new CardConsent(
            ConsentGiver.REPRESENTATIVE,
            "representative:r-1",
            ConsentChannel.PORTAL,
            "2026-01",
            at),
        "setup-" + id.value(),
        CardSetupStatus.PENDING,
        null,
        null,
        null,
        "representative:r-1",
        at,
        at,
        0);
  }
}
