package org.electronicpayments.spring.boot;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.electronicpayments.security.Permission;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code electronic-payments.*} properties. Three are enough for a working application:
 *
 * <pre>{@code
 * electronic-payments.stripe.secret-key=${STRIPE_SECRET_KEY}
 * electronic-payments.stripe.webhook-secret=${STRIPE_WEBHOOK_SECRET}
 * electronic-payments.agency.name=Riverside Counseling
 * }</pre>
 *
 * @param agency the agency whose payments these are (name, address, phone, time zone)
 * @param stripe the Stripe account
 * @param deadline how long a payment may take before its outcome is reported as unknown
 * @param store where payments are journaled
 * @param receipts receipts by email
 * @param web the HTTP endpoints
 * @param reconcile the schedule that settles payments whose outcome is unknown
 * @param health the health indicator
 * @param security how an authenticated principal becomes an actor (Spring Security)
 * @param agencies more agencies served by this application (a platform serving several clinics), by
 *     agency id, each with its own connected account; see {@link ElectronicPaymentsRegistry}
 */
@ConfigurationProperties("electronic-payments")
public record ElectronicPaymentsProperties(
    @DefaultValue Agency agency,
    @DefaultValue Stripe stripe,
    @DefaultValue("90s") Duration deadline,
    @DefaultValue Store store,
    @DefaultValue Receipts receipts,
    @DefaultValue Web web,
    @DefaultValue Reconcile reconcile,
    @DefaultValue Health health,
    @DefaultValue Security security,
    @DefaultValue Map<String, MoreAgency> agencies) {

  /**
   * The agency.
   *
   * @param id the agency's id in the store (default {@code default}); keep it once payments exist
   * @param name the name printed on receipts (required)
   * @param addressLines the address printed on receipts
   * @param phone the phone number printed on receipts
   * @param timeZone the agency's time zone, for dates posted (default: the JVM's)
   */
  public record Agency(
      @DefaultValue("default") String id,
      @Nullable String name,
      @DefaultValue List<String> addressLines,
      @Nullable String phone,
      @Nullable ZoneId timeZone) {}

  /**
   * One more agency of a platform, keyed by its agency id: its own facade over the same store and
   * Stripe key, charging through its own connected account.
   *
   * @param name the name printed on receipts (required)
   * @param addressLines the address printed on receipts
   * @param phone the phone number printed on receipts
   * @param timeZone the agency's time zone (default: the JVM's)
   * @param connectedAccount the agency's connected account ({@code acct_…}), required with Stripe
   */
  public record MoreAgency(
      @Nullable String name,
      @DefaultValue List<String> addressLines,
      @Nullable String phone,
      @Nullable ZoneId timeZone,
      @Nullable String connectedAccount) {}

  /**
   * The Stripe account. The keys never appear in {@code toString}.
   *
   * @param secretKey the secret ({@code sk_…}) or restricted ({@code rk_…}) key (required)
   * @param webhookSecret the webhook endpoint's signing secret ({@code whsec_…}); without it there
   *     is no webhook endpoint
   * @param connectedAccount the agency's connected account ({@code acct_…}) under Stripe Connect
   * @param receiptEmail whether Stripe sends its own receipt to the payment's email address
   * @param apiBase Stripe's API address; change it only for an emulator
   */
  public record Stripe(
      @Nullable String secretKey,
      @Nullable String webhookSecret,
      @Nullable String connectedAccount,
      @DefaultValue("true") boolean receiptEmail,
      @Nullable String apiBase) {

    @Override
    public String toString() {
      return "Stripe[secretKey="
          + (secretKey == null ? "none" : "[redacted]")
          + ", webhookSecret="
          + (webhookSecret == null ? "none" : "[redacted]")
          + ", connectedAccount="
          + connectedAccount
          + ", receiptEmail="
          + receiptEmail
          + ", apiBase="
          + apiBase
          + "]";
    }
  }

  /**
   * The store.
   *
   * @param type {@code jdbc} (the application's {@code DataSource}) or {@code in-memory} (tests
   *     only: everything is lost when the application stops; needs the testkit)
   * @param migrate whether the JDBC store applies its Flyway migrations at start-up
   * @param schema the database schema of the JDBC store's tables (default: the connection's)
   */
  public record Store(
      @DefaultValue("jdbc") StoreType type,
      @DefaultValue("true") boolean migrate,
      @Nullable String schema) {}

  /** Where payments are journaled. */
  public enum StoreType {
    /** A {@code JdbcPaymentStore} over the application's {@code DataSource}. */
    JDBC,
    /** An {@code InMemoryPaymentStore} from the testkit; for tests and demos only. */
    IN_MEMORY
  }

  /**
   * Receipts by email, sent through the mail module with Spring's {@code spring.mail.*} server.
   *
   * @param from the sender's address (default: {@code spring.mail.username})
   * @param replyTo where replies go
   * @param tls how the SMTP connection is protected
   */
  public record Receipts(
      @Nullable String from, @Nullable String replyTo, @DefaultValue("STARTTLS") Tls tls) {}

  /** How the SMTP connection is protected. */
  public enum Tls {
    /** Plain SMTP; only for a server on this machine. */
    NONE,
    /** STARTTLS, required. */
    STARTTLS,
    /** TLS from the first byte (port 465). */
    IMPLICIT
  }

  /**
   * The HTTP endpoints (Spring MVC). They exist only in a Spring MVC application (the starter does
   * not bring Spring MVC), and each can be switched off.
   *
   * @param enabled whether any endpoint is mapped; {@code false} switches off both
   * @param path the prefix of every endpoint
   * @param api the JSON API of the New Payment window and the client portal
   * @param webhook the Stripe webhook endpoint (mapped only with a webhook secret)
   */
  public record Web(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("/electronic-payments") String path,
      @DefaultValue Endpoint api,
      @DefaultValue Endpoint webhook) {}

  /**
   * One HTTP endpoint's switch.
   *
   * @param enabled whether it is mapped
   */
  public record Endpoint(@DefaultValue("true") boolean enabled) {}

  /**
   * The reconcile schedule.
   *
   * @param enabled whether it runs
   * @param interval the time between runs
   * @param jitter at most this much is added to or taken from each interval, so nodes spread out
   * @param initialDelay the time before the first run
   */
  public record Reconcile(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("60s") Duration interval,
      @DefaultValue("10s") Duration jitter,
      @DefaultValue("30s") Duration initialDelay) {}

  /**
   * The health indicator.
   *
   * @param inDoubtThreshold DOWN when a payment's outcome has been unknown for longer than this
   */
  public record Health(@DefaultValue("15m") Duration inDoubtThreshold) {}

  /**
   * How Spring Security's authenticated principal becomes an actor.
   *
   * @param roles permissions granted by each authority, such as {@code ROLE_FRONT_DESK:
   *     PROCESS_ELECTRONIC_PAYMENTS,VIEW_PAYMENTS}; an authority named like a permission grants it
   *     too
   * @param clientAuthority the authority of a client signed in to the portal, whose principal name
   *     is the client id
   */
  public record Security(
      @DefaultValue Map<String, Set<Permission>> roles,
      @DefaultValue("ROLE_PAYMENTS_CLIENT") String clientAuthority) {}
}
