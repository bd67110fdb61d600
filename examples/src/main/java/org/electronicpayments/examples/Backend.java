package org.electronicpayments.examples;

import java.io.PrintStream;
import java.time.Duration;
import org.electronicpayments.ElectronicPayments;
import org.electronicpayments.ElectronicPaymentsBuilder;
import org.electronicpayments.spi.PaymentProcessor;
import org.electronicpayments.spi.ReceiptDelivery;
import org.electronicpayments.stripe.StripePaymentProcessor;
import org.electronicpayments.testkit.FakePaymentProcessor;
import org.electronicpayments.testkit.InMemoryPaymentStore;
import org.electronicpayments.testkit.stripe.StripeEmulator;

/**
 * Where the example's payments go.
 * <ul>
 *   <li>{@code emulator} (the default): the Stripe module, through stripe-java, to the testkit's
 *       Stripe emulator on 127.0.0.1. No Stripe account, no network.
 *   <li>{@code fake}: the testkit's in-memory fake processor; nothing leaves the JVM.
 *   <li>{@code stripe}: the Stripe module against Stripe's test mode, with the key in
 *       {@code STRIPE_TEST_SECRET_KEY} ({@code sk_test_…} only).
 * </ul>
 */
final class Backend implements AutoCloseable {

  static final String DEFAULT = "emulator";

  private final ElectronicPayments payments;
  private final AutoCloseable resources;

  private Backend(ElectronicPayments payments, AutoCloseable resources) {
    this.payments = payments;
    this.resources = resources;
  }

  static Backend start(String mode, PrintStream out) {
    ReceiptDelivery console = (receipt, to) -> out.printf("   [mail] receipt %s for %s sent to %s%n",
        receipt.reference(), receipt.amount().toDisplayString(), to);
    switch (mode) {
      case "fake" -> {
        out.println("Backend: the testkit's fake processor (in memory)");
        return new Backend(facade(FakePaymentProcessor.create(), console), () -> { });
      }
      case "emulator" -> {
        StripeEmulator emulator = StripeEmulator.start();
        out.println("Backend: the Stripe module → stripe-java → the Stripe emulator at " + emulator.baseUrl());
        StripePaymentProcessor stripe = StripePaymentProcessor.builder().secretKey("sk_test_emulator")
            .apiBase(emulator.baseUrl()).deadline(Duration.ofSeconds(30)).build();
        return new Backend(facade(stripe, console), emulator::close);
      }
      case "stripe" -> {
        String key = System.getenv("STRIPE_TEST_SECRET_KEY");
        if (key == null || !key.startsWith("sk_test_")) {
          throw new IllegalStateException("mode 'stripe' needs STRIPE_TEST_SECRET_KEY set to a test-mode key (sk_test_…)");
        }
        out.println("Backend: the Stripe module → Stripe test mode");
        StripePaymentProcessor stripe = StripePaymentProcessor.builder().secretKey(key).build();
        return new Backend(facade(stripe, console), () -> { });
      }
      default -> throw new IllegalArgumentException("Unknown example mode '" + mode + "'; use emulator, fake or stripe");
    }
  }

  private static ElectronicPayments facade(PaymentProcessor processor, ReceiptDelivery console) {
    ElectronicPaymentsBuilder builder = ElectronicPayments.builder().processor(processor)
        .store(InMemoryPaymentStore.create()).agency(FrontDeskExample.agency())
        .clientDirectory(FrontDeskExample.clients()).receiptDelivery(console);
    return builder.build();
  }

  ElectronicPayments payments() {
    return payments;
  }

  @Override
  public void close() throws Exception {
    payments.close();
    resources.close();
  }
}
