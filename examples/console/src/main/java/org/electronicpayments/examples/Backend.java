package org.electronicpayments.examples;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import org.electronicpayments.ElectronicPayments;
import org.electronicpayments.ElectronicPaymentsBuilder;
import org.electronicpayments.jdbc.JdbcPaymentStore;
import org.electronicpayments.spi.PaymentProcessor;
import org.electronicpayments.spi.PaymentStore;
import org.electronicpayments.spi.ReceiptDelivery;
import org.electronicpayments.stripe.StripePaymentProcessor;
import org.electronicpayments.testkit.FakePaymentProcessor;
import org.electronicpayments.testkit.InMemoryPaymentStore;
import org.electronicpayments.testkit.stripe.StripeEmulator;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * Where the example's payments go.
 *
 * <ul>
 *   <li>{@code emulator} (the default): the Stripe module, through stripe-java, to the testkit's
 *       Stripe emulator on 127.0.0.1. No Stripe account, no network.
 *   <li>{@code fake}: the testkit's in-memory fake processor and an in-memory ledger; nothing
 *       leaves the JVM.
 *   <li>{@code stripe}: the Stripe module against Stripe's test mode, with the key in {@code
 *       STRIPE_TEST_SECRET_KEY} ({@code sk_test_…} only).
 * </ul>
 *
 * <p>With the emulator and with Stripe, payments are journaled in an H2 database file (the JDBC
 * store), so the ledger survives a rerun.
 */
final class Backend implements AutoCloseable {

  static final String DEFAULT = "emulator";

  private final ElectronicPayments payments;
  private final Runnable resources;

  private Backend(ElectronicPayments payments, Runnable resources) {
    this.payments = payments;
    this.resources = resources;
  }

  static Backend start(String mode, PrintStream out, Path ledger) {
    if (mode.equals("fake")) {
      out.println(
          "Backend: the testkit's fake processor, with an in-memory ledger (nothing leaves the JVM)");
      return new Backend(
          facade(FakePaymentProcessor.create(), InMemoryPaymentStore.create(), console(out)),
          () -> {});
    }
    JdbcConnectionPool pool =
        JdbcConnectionPool.create("jdbc:h2:file:" + ledger.toAbsolutePath(), "sa", "");
    JdbcPaymentStore store = JdbcPaymentStore.builder().dataSource(pool).migrate(true).build();
    out.println("Ledger: H2 database " + ledger + ".mv.db");
    Backend started = start(mode, out, store);
    Runnable rest = started.resources;
    return new Backend(
        started.payments,
        () -> {
          rest.run();
          pool.dispose();
        });
  }

  private static ReceiptDelivery console(PrintStream out) {
    return (receipt, to) ->
        out.printf(
            "   [mail] receipt %s for %s sent to %s%n",
            receipt.reference(), receipt.amount().toDisplayString(), to);
  }

  private static Backend start(String mode, PrintStream out, PaymentStore store) {
    ReceiptDelivery console = console(out);
    switch (mode) {
      case "emulator" -> {
        StripeEmulator emulator = StripeEmulator.start();
        out.println(
            "Backend: the Stripe module → stripe-java → the Stripe emulator at "
                + emulator.baseUrl());
        StripePaymentProcessor stripe =
            StripePaymentProcessor.builder()
                .secretKey("sk_test_emulator")
                .apiBase(emulator.baseUrl())
                .deadline(Duration.ofSeconds(30))
                .build();
        return new Backend(facade(stripe, store, console), emulator::close);
      }
      case "stripe" -> {
        String key = System.getenv("STRIPE_TEST_SECRET_KEY");
        if (key == null || !key.startsWith("sk_test_")) {
          throw new IllegalStateException(
              "mode 'stripe' needs STRIPE_TEST_SECRET_KEY set to a test-mode key (sk_test_…)");
        }
        out.println("Backend: the Stripe module → Stripe test mode");
        StripePaymentProcessor stripe = StripePaymentProcessor.builder().secretKey(key).build();
        return new Backend(facade(stripe, store, console), () -> {});
      }
      default ->
          throw new IllegalArgumentException(
              "Unknown example mode '" + mode + "'; use emulator, fake or stripe");
    }
  }

  private static ElectronicPayments facade(
      PaymentProcessor processor, PaymentStore store, ReceiptDelivery console) {
    ElectronicPaymentsBuilder builder =
        ElectronicPayments.builder()
            .processor(processor)
            .store(store)
            .agency(FrontDeskExample.agency())
            .clientDirectory(FrontDeskExample.clients())
            .receiptDelivery(console);
    return builder.build();
  }

  ElectronicPayments payments() {
    return payments;
  }

  @Override
  public void close() {
    payments.close();
    resources.run();
  }
}
