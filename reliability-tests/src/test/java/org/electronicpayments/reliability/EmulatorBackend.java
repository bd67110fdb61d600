package org.electronicpayments.reliability;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.electronicpayments.PaymentId;
import org.electronicpayments.PaymentMethodId;
import org.electronicpayments.spi.PaymentProcessor;
import org.electronicpayments.stripe.StripePaymentProcessor;
import org.electronicpayments.testkit.stripe.FaultRuleBuilder;
import org.electronicpayments.testkit.stripe.StripeEmulator;
import org.jspecify.annotations.Nullable;

/** The campaign over the Stripe module, through stripe-java, to the Stripe emulator. */
final class EmulatorBackend implements CampaignBackend {

  static final Duration DEADLINE = Duration.ofMillis(1500);
  static final Duration HANG = Duration.ofMillis(400);
  private static final String[] ENDPOINTS = {
    "POST /v1/payment_intents", "POST /v1/payment_intents/*/confirm", "GET /v1/payment_intents/*",
    "POST /v1/payment_intents/*/cancel", "POST /v1/customers", "POST /v1/payment_methods/*/attach",
    "GET /v1/customers/*/payment_methods", "POST /v1/refunds", "POST /v1/payment_methods/*",
    "POST /v1/payment_methods/*/detach"
  };

  private volatile boolean hangArmed;
  private final StripeEmulator emulator = StripeEmulator.start();
  private final StripePaymentProcessor stripe =
      StripePaymentProcessor.builder()
          .secretKey("sk_test_campaign")
          .apiBase(emulator.baseUrl())
          .maxNetworkRetries(1)
          .deadline(DEADLINE)
          .build();
  private final StripeLedger ledger = new StripeLedger(emulator);

  /**
   * Warms stripe-java up (its first call loads hundreds of classes), so no schedule pays for it.
   */
  EmulatorBackend() {
    stripe.ensureCustomer(
        new org.electronicpayments.spi.CustomerRequest(
            org.electronicpayments.AgencyId.of("warm-up"),
            org.electronicpayments.ClientId.of("warm-up"),
            "warm-up"));
    stripe.prepare(
        new org.electronicpayments.spi.ChargeRequest(
            PaymentId.of("pay_warm_up"),
            org.electronicpayments.AgencyId.of("warm-up"),
            org.electronicpayments.ClientId.of("warm-up"),
            1,
            "warm-up",
            org.electronicpayments.Money.usd("1.00"),
            "pm_card_visa",
            org.electronicpayments.spi.CardUse.ONE_TIME,
            null,
            null,
            java.time.Instant.now().plusSeconds(30)));
    emulator.reset();
  }

  @Override
  public String name() {
    return "stripe-module-on-emulator";
  }

  @Override
  public Duration deadline() {
    return DEADLINE;
  }

  @Override
  public PaymentProcessor processor() {
    return stripe;
  }

  @Override
  public String injectFault(Random random) {
    String endpoint = ENDPOINTS[random.nextInt(ENDPOINTS.length)];
    FaultRuleBuilder next = emulator.faults().onNext(endpoint);
    int kind = random.nextInt(100);
    String what;
    if (kind < 20) {
      next.commitThenDrop(); // the module's client does not re-send a dropped POST
      what = "commit then drop";
    } else if (kind < 32) {
      next.drop();
      what = "drop before commit";
    } else if (kind < 44) {
      next.fail(500, false);
      what = "500 Stripe-Should-Retry: false";
    } else if (kind < 54) {
      next.fail(500);
      what = "500";
    } else if (kind < 62) {
      next.fail(503);
      what = "503";
    } else if (kind < 72) {
      next.fail(429);
      what = "429";
    } else if (kind < 80) {
      next.hang(HANG);
      hangArmed = true;
      what = "hang";
    } else if (kind < 90) {
      next.delay(Duration.ofMillis(1 + random.nextInt(120)));
      what = "latency";
    } else {
      next.respondThenDropNext();
      what = "respond then drop next";
    }
    return endpoint + " " + what;
  }

  @Override
  public String authenticate(Random random, List<String> waiting) {
    return ledger.authenticate(random, waiting);
  }

  @Override
  public void settleEverything() {
    emulator.faults().clear();
    if (!hangArmed) {
      return;
    }
    hangArmed = false;
    try {
      Thread.sleep(HANG.toMillis() + 50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
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
  public void reset() {
    emulator.faults().clear();
    emulator.reset();
    hangArmed = false;
  }

  @Override
  public void close() {
    emulator.close();
  }
}
