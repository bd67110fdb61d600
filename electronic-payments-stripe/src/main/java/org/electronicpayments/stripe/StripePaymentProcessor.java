package org.electronicpayments.stripe;

import com.stripe.StripeClient;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import org.electronicpayments.CardDetails;
import org.electronicpayments.PaymentMethodId;
import org.electronicpayments.spi.ChargeOutcome;
import org.electronicpayments.spi.ChargeRequest;
import org.electronicpayments.spi.CustomerRequest;
import org.electronicpayments.spi.PaymentProcessor;
import org.electronicpayments.spi.ProcessorCard;
import org.electronicpayments.spi.ProcessorDispute;
import org.electronicpayments.spi.ProcessorRefund;
import org.electronicpayments.spi.RefundOutcome;
import org.electronicpayments.spi.RefundRequest;
import org.electronicpayments.spi.SetupOutcome;
import org.electronicpayments.spi.SetupRequest;
import org.jspecify.annotations.Nullable;

/**
 * The {@link PaymentProcessor} over Stripe, through one instance-based stripe-java client (never
 * the global {@code Stripe.apiKey}). A charge is an unconfirmed PaymentIntent, created and then
 * confirmed with idempotency keys derived from the attempt's key ({@code …-create}, {@code
 * …-confirm}); an unknown outcome is settled by {@link #resolve}, which reads the PaymentIntent and
 * cancels one that was never confirmed. Stripe receives the amount, currency, customer, card,
 * receipt email, a neutral description and opaque ids; nothing else (G5).
 *
 * <pre>{@code
 * StripePaymentProcessor stripe = StripePaymentProcessor.builder()
 *     .secretKey(System.getenv("STRIPE_SECRET_KEY"))
 *     .build();
 * ElectronicPayments payments = ElectronicPayments.builder()
 *     .processor(stripe).store(store).agency(agency).build();
 * }</pre>
 *
 * <p>Thread-safe; build one per Stripe account and share it. Hosts use it through {@code
 * ElectronicPayments}, not directly.
 */
public final class StripePaymentProcessor implements PaymentProcessor {

  private final StripeSettings settings;
  private final StripeCalls calls;
  private final CustomerCards cards;
  private final ChargeFlow charges;
  private final Reconciliation reconciliation;
  private final RefundFlow refunds;
  private final SetupFlow setups;
  private final OutsideActivity outside;

  StripePaymentProcessor(StripeSettings settings, @Nullable StripeClient client) {
    this.settings = settings;
    this.calls = new StripeCalls(settings, client);
    this.cards = new CustomerCards(calls, settings);
    this.charges = new ChargeFlow(calls, settings, cards);
    this.reconciliation = new Reconciliation(calls, charges, cards);
    this.refunds = new RefundFlow(calls, settings);
    this.setups = new SetupFlow(calls, settings);
    this.outside = new OutsideActivity(calls, settings);
  }

  /**
   * Starts configuring a processor.
   *
   * @return a builder
   */
  public static StripePaymentProcessorBuilder builder() {
    return new StripePaymentProcessorBuilder();
  }

  /**
   * {@code POST /v1/customers} with the agency's and client's ids as metadata, under the request's
   * key.
   */
  @Override
  public String ensureCustomer(CustomerRequest request) {
    return cards.ensureCustomer(Objects.requireNonNull(request, "request"));
  }

  /**
   * Creates the PaymentIntent unconfirmed ({@code …-create}); a card to save is first attached to
   * the customer ({@code …-attach}), or replaced by the same card saved before.
   */
  @Override
  public ChargeOutcome prepare(ChargeRequest request) {
    return charges.prepare(Objects.requireNonNull(request, "request"));
  }

  /**
   * Confirms the PaymentIntent ({@code …-confirm}); off-session for a charge without the client.
   */
  @Override
  public ChargeOutcome confirm(ChargeRequest request, String processorReference) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(processorReference, "processorReference");
    return charges.confirm(request, processorReference, reconciliation);
  }

  /** Reads the PaymentIntent (re-issuing the create when the reference was lost) and settles it. */
  @Override
  public ChargeOutcome resolve(ChargeRequest request, @Nullable String processorReference) {
    return reconciliation.resolve(Objects.requireNonNull(request, "request"), processorReference);
  }

  /**
   * Creates a SetupIntent for the customer with the card and {@code usage=off_session}, unconfirmed
   * ({@code …-create}).
   */
  @Override
  public SetupOutcome prepareSetup(SetupRequest request) {
    return setups.prepare(Objects.requireNonNull(request, "request"));
  }

  /**
   * Confirms the SetupIntent ({@code …-confirm}): saved, declined (nothing attached), or {@code
   * requires_action} with the client secret for Stripe.js's {@code confirmCardSetup}.
   */
  @Override
  public SetupOutcome confirmSetup(SetupRequest request, String processorReference) {
    Objects.requireNonNull(request, "request");
    return setups.confirm(
        request, Objects.requireNonNull(processorReference, "processorReference"));
  }

  /** Reads the SetupIntent (re-issuing the create when the reference was lost) and settles it. */
  @Override
  public SetupOutcome resolveSetup(SetupRequest request, @Nullable String processorReference) {
    return setups.resolve(Objects.requireNonNull(request, "request"), processorReference);
  }

  /**
   * True: every stripe-java request ends by the sooner of the request's deadline and the builder's
   * {@code deadline}, however the server answers (each try's connect, TLS handshake and every read
   * end by the try's end, and a retry is made only when it fits), so the facade calls this
   * processor on the caller's thread.
   */
  @Override
  public boolean returnsByDeadline() {
    return calls.returnsByDeadline();
  }

  /** {@code GET /v1/customers/{id}/payment_methods?type=card}. */
  @Override
  public List<ProcessorCard> listCards(String customerReference) {
    return cards.listCards(Objects.requireNonNull(customerReference, "customerReference"));
  }

  /** {@code POST /v1/payment_methods/{id}} with the new expiry month and year. */
  @Override
  public CardDetails updateCardExpiry(PaymentMethodId id, YearMonth expiry) {
    return cards.updateExpiry(
        Objects.requireNonNull(id, "id"), Objects.requireNonNull(expiry, "expiry"));
  }

  /** {@code POST /v1/payment_methods/{id}/detach}; a card already detached is not an error. */
  @Override
  public void removeCard(PaymentMethodId id) {
    cards.remove(Objects.requireNonNull(id, "id"));
  }

  /** {@code POST /v1/refunds} for the PaymentIntent, with the refund's key. */
  @Override
  public RefundOutcome refund(RefundRequest request) {
    return refunds.refund(Objects.requireNonNull(request, "request"));
  }

  /**
   * {@code GET /v1/refunds?payment_intent=}, every page: the refunds this SDK made (they carry its
   * {@code payment_id} metadata) and those staff made in Stripe's Dashboard.
   */
  @Override
  public List<ProcessorRefund> listRefunds(String processorReference) {
    return outside.refunds(Objects.requireNonNull(processorReference, "processorReference"));
  }

  /**
   * {@code GET /v1/disputes?payment_intent=}: the PaymentIntent's dispute, if its bank raised one.
   */
  @Override
  public @Nullable ProcessorDispute findDispute(String processorReference) {
    return outside.dispute(Objects.requireNonNull(processorReference, "processorReference"));
  }

  /**
   * The payment id in a PaymentIntent's metadata, for webhooks about objects that do not carry it.
   */
  @Nullable String paymentIdOf(String paymentIntent) {
    return outside.paymentIdOf(paymentIntent);
  }

  /** Shows the settings with the secret key redacted. */
  @Override
  public String toString() {
    return "StripePaymentProcessor[" + settings + "]";
  }
}
