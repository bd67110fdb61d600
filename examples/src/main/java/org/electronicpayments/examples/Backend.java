package org.electronicpayments.examples;

import java.io.PrintStream;
import org.electronicpayments.ElectronicPayments;
import org.electronicpayments.spi.ReceiptDelivery;
import org.electronicpayments.testkit.FakePaymentProcessor;
import org.electronicpayments.testkit.InMemoryPaymentStore;

/**
 * Where the example's payments go.
 * <ul>
 *   <li>{@code fake}: the testkit's in-memory fake processor; nothing leaves the JVM.
 * </ul>
 */
final class Backend implements AutoCloseable {

  static final String DEFAULT = "fake";

  private final ElectronicPayments payments;
  private final AutoCloseable resources;

  private Backend(ElectronicPayments payments, AutoCloseable resources) {
    this.payments = payments;
    this.resources = resources;
  }

  static Backend start(String mode, PrintStream out) {
    ReceiptDelivery console = (receipt, to) -> out.printf("   [mail] receipt %s for %s sent to %s%n",
        receipt.reference(), receipt.amount().toDisplayString(), to);
    if (!mode.equals("fake")) {
      throw new IllegalArgumentException("Unknown example mode '" + mode + "'; use fake");
    }
    out.println("Backend: the testkit's fake processor (in memory)");
    ElectronicPayments payments = ElectronicPayments.builder().processor(FakePaymentProcessor.create())
        .store(InMemoryPaymentStore.create()).agency(FrontDeskExample.agency()).clientDirectory(FrontDeskExample.clients())
        .receiptDelivery(console).build();
    return new Backend(payments, () -> { });
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
