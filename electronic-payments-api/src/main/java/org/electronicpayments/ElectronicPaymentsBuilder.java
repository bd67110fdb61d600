package org.electronicpayments;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import org.electronicpayments.security.AccessPolicy;
import org.electronicpayments.spi.AuditSink;
import org.electronicpayments.spi.ClientDirectory;
import org.electronicpayments.spi.PaymentProcessor;
import org.electronicpayments.spi.PaymentStore;
import org.electronicpayments.spi.ReceiptDelivery;
import org.electronicpayments.spi.StaffPermissions;
import org.jspecify.annotations.Nullable;

/**
 * Configures {@link ElectronicPayments}. Processor, store and agency are required; everything else
 * has a safe default. {@link #build()} checks the settings and copies them.
 */
public final class ElectronicPaymentsBuilder {

  /** The consent wording version recorded when the host sets none. */
  public static final String DEFAULT_CONSENT_WORDING_VERSION = "1";

  /** How long {@code process} waits for the processor by default. */
  public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(90);

  /**
   * How much longer than the deadline a payment may stay PROCESSING before reconcile takes it over.
   */
  public static final Duration DEFAULT_LEASE_MARGIN = Duration.ofSeconds(30);

  /** The longest deadline accepted. */
  public static final Duration MAX_DEADLINE = Duration.ofMinutes(10);

  @Nullable PaymentProcessor processor;
  @Nullable PaymentStore store;
  @Nullable AgencyDetails agency;
  AccessPolicy accessPolicy = AccessPolicy.standard();
  @Nullable StaffPermissions staffPermissions;
  AuditSink auditSink = AuditSink.logging();
  @Nullable ReceiptDelivery receiptDelivery;
  @Nullable Boolean processorReceipts;
  ClientDirectory clientDirectory = ClientDirectory.none();
  Clock clock = Clock.systemUTC();
  String consentWordingVersion = DEFAULT_CONSENT_WORDING_VERSION;
  PortalPosting portalPosting = PortalPosting.STAFF_SAVES;
  Duration deadline = DEFAULT_DEADLINE;
  @Nullable Duration lease;
  @Nullable ExecutorService executor;
  Supplier<PaymentId> paymentIds = PaymentId::generate;

  ElectronicPaymentsBuilder() {}

  /**
   * Sets the processor that charges cards (required).
   *
   * @param processor charges cards, such as {@code StripePaymentProcessor}
   * @return this builder
   */
  public ElectronicPaymentsBuilder processor(PaymentProcessor processor) {
    this.processor = Objects.requireNonNull(processor, "processor");
    return this;
  }

  /**
   * Sets the payment journal (required).
   *
   * @param store the payment journal
   * @return this builder
   */
  public ElectronicPaymentsBuilder store(PaymentStore store) {
    this.store = Objects.requireNonNull(store, "store");
    return this;
  }

  /**
   * Sets the agency taking payments (required).
   *
   * @param agency the agency's id, name and time zone
   * @return this builder
   */
  public ElectronicPaymentsBuilder agency(AgencyDetails agency) {
    this.agency = Objects.requireNonNull(agency, "agency");
    return this;
  }

  /**
   * Sets who may do what (default {@link AccessPolicy#standard()}).
   *
   * @param policy the access policy
   * @return this builder
   */
  public ElectronicPaymentsBuilder accessPolicy(AccessPolicy policy) {
    this.accessPolicy = Objects.requireNonNull(policy, "accessPolicy");
    return this;
  }

  /**
   * Where staff members' permissions come from: a role directory ({@code
   * org.electronicpayments.roles.InMemoryRoleDirectory}, the JDBC module's {@code
   * JdbcRoleDirectory}) or the host's own role system. Asked on every operation a staff member
   * attempts, so a revoked permission is refused from the very next one; the roles an {@code
   * Actor.Staff} carries are then ignored. Default: none, staff are judged by the roles their
   * {@code Actor} carries.
   *
   * <pre>{@code
   * InMemoryRoleDirectory roles = InMemoryRoleDirectory.builder().auditSink(audit).build();
   * roles.setUp(StaffId.of("s-1"));   // s-1 is the agency's Champion
   * ElectronicPayments payments = ElectronicPayments.builder()
   *     .processor(stripe).store(store).agency(agency).auditSink(audit)
   *     .staffPermissions(roles)
   *     .build();
   * }</pre>
   *
   * @param source the staff members' permissions
   * @return this builder
   */
  public ElectronicPaymentsBuilder staffPermissions(StaffPermissions source) {
    this.staffPermissions = Objects.requireNonNull(source, "staffPermissions");
    return this;
  }

  /**
   * Sets where the audit trail goes (default {@link AuditSink#logging()}: every decision at INFO on
   * the logger {@code org.electronicpayments.audit}).
   *
   * @param sink the audit trail
   * @return this builder
   */
  public ElectronicPaymentsBuilder auditSink(AuditSink sink) {
    this.auditSink = Objects.requireNonNull(sink, "auditSink");
    return this;
  }

  /**
   * Sets what sends emailed receipts (default: none; emailing a receipt then fails clearly).
   *
   * @param delivery sends emailed receipts
   * @return this builder
   */
  public ElectronicPaymentsBuilder receiptDelivery(ReceiptDelivery delivery) {
    this.receiptDelivery = Objects.requireNonNull(delivery, "receiptDelivery");
    return this;
  }

  /**
   * Whether the processor emails its own receipt (Stripe's {@code receipt_email}) to the payment's
   * Email Receipt To when it charges a card. Default: only when no {@link #receiptDelivery} is set,
   * so that a client whose receipt the SDK emails does not get a second one from the processor.
   *
   * @param on true to have the processor send its receipt as well, false never
   * @return this builder
   */
  public ElectronicPaymentsBuilder processorReceipts(boolean on) {
    this.processorReceipts = on;
    return this;
  }

  /** Whether the processor emails its own receipts, with the default applied. */
  boolean processorSendsReceipts() {
    return processorReceipts != null ? processorReceipts : receiptDelivery == null;
  }

  /**
   * Sets the host's client files (default: a directory that knows nobody).
   *
   * @param directory the host's client files
   * @return this builder
   */
  public ElectronicPaymentsBuilder clientDirectory(ClientDirectory directory) {
    this.clientDirectory = Objects.requireNonNull(directory, "clientDirectory");
    return this;
  }

  /**
   * Sets the version of the agency's consent wording: the text shown or read to a client before a
   * card is kept on file. Every saved card records the version in force when consent was given
   * ({@link CardConsent#wordingVersion()}); change it whenever the wording changes.
   *
   * @param version the version, such as {@code 2026-01}; 1 to 64 characters
   * @return this builder
   */
  public ElectronicPaymentsBuilder consentWordingVersion(String version) {
    Objects.requireNonNull(version, "version");
    if (version.isBlank() || version.strip().length() > 64) {
      throw new IllegalArgumentException("the consent wording version must be 1 to 64 characters");
    }
    this.consentWordingVersion = version.strip();
    return this;
  }

  /**
   * Sets whether payments clients and representatives make in the portal are saved to the ledger at
   * once ({@link PortalPosting#AUTOMATIC}) or wait for staff ({@link PortalPosting#STAFF_SAVES},
   * the default).
   *
   * @param posting the agency's choice
   * @return this builder
   */
  public ElectronicPaymentsBuilder portalPosting(PortalPosting posting) {
    this.portalPosting = Objects.requireNonNull(posting, "posting");
    return this;
  }

  /**
   * Sets the clock that stamps payments and audit events (default: system UTC).
   *
   * @param clock the clock
   * @return this builder
   */
  public ElectronicPaymentsBuilder clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /**
   * How long {@code process} waits for the processor before answering in doubt.
   *
   * @param deadline more than zero, at most ten minutes (default 90 s)
   * @return this builder
   */
  public ElectronicPaymentsBuilder deadline(Duration deadline) {
    Objects.requireNonNull(deadline, "deadline");
    if (deadline.isNegative() || deadline.isZero() || deadline.compareTo(MAX_DEADLINE) > 0) {
      throw new IllegalArgumentException(
          "deadline must be more than 0 and at most " + MAX_DEADLINE);
    }
    this.deadline = deadline;
    return this;
  }

  /**
   * How long a payment may stay PENDING or PROCESSING before {@code reconcile} or a resubmission
   * takes it over (its owner presumably died).
   *
   * @param lease at least the deadline (default deadline + 30 s)
   * @return this builder
   */
  public ElectronicPaymentsBuilder lease(Duration lease) {
    this.lease = Objects.requireNonNull(lease, "lease");
    return this;
  }

  /**
   * The threads processor calls run on (default: an internal pool of daemon threads, shut down by
   * {@link ElectronicPayments#close()}). A given executor is not shut down by the facade. It runs
   * processor calls only, never a task that waits for another of its tasks, so a pool of any size
   * works: {@link ElectronicPayments#processAsync} waits on the facade's own daemon threads.
   *
   * @param executor the executor
   * @return this builder
   */
  public ElectronicPaymentsBuilder executor(ExecutorService executor) {
    this.executor = Objects.requireNonNull(executor, "executor");
    return this;
  }

  /**
   * How the id of each new payment is made (default {@link PaymentId#generate()}, random). A test
   * that replays a seeded schedule passes a seeded supplier, so that the same seed makes the same
   * ids, keys and order of payments. Each id must be new: a supplier that repeats one makes {@code
   * process} fail.
   *
   * <pre>{@code
   * Random random = new Random(seed);
   * builder.paymentIds(() -> PaymentId.of("pay_" + Long.toUnsignedString(random.nextLong(), 36)));
   * }</pre>
   *
   * @param ids makes payment ids; called once per new payment, from any thread
   * @return this builder
   */
  public ElectronicPaymentsBuilder paymentIds(Supplier<PaymentId> ids) {
    this.paymentIds = Objects.requireNonNull(ids, "paymentIds");
    return this;
  }

  /**
   * The access policy the facade uses: the one set, resolving staff through the permission source
   * if set.
   */
  AccessPolicy effectiveAccessPolicy() {
    return staffPermissions == null
        ? accessPolicy
        : accessPolicy.resolvingStaffThrough(staffPermissions);
  }

  /**
   * Checks the settings and builds the facade.
   *
   * @return the facade
   * @throws IllegalStateException naming the first missing or inconsistent setting
   */
  public ElectronicPayments build() {
    if (processor == null) {
      throw new IllegalStateException(
          "processor is required: a PaymentProcessor such as StripePaymentProcessor");
    }
    if (store == null) {
      throw new IllegalStateException("store is required: a PaymentStore");
    }
    if (agency == null) {
      throw new IllegalStateException(
          "agency is required: AgencyDetails with the agency's id, name and zone");
    }
    if (lease != null && lease.compareTo(deadline) < 0) {
      throw new IllegalStateException(
          "lease (" + lease + ") must be at least the deadline (" + deadline + ")");
    }
    return new ElectronicPayments(this);
  }
}
