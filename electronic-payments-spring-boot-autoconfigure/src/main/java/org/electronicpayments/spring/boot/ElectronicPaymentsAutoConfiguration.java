package org.electronicpayments.spring.boot;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.electronicpayments.AgencyDetails;
import org.electronicpayments.AgencyId;
import org.electronicpayments.ElectronicPayments;
import org.electronicpayments.ElectronicPaymentsBuilder;
import org.electronicpayments.jdbc.JdbcPaymentStore;
import org.electronicpayments.jdbc.JdbcPaymentStoreBuilder;
import org.electronicpayments.security.AccessPolicy;
import org.electronicpayments.spi.AuditSink;
import org.electronicpayments.spi.ClientDirectory;
import org.electronicpayments.spi.PaymentProcessor;
import org.electronicpayments.spi.PaymentStore;
import org.electronicpayments.spi.ReceiptDelivery;
import org.electronicpayments.stripe.StripePaymentProcessor;
import org.electronicpayments.stripe.StripePaymentProcessorBuilder;
import org.electronicpayments.stripe.StripeWebhooks;
import org.electronicpayments.testkit.InMemoryPaymentStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The {@link ElectronicPayments} facade from {@code electronic-payments.*} properties: the agency,
 * the Stripe processor, the store (a {@code JdbcPaymentStore} over the application's {@code
 * DataSource}, or the testkit's in-memory store when chosen explicitly), the access policy,
 * receipts by email when {@code spring.mail.host} is set, the Stripe webhook receiver and the
 * reconcile schedule. Every bean backs off when the application declares its own.
 */
@AutoConfiguration(
    afterName = {
      "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
      "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"
    })
@EnableConfigurationProperties(ElectronicPaymentsProperties.class)
@Import({MailReceiptsConfiguration.class, ActorResolverConfiguration.class})
public final class ElectronicPaymentsAutoConfiguration {

  /** Creates the configuration. */
  public ElectronicPaymentsAutoConfiguration() {}

  /**
   * The agency, from {@code electronic-payments.agency.*}.
   *
   * @param properties the properties
   * @return the agency
   */
  @Bean
  @ConditionalOnMissingBean
  public AgencyDetails electronicPaymentsAgency(ElectronicPaymentsProperties properties) {
    ElectronicPaymentsProperties.Agency a = properties.agency();
    if (a.name() == null || a.name().isBlank()) {
      throw new IllegalStateException(
          "Set electronic-payments.agency.name: the agency's name printed on receipts");
    }
    return new AgencyDetails(
        AgencyId.of(a.id()),
        a.name(),
        a.addressLines(),
        a.phone(),
        a.timeZone() == null ? ZoneId.systemDefault() : a.timeZone());
  }

  /**
   * The standard access policy.
   *
   * @return the policy
   */
  @Bean
  @ConditionalOnMissingBean
  public AccessPolicy electronicPaymentsAccessPolicy() {
    return AccessPolicy.standard();
  }

  /**
   * The facade.
   *
   * @param properties the properties
   * @param agency the agency
   * @param processor the processor
   * @param store the store
   * @param policy the access policy
   * @param audit the application's audit sink, if any
   * @param receipts the receipt delivery, if any
   * @param clients the application's client directory, if any
   * @param events what observes payments (metrics), if anything
   * @return the facade, closed with the application
   */
  @Bean
  @ConditionalOnMissingBean
  public ElectronicPayments electronicPayments(
      ElectronicPaymentsProperties properties,
      AgencyDetails agency,
      ObjectProvider<PaymentProcessor> processor,
      ObjectProvider<PaymentStore> store,
      AccessPolicy policy,
      ObjectProvider<AuditSink> audit,
      ObjectProvider<ReceiptDelivery> receipts,
      ObjectProvider<ClientDirectory> clients,
      ObjectProvider<PaymentEvents> events) {
    PaymentProcessor p = processor.getIfAvailable();
    if (p == null) {
      throw new IllegalStateException(
          "No PaymentProcessor: set electronic-payments.stripe.secret-key "
              + "(with electronic-payments-stripe on the class path) or declare a PaymentProcessor bean");
    }
    PaymentStore s = store.getIfAvailable();
    if (s == null) {
      throw new IllegalStateException(
          "No PaymentStore: give the application a DataSource (spring.datasource.*) "
              + "for the JDBC store, set electronic-payments.store.type=in-memory for tests, or declare a PaymentStore bean");
    }
    return facade(
        properties,
        agency,
        p,
        s,
        policy,
        audit,
        receipts,
        clients,
        events.getIfAvailable(() -> PaymentEvents.NONE));
  }

  /**
   * Every agency's facade: the default one and one per {@code electronic-payments.agencies.<id>}.
   *
   * @param properties the properties
   * @param agency the default agency
   * @param payments the default agency's facade
   * @param processor the application's processor
   * @param agencyProcessors makes a processor per connected account (with the Stripe module)
   * @param store the store
   * @param policy the access policy
   * @param audit the application's audit sink, if any
   * @param receipts the receipt delivery, if any
   * @param clients the application's client directory, if any
   * @param events what observes payments (metrics), if anything
   * @return the registry, closing the facades it built with the application
   */
  @Bean
  @ConditionalOnMissingBean
  public ElectronicPaymentsRegistry electronicPaymentsRegistry(
      ElectronicPaymentsProperties properties,
      AgencyDetails agency,
      ElectronicPayments payments,
      ObjectProvider<PaymentProcessor> processor,
      ObjectProvider<AgencyProcessors> agencyProcessors,
      ObjectProvider<PaymentStore> store,
      AccessPolicy policy,
      ObjectProvider<AuditSink> audit,
      ObjectProvider<ReceiptDelivery> receipts,
      ObjectProvider<ClientDirectory> clients,
      ObjectProvider<PaymentEvents> events) {
    Map<AgencyId, ElectronicPaymentsRegistry.Entry> entries = new LinkedHashMap<>();
    entries.put(
        agency.id(),
        new ElectronicPaymentsRegistry.Entry(
            agency, payments, properties.stripe().connectedAccount()));
    AgencyProcessors processors =
        agencyProcessors.getIfAvailable(() -> account -> processor.getObject());
    properties
        .agencies()
        .forEach(
            (id, more) -> {
              if (more.name() == null || more.name().isBlank()) {
                throw new IllegalStateException("Set electronic-payments.agencies." + id + ".name");
              }
              AgencyDetails details =
                  new AgencyDetails(
                      AgencyId.of(id),
                      more.name(),
                      more.addressLines(),
                      more.phone(),
                      more.timeZone() == null ? ZoneId.systemDefault() : more.timeZone());
              if (entries.containsKey(details.id())) {
                throw new IllegalStateException(
                    "electronic-payments.agencies." + id + " is the default agency again");
              }
              ElectronicPayments facade =
                  facade(
                      properties,
                      details,
                      processors.forConnectedAccount(more.connectedAccount()),
                      store.getObject(),
                      policy,
                      audit,
                      receipts,
                      clients,
                      events.getIfAvailable(() -> PaymentEvents.NONE));
              entries.put(
                  details.id(),
                  new ElectronicPaymentsRegistry.Entry(details, facade, more.connectedAccount()));
            });
    return new ElectronicPaymentsRegistry(agency.id(), entries);
  }

  private static ElectronicPayments facade(
      ElectronicPaymentsProperties properties,
      AgencyDetails agency,
      PaymentProcessor processor,
      PaymentStore store,
      AccessPolicy policy,
      ObjectProvider<AuditSink> audit,
      ObjectProvider<ReceiptDelivery> receipts,
      ObjectProvider<ClientDirectory> clients,
      PaymentEvents events) {
    ElectronicPaymentsBuilder b =
        ElectronicPayments.builder()
            .processor(new ObservedProcessor(processor, events, properties.stripe().receiptEmail()))
            .store(new AgencyScopedStore(new ObservedStore(store, events), agency.id()))
            .agency(agency)
            .accessPolicy(policy)
            .deadline(properties.deadline());
    audit.ifAvailable(b::auditSink);
    receipts.ifAvailable(b::receiptDelivery);
    clients.ifAvailable(b::clientDirectory);
    return b.build();
  }

  /**
   * The reconcile schedule.
   *
   * @param registry every agency's facade
   * @param properties the properties
   * @param events what observes runs, if anything
   * @return the schedule, started and stopped with the application
   */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnProperty(
      prefix = "electronic-payments.reconcile",
      name = "enabled",
      matchIfMissing = true)
  public ReconcileSchedule electronicPaymentsReconcileSchedule(
      ElectronicPaymentsRegistry registry,
      ElectronicPaymentsProperties properties,
      ObjectProvider<PaymentEvents> events) {
    return new ReconcileSchedule(
        registry.agencies().stream().map(registry::get).toList(),
        properties.reconcile(),
        events.getIfAvailable(() -> PaymentEvents.NONE));
  }

  /** The Stripe processor and webhook receiver. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(StripePaymentProcessor.class)
  static final class StripeConfiguration {

    @Bean
    @ConditionalOnMissingBean(PaymentProcessor.class)
    StripePaymentProcessor electronicPaymentsStripeProcessor(
        ElectronicPaymentsProperties properties) {
      ElectronicPaymentsProperties.Stripe stripe = properties.stripe();
      StripePaymentProcessorBuilder b =
          StripePaymentProcessor.builder()
              .secretKey(secretKey(stripe))
              .deadline(properties.deadline());
      if (stripe.connectedAccount() != null) {
        b.stripeAccount(stripe.connectedAccount());
      }
      if (stripe.apiBase() != null) {
        b.apiBase(stripe.apiBase());
      }
      return b.build();
    }

    @Bean
    @ConditionalOnBean(StripePaymentProcessor.class)
    AgencyProcessors electronicPaymentsAgencyProcessors(ElectronicPaymentsProperties properties) {
      return account -> {
        if (account == null) {
          throw new IllegalStateException(
              "Each of electronic-payments.agencies.* needs its connected-account");
        }
        ElectronicPaymentsProperties.Stripe stripe = properties.stripe();
        StripePaymentProcessorBuilder b =
            StripePaymentProcessor.builder()
                .secretKey(secretKey(stripe))
                .deadline(properties.deadline())
                .stripeAccount(account);
        if (stripe.apiBase() != null) {
          b.apiBase(stripe.apiBase());
        }
        return b.build();
      };
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "electronic-payments.stripe", name = "webhook-secret")
    StripeWebhooks electronicPaymentsStripeWebhooks(
        ElectronicPaymentsProperties properties, ElectronicPayments payments) {
      return StripeWebhooks.builder()
          .secret(webhookSecret(properties.stripe()))
          .payments(payments)
          .build();
    }

    /** The Stripe secret key, which every processor this configuration makes needs. */
    private static String secretKey(ElectronicPaymentsProperties.Stripe stripe) {
      String key = stripe.secretKey();
      if (key == null || key.isBlank()) {
        throw new IllegalStateException(
            "Set electronic-payments.stripe.secret-key: the Stripe secret (sk_…) "
                + "or restricted (rk_…) key");
      }
      return key;
    }
  }

  /**
   * The webhook signing secret, which every webhook receiver needs.
   *
   * @throws IllegalStateException naming the setting when it is missing
   */
  static String webhookSecret(ElectronicPaymentsProperties.Stripe stripe) {
    String secret = stripe.webhookSecret();
    if (secret == null) {
      throw new IllegalStateException(
          "Set electronic-payments.stripe.webhook-secret: the webhook signing secret "
              + "(whsec_…)");
    }
    return secret;
  }

  /** The JDBC store over the application's DataSource. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(JdbcPaymentStore.class)
  @ConditionalOnProperty(
      prefix = "electronic-payments.store",
      name = "type",
      havingValue = "jdbc",
      matchIfMissing = true)
  static final class JdbcStoreConfiguration {

    @Bean
    @ConditionalOnMissingBean(PaymentStore.class)
    JdbcPaymentStore electronicPaymentsJdbcStore(
        ElectronicPaymentsProperties properties, ObjectProvider<DataSource> dataSource) {
      DataSource ds = dataSource.getIfUnique();
      if (ds == null) {
        throw new IllegalStateException(
            "The JDBC payment store needs the application's DataSource "
                + "(spring.datasource.*); for tests only, set electronic-payments.store.type=in-memory");
      }
      JdbcPaymentStoreBuilder b =
          JdbcPaymentStore.builder().dataSource(ds).migrate(properties.store().migrate());
      if (properties.store().schema() != null) {
        b.schema(properties.store().schema());
      }
      return b.build();
    }
  }

  /** The testkit's in-memory store, only when chosen explicitly. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnProperty(
      prefix = "electronic-payments.store",
      name = "type",
      havingValue = "in-memory")
  static final class InMemoryStoreConfiguration {

    @Bean
    @ConditionalOnMissingBean(PaymentStore.class)
    PaymentStore electronicPaymentsInMemoryStore() {
      if (!org.springframework.util.ClassUtils.isPresent(
          "org.electronicpayments.testkit.InMemoryPaymentStore",
          InMemoryStoreConfiguration.class.getClassLoader())) {
        throw new IllegalStateException(
            "electronic-payments.store.type=in-memory needs electronic-payments-testkit "
                + "on the class path");
      }
      return InMemoryStores.create();
    }
  }

  /** Keeps the testkit's class out of the configuration's signatures. */
  static final class InMemoryStores {
    private InMemoryStores() {}

    static PaymentStore create() {
      return InMemoryPaymentStore.create();
    }
  }
}
