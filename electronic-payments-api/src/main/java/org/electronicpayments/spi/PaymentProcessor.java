package org.electronicpayments.spi;

import java.time.YearMonth;
import java.util.List;
import org.electronicpayments.CardDetails;
import org.electronicpayments.PaymentFailure;
import org.electronicpayments.PaymentMethodId;
import org.jspecify.annotations.Nullable;

/**
 * Charges cards. The Stripe module implements it over stripe-java; the testkit's {@code
 * FakePaymentProcessor} implements it in memory, and both pass the testkit's {@code
 * PaymentProcessorCompatibilityKit}.
 *
 * <p>The contract, for every implementation:
 *
 * <ul>
 *   <li>Every call that changes anything at the processor carries an idempotency key derived from
 *       the request's key, so the same call made again (by anyone, any time within the processor's
 *       key retention) has the same effect once.
 *   <li>Business outcomes are values: a decline is {@link ChargeOutcome.Declined}; an outcome that
 *       cannot be known (timeout, dropped connection) is {@link ChargeOutcome.Unknown}, never
 *       {@code Declined}.
 *   <li>{@link org.electronicpayments.ProcessorException} only for failures that charged nothing
 *       and are not the card's fault: a rejected API key, a misconfigured account.
 *   <li>Calls are safe from many threads.
 * </ul>
 */
public interface PaymentProcessor {

  /**
   * Finds or makes the client's customer, the owner of their saved cards. The caller stores the
   * answer and passes it back; implementations must not look customers up by email.
   *
   * @param request the agency, client and key
   * @return the processor's customer reference
   */
  String ensureCustomer(CustomerRequest request);

  /**
   * Makes the charge at the processor without taking money (Stripe: an unconfirmed PaymentIntent).
   * For {@link CardUse#SAVE_FOR_FUTURE} the card is attached to the customer first, so a card that
   * cannot be saved is declined here.
   *
   * @param request the charge
   * @return {@link ChargeOutcome.Prepared}, {@link ChargeOutcome.Declined} or {@link
   *     ChargeOutcome.Unknown}
   */
  ChargeOutcome prepare(ChargeRequest request);

  /**
   * Takes the money for a prepared charge.
   *
   * @param request the same charge as given to {@link #prepare}
   * @param processorReference the reference {@code prepare} returned
   * @return charged, declined, action required or unknown
   */
  ChargeOutcome confirm(ChargeRequest request, String processorReference);

  /**
   * Settles a charge whose outcome is unknown: charged stays charged; a charge that was never
   * confirmed is cancelled so it never can be (then {@link ChargeOutcome.Declined} with kind {@code
   * CANCELLED}); a charge that was declined is cancelled too and its decline returned; a charge
   * still processing stays {@link ChargeOutcome.Unknown}; one waiting for the client's
   * authentication stays {@link ChargeOutcome.ActionRequired}.
   *
   * <p>The request is rebuilt from the journal, with a new {@link ChargeRequest#deadline()}:
   * implementations must not send the deadline to the processor, or a replayed call would no longer
   * match its idempotency key.
   *
   * @param request the charge as it was prepared
   * @param processorReference the reference, or {@code null} when {@code prepare}'s answer was lost
   * @return the settled outcome, or unknown
   */
  ChargeOutcome resolve(ChargeRequest request, @Nullable String processorReference);

  /**
   * Whether {@link #prepare}, {@link #confirm} and {@link #resolve} always return by the request's
   * {@link ChargeRequest#deadline()} on their own, a hung processor included, on any thread and
   * without being interrupted. When true, the facade makes those calls on the caller's thread (when
   * no customer must be made first) instead of handing each payment to a worker thread and waiting
   * for it there. The default, false, is always safe: the facade runs the calls on a worker and
   * stops waiting at the deadline, so a processor that does not bound itself never holds the caller
   * past it (G4).
   *
   * @return true only if every charge call returns by its request's deadline by itself
   */
  default boolean returnsByDeadline() {
    return false;
  }

  /**
   * Starts saving a card without a payment (Stripe: creates a SetupIntent with {@code
   * usage=off_session} for the customer, unconfirmed, under {@code key + "-create"}).
   *
   * <p>The default answers {@link SetupOutcome.Declined} (kind {@code REJECTED}): a processor that
   * does not implement the three setup methods cannot save a card without a payment, and says so
   * without calling anyone.
   *
   * @param request the setup
   * @return {@link SetupOutcome.Prepared}, {@link SetupOutcome.Declined} or {@link
   *     SetupOutcome.Unknown}
   */
  default SetupOutcome prepareSetup(SetupRequest request) {
    return new SetupOutcome.Declined(
        null,
        new PaymentFailure(
            PaymentFailure.Kind.REJECTED,
            "setup_not_supported",
            null,
            "This card processor cannot save a card without a payment. Nothing was saved.",
            null));
  }

  /**
   * Confirms a prepared setup ({@code key + "-confirm"}): the card is checked by its bank and
   * attached to the customer. A declining card is {@link SetupOutcome.Declined} and nothing is
   * attached; a card that needs 3-D Secure is {@link SetupOutcome.ActionRequired}.
   *
   * @param request the same setup as given to {@link #prepareSetup}
   * @param processorReference the reference {@code prepareSetup} returned
   * @return saved, declined, action required or unknown
   */
  default SetupOutcome confirmSetup(SetupRequest request, String processorReference) {
    return prepareSetup(request);
  }

  /**
   * Settles a setup whose outcome is unknown, or one that waited for the client's authentication: a
   * saved card stays saved; one never confirmed is cancelled so it never can be ({@link
   * SetupOutcome.Declined}, kind {@code CANCELLED}); one whose authentication failed is declined;
   * one still waiting for the client stays {@link SetupOutcome.ActionRequired}. With a {@code null}
   * reference (the answer of {@code prepareSetup} was lost) the create is re-issued under its key.
   *
   * @param request the setup as it was prepared (with a new deadline)
   * @param processorReference the reference, or {@code null} when it was lost
   * @return the settled outcome, or unknown
   */
  default SetupOutcome resolveSetup(SetupRequest request, @Nullable String processorReference) {
    return prepareSetup(request);
  }

  /**
   * Lists every refund the processor holds for a charge, whoever made it: the refunds this SDK
   * asked for and those staff made in the processor's own dashboard. The facade records the latter
   * on the payment when it {@linkplain org.electronicpayments.ElectronicPayments#refresh refreshes}
   * a charged payment. A processor that cannot list them returns an empty list (the default), and
   * refunds made outside the SDK then stay unknown to it.
   *
   * @param processorReference the charge's reference, as {@code prepare} returned it
   * @return the refunds, oldest first
   */
  default List<ProcessorRefund> listRefunds(String processorReference) {
    return List.of();
  }

  /**
   * The dispute (chargeback) the card holder's bank raised against a charge, if any. A processor
   * that cannot tell returns {@code null} (the default).
   *
   * @param processorReference the charge's reference, as {@code prepare} returned it
   * @return the dispute, or {@code null} when there is none
   */
  default @Nullable ProcessorDispute findDispute(String processorReference) {
    return null;
  }

  /**
   * Lists the cards the processor holds for a customer.
   *
   * @param customerReference the customer
   * @return the cards
   */
  List<ProcessorCard> listCards(String customerReference);

  /**
   * Changes a saved card's expiry (the client got a renewed card with the same number).
   *
   * @param id the card
   * @param expiry the new expiry
   * @return the card's details after the change
   */
  CardDetails updateCardExpiry(PaymentMethodId id, YearMonth expiry);

  /**
   * Removes a saved card from its customer. Removing a card that is already gone is not an error.
   *
   * @param id the card
   */
  void removeCard(PaymentMethodId id);

  /**
   * Refunds part or all of a charge.
   *
   * @param request the refund
   * @return refunded, rejected or unknown
   */
  RefundOutcome refund(RefundRequest request);
}
