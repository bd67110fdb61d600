package org.electronicpayments.testkit;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.electronicpayments.AgencyDetails;
import org.electronicpayments.AgencyId;
import org.electronicpayments.ClientId;
import org.electronicpayments.ElectronicPayments;
import org.electronicpayments.ElectronicPaymentsBuilder;
import org.electronicpayments.StaffId;
import org.electronicpayments.security.Actor;
import org.electronicpayments.security.Permission;
import org.electronicpayments.security.Role;
import org.electronicpayments.spi.PaymentProcessor;

/**
 * A ready {@link ElectronicPayments} wired to the testkit's fakes, with everything a test wants to
 * look at. The {@link ElectronicPaymentsExtension} hands one to each test; it can also be made by
 * hand.
 *
 * <pre>{@code
 * try (PaymentsTestbed bed = PaymentsTestbed.create()) {
 *   PaymentResult r = bed.payments().process(bed.frontDesk(), request);
 *   assertThat(bed.processor().chargeCount()).isEqualTo(1);
 * }
 * }</pre>
 *
 * @param payments the facade
 * @param processor the fake processor behind it
 * @param store the in-memory store behind it
 * @param audit the audit trail
 * @param outbox the emailed receipts
 * @param clients the client files
 * @param clock the clock, standing at 2026-01-01T15:00:00Z
 * @param agency the agency
 */
public record PaymentsTestbed(
    ElectronicPayments payments,
    FakePaymentProcessor processor,
    InMemoryPaymentStore store,
    RecordingAuditSink audit,
    RecordingReceiptDelivery outbox,
    InMemoryClientDirectory clients,
    TestClock clock,
    AgencyDetails agency)
    implements AutoCloseable {

  /** The deadline the testbed's facade uses: short, so tests of hangs stay quick. */
  public static final Duration DEADLINE = Duration.ofSeconds(2);

  /** The agency of the testbed. */
  public static final AgencyDetails AGENCY =
      new AgencyDetails(
          AgencyId.of("agency-test"),
          "Riverside Counseling",
          List.of("12 Main St", "Springfield, IL 62701"),
          "(555) 010-2000",
          ZoneId.of("America/Chicago"));

  /** A client on file, with an email. */
  public static final ClientId CLIENT = ClientId.of("1000");

  /**
   * A testbed over the fake processor.
   *
   * @return the testbed
   */
  public static PaymentsTestbed create() {
    return create(FakePaymentProcessor.create(), b -> {});
  }

  /**
   * A testbed with extra facade settings.
   *
   * @param processor the fake processor to use
   * @param customize changes to the facade's builder, applied last
   * @return the testbed
   */
  public static PaymentsTestbed create(
      FakePaymentProcessor processor,
      java.util.function.Consumer<ElectronicPaymentsBuilder> customize) {
    return over(processor, processor, customize);
  }

  /**
   * A testbed whose facade uses another processor (such as the Stripe module on the emulator); the
   * fake is still created, unused, so {@link #processor()} is never null.
   *
   * @param processor the processor the facade uses
   * @param customize changes to the facade's builder, applied last
   * @return the testbed
   */
  public static PaymentsTestbed over(
      PaymentProcessor processor,
      java.util.function.Consumer<ElectronicPaymentsBuilder> customize) {
    return over(processor, FakePaymentProcessor.create(), customize);
  }

  private static PaymentsTestbed over(
      PaymentProcessor used,
      FakePaymentProcessor fake,
      java.util.function.Consumer<ElectronicPaymentsBuilder> customize) {
    InMemoryPaymentStore store = InMemoryPaymentStore.create();
    RecordingAuditSink audit = RecordingAuditSink.create();
    RecordingReceiptDelivery outbox = RecordingReceiptDelivery.create();
    InMemoryClientDirectory clients =
        InMemoryClientDirectory.create().add(CLIENT, "Pat Doe", "pat@example.org");
    TestClock clock = TestClock.at("2026-01-01T15:00:00Z");
    ElectronicPaymentsBuilder builder =
        ElectronicPayments.builder()
            .processor(used)
            .store(store)
            .agency(AGENCY)
            .auditSink(audit)
            .receiptDelivery(outbox)
            .clientDirectory(clients)
            .clock(clock)
            .deadline(DEADLINE);
    customize.accept(builder);
    return new PaymentsTestbed(builder.build(), fake, store, audit, outbox, clients, clock, AGENCY);
  }

  /**
   * Staff at the front desk holding every permission.
   *
   * @return the actor
   */
  public Actor frontDesk() {
    return Actor.staff(StaffId.of("desk-1"), Set.of(Role.allPermissions("Champion")));
  }

  /**
   * Staff holding only the given permissions.
   *
   * @param permissions the permissions
   * @return the actor
   */
  public Actor staffWith(Permission... permissions) {
    return Actor.staff(StaffId.of("staff-limited"), Set.of(Role.of("Limited", permissions)));
  }

  /**
   * The host's background job, for reconcile.
   *
   * @return the actor
   */
  public Actor reconciler() {
    return Actor.system("reconciler");
  }

  /** Stops the facade's worker threads. */
  @Override
  public void close() {
    payments.close();
  }
}
