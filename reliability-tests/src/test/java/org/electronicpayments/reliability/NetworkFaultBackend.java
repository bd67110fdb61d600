package org.electronicpayments.reliability;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.electronicpayments.AgencyId;
import org.electronicpayments.ClientId;
import org.electronicpayments.Money;
import org.electronicpayments.PaymentId;
import org.electronicpayments.PaymentMethodId;
import org.electronicpayments.spi.CardUse;
import org.electronicpayments.spi.ChargeRequest;
import org.electronicpayments.spi.CustomerRequest;
import org.electronicpayments.spi.PaymentProcessor;
import org.electronicpayments.stripe.StripePaymentProcessor;
import org.electronicpayments.testkit.stripe.StripeEmulator;
import org.jspecify.annotations.Nullable;

/**
 * The campaign over the Stripe module with its default settings (only the key and the API base are
 * set), through stripe-java and a {@link NetworkFaultProxy}, to the Stripe emulator: every network
 * fault the proxy knows, on every endpoint the module calls. The facade's deadline is {@link
 * #DEADLINE}; the module's own read timeout, retries and deadline are its defaults, so G4 is
 * measured as a host that configures nothing would get it.
 */
final class NetworkFaultBackend implements CampaignBackend {

  static final Duration DEADLINE = Duration.ofMillis(1500);

  /**
   * The longest the proxy holds a connection silent: past the deadline, so a client must give up
   * first.
   */
  static final Duration HOLD_AT_MOST = Duration.ofMillis(2500);

  private static final String[] ENDPOINTS = {
    "POST /v1/payment_intents", "POST /v1/payment_intents/*/confirm", "GET /v1/payment_intents/*",
    "POST /v1/payment_intents/*/cancel", "POST /v1/customers", "POST /v1/payment_methods/*/attach",
    "GET /v1/customers/*/payment_methods", "POST /v1/refunds", "POST /v1/payment_methods/*",
    "POST /v1/payment_methods/*/detach"
  };

  /** The share of requests that meet a random fault while a schedule runs its steps. */
  static final double FAULT_RATE =
      Double.parseDouble(System.getProperty("campaign.networkFaultRate", "0.1"));

  private final StripeEmulator emulator = StripeEmulator.start();
  private final NetworkFaultProxy proxy = NetworkFaultProxy.start(emulator.port(), HOLD_AT_MOST);
  private final StripePaymentProcessor stripe =
      StripePaymentProcessor.builder()
          .secretKey("sk_test_campaign")
          .apiBase(proxy.baseUrl())
          .build();
  private final StripeLedger ledger = new StripeLedger(emulator);

  /**
   * Warms stripe-java up (its first call loads hundreds of classes), so no schedule pays for it;
   * the warm-up's requests are not counted with the campaign's.
   */
  NetworkFaultBackend() {
    stripe.ensureCustomer(
        new CustomerRequest(AgencyId.of("warm-up"), ClientId.of("warm-up"), "warm-up"));
    stripe.prepare(
        new ChargeRequest(
            PaymentId.of("pay_warm_up"),
            AgencyId.of("warm-up"),
            ClientId.of("warm-up"),
            1,
            "warm-up",
            Money.usd("1.00"),
            "pm_card_visa",
            CardUse.ONE_TIME,
            null,
            null,
            java.time.Instant.now().plusSeconds(30)));
    emulator.reset();
    proxy.forgetStatistics();
  }

  @Override
  public String name() {
    return "stripe-module-defaults-through-network-faults";
  }

  @Override
  public Duration deadline() {
    return DEADLINE;
  }

  @Override
  public PaymentProcessor processor() {
    return stripe;
  }

  /**
   * Arms one network fault, of any kind, on the next request to a random endpoint, or on the next
   * request.
   */
  @Override
  public String injectFault(Random random) {
    String endpoint =
        random.nextBoolean() ? NetworkFaultProxy.ANY : ENDPOINTS[random.nextInt(ENDPOINTS.length)];
    String fault = proxy.armRandom(endpoint, random, DEADLINE);
    return (endpoint.equals(NetworkFaultProxy.ANY) ? "next request" : endpoint) + " " + fault;
  }

  /**
   * Besides the armed faults, every request of the schedule's steps meets a random one at {@link
   * #FAULT_RATE}.
   */
  @Override
  public void begin(long seed) {
    proxy.faultAtRandom(seed, FAULT_RATE, DEADLINE);
  }

  @Override
  public String authenticate(Random random, List<String> waiting) {
    return ledger.authenticate(random, waiting);
  }

  /** Disarms what was not applied and ends every held connection, as time eventually would. */
  @Override
  public void settleEverything() {
    proxy.clear();
    proxy.releaseHeld();
  }

  @Override
  public List<Charge> charges() {
    return ledger.charges();
  }

  @Override
  public String dashboardRefund(String processorReference, @Nullable Long amountMinor) {
    return emulator.dashboardRefund(processorReference, amountMinor);
  }

  @Override
  public List<Refunded> refunds() {
    return ledger.refunds();
  }

  @Override
  public boolean attached(PaymentMethodId card, String customerReference) {
    return ledger.attached(card, customerReference);
  }

  @Override
  public Map<String, Long> statistics() {
    return proxy.statistics();
  }

  @Override
  public void reset() {
    proxy.clear();
    proxy.releaseHeld();
    emulator.faults().clear();
    emulator.reset();
  }

  @Override
  public void close() {
    proxy.close();
    emulator.close();
  }
}
