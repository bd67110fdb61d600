package org.electronicpayments.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import java.security.Principal;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.electronicpayments.AgencyDetails;
import org.electronicpayments.AgencyId;
import org.electronicpayments.ClientId;
import org.electronicpayments.ElectronicPayments;
import org.electronicpayments.PaymentResult;
import org.electronicpayments.PaymentStatus;
import org.electronicpayments.StaffId;
import org.electronicpayments.jdbc.JdbcPaymentStore;
import org.electronicpayments.mail.SmtpReceiptDelivery;
import org.electronicpayments.security.AccessPolicy;
import org.electronicpayments.security.Actor;
import org.electronicpayments.security.Role;
import org.electronicpayments.spi.PaymentProcessor;
import org.electronicpayments.spi.PaymentStore;
import org.electronicpayments.spi.ReceiptDelivery;
import org.electronicpayments.stripe.StripePaymentProcessor;
import org.electronicpayments.stripe.StripeWebhooks;
import org.electronicpayments.testkit.FakePaymentProcessor;
import org.electronicpayments.testkit.InMemoryPaymentStore;
import org.electronicpayments.testkit.RecordingReceiptDelivery;
import org.electronicpayments.testkit.SamplePayments;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.security.core.Authentication;

/** The auto-configuration, one condition at a time. */
class ElectronicPaymentsAutoConfigurationTest {

  static final String[] THREE_PROPERTIES = {
    "electronic-payments.stripe.secret-key=sk_test_starter_secret",
    "electronic-payments.stripe.webhook-secret=whsec_starter_secret",
    "electronic-payments.agency.name=Riverside Counseling"
  };

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  DataSourceAutoConfiguration.class,
                  ElectronicPaymentsAutoConfiguration.class,
                  ElectronicPaymentsHealthAutoConfiguration.class))
          .withPropertyValues("spring.datasource.generate-unique-name=true");

  @Test
  void threePropertiesGiveTheFacadeOverStripeAndTheApplicationsDatabase() {
    runner
        .withPropertyValues(THREE_PROPERTIES)
        .run(
            context -> {
              assertThat(context)
                  .hasNotFailed()
                  .hasSingleBean(ElectronicPayments.class)
                  .hasSingleBean(StripePaymentProcessor.class)
                  .hasSingleBean(JdbcPaymentStore.class)
                  .hasSingleBean(StripeWebhooks.class)
                  .hasSingleBean(ReconcileSchedule.class)
                  .hasSingleBean(SpringSecurityActorResolver.class)
                  .hasBean("electronicPaymentsHealthIndicator")
                  .doesNotHaveBean(ReceiptDelivery.class);
              assertThat(context.getBean(AgencyDetails.class).name())
                  .isEqualTo("Riverside Counseling");
              assertThat(context.getBean(AgencyDetails.class).id())
                  .isEqualTo(AgencyId.of("default"));
              assertThat(context.getBean(AccessPolicy.class)).isSameAs(AccessPolicy.standard());
              assertThat(context.getBean(ReconcileSchedule.class).isRunning()).isTrue();
            });
  }

  @Test
  void theAgencyComesFromItsProperties() {
    runner
        .withPropertyValues(THREE_PROPERTIES)
        .withPropertyValues(
            "electronic-payments.agency.id=riverside",
            "electronic-payments.agency.address-lines=12 Main St,Springfield IL 62701",
            "electronic-payments.agency.phone=(555) 010-2000",
            "electronic-payments.agency.time-zone=America/Chicago")
        .run(
            context ->
                assertThat(context.getBean(AgencyDetails.class))
                    .isEqualTo(
                        new AgencyDetails(
                            AgencyId.of("riverside"),
                            "Riverside Counseling",
                            List.of("12 Main St", "Springfield IL 62701"),
                            "(555) 010-2000",
                            ZoneId.of("America/Chicago"))));
  }

  @Test
  void aMissingAgencyNameFailsStartupNamingTheProperty() {
    runner
        .withPropertyValues(THREE_PROPERTIES[0], THREE_PROPERTIES[1])
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("electronic-payments.agency.name"));
  }

  @Test
  void aMissingSecretKeyFailsStartupNamingTheProperty() {
    runner
        .withPropertyValues(THREE_PROPERTIES[1], THREE_PROPERTIES[2])
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("electronic-payments.stripe.secret-key"));
  }

  @Test
  void withoutADataSourceStartupSaysHowToGetAStore() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ElectronicPaymentsAutoConfiguration.class))
        .withPropertyValues(THREE_PROPERTIES)
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("spring.datasource")
                    .hasMessageContaining("electronic-payments.store.type=in-memory"));
  }

  @Test
  void theInMemoryStoreOnlyWhenChosenAndThenNoDatabaseIsNeeded() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ElectronicPaymentsAutoConfiguration.class))
        .withPropertyValues(THREE_PROPERTIES)
        .withPropertyValues("electronic-payments.store.type=in-memory")
        .run(
            context ->
                assertThat(context)
                    .hasNotFailed()
                    .hasSingleBean(InMemoryPaymentStore.class)
                    .doesNotHaveBean(JdbcPaymentStore.class));
  }

  @Test
  void withoutAWebhookSecretThereIsNoWebhookReceiver() {
    runner
        .withPropertyValues(THREE_PROPERTIES[0], THREE_PROPERTIES[2])
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(StripeWebhooks.class));
  }

  @Test
  void theReconcileScheduleIsOffByProperty() {
    runner
        .withPropertyValues(THREE_PROPERTIES)
        .withPropertyValues("electronic-payments.reconcile.enabled=false")
        .run(
            context -> assertThat(context).hasNotFailed().doesNotHaveBean(ReconcileSchedule.class));
  }

  @Test
  void aJitterAsLongAsTheIntervalIsRefusedNamingTheProperty() {
    runner
        .withPropertyValues(THREE_PROPERTIES)
        .withPropertyValues(
            "electronic-payments.reconcile.interval=10s",
            "electronic-payments.reconcile.jitter=10s")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("electronic-payments.reconcile.jitter"));
  }

  @Test
  void aDeadlineBeyondTheFacadesLimitFailsStartup() {
    runner
        .withPropertyValues(THREE_PROPERTIES)
        .withPropertyValues("electronic-payments.deadline=11m")
        .run(
            context ->
                assertThat(context).getFailure().rootCause().hasMessageContaining("deadline"));
  }

  @Test
  void theApplicationsOwnBeansWin() {
    FakePaymentProcessor fake = FakePaymentProcessor.create();
    InMemoryPaymentStore store = InMemoryPaymentStore.create();
    AgencyDetails agency =
        new AgencyDetails(AgencyId.of("own"), "Own Agency", List.of(), null, ZoneId.of("UTC"));
    AccessPolicy policy =
        (actor, permission, client) -> org.electronicpayments.security.AccessDecision.allow("own");
    ActorResolver actors = principal -> Actor.system("own");
    runner
        .withPropertyValues(THREE_PROPERTIES[1])
        .withBean(PaymentProcessor.class, () -> fake)
        .withBean(PaymentStore.class, () -> store)
        .withBean(AgencyDetails.class, () -> agency)
        .withBean(AccessPolicy.class, () -> policy)
        .withBean(ActorResolver.class, () -> actors)
        .run(
            context -> {
              assertThat(context)
                  .hasNotFailed()
                  .doesNotHaveBean(StripePaymentProcessor.class)
                  .doesNotHaveBean(JdbcPaymentStore.class)
                  .doesNotHaveBean(SpringSecurityActorResolver.class);
              assertThat(context.getBean(AccessPolicy.class)).isSameAs(policy);
              assertThat(context.getBean(ActorResolver.class)).isSameAs(actors);
              ElectronicPayments payments = context.getBean(ElectronicPayments.class);
              PaymentResult result =
                  payments.process(
                      Actor.staff(StaffId.of("s-1"), Set.of(Role.allPermissions("All"))),
                      SamplePayments.cardPayment(
                              agency.id(), ClientId.of("1000"), "OWN-1", java.time.Instant.now())
                          .request()
                          .withDatePosted(java.time.LocalDate.now()));
              assertThat(result.status()).isEqualTo(PaymentStatus.SUCCEEDED);
              assertThat(fake.charges()).hasSize(1);
              assertThat(store.find(result.payment().id())).isPresent();
              assertThat(result.payment().agencyId()).isEqualTo(AgencyId.of("own"));
            });
  }

  @Test
  void theApplicationsOwnFacadeAndWebhookReceiverWin() {
    ElectronicPayments own =
        ElectronicPayments.builder()
            .processor(FakePaymentProcessor.create())
            .store(InMemoryPaymentStore.create())
            .agency(new AgencyDetails(AgencyId.of("own"), "Own", List.of(), null, ZoneId.of("UTC")))
            .build();
    runner
        .withPropertyValues(THREE_PROPERTIES)
        .withPropertyValues("electronic-payments.store.type=in-memory")
        .withBean("ownFacade", ElectronicPayments.class, () -> own)
        .withBean(
            "ownWebhooks",
            StripeWebhooks.class,
            () -> StripeWebhooks.builder().secret("whsec_own").payments(own).build())
        .run(
            context -> {
              assertThat(context)
                  .hasNotFailed()
                  .hasSingleBean(ElectronicPayments.class)
                  .hasBean("ownFacade")
                  .hasSingleBean(StripeWebhooks.class)
                  .hasBean("ownWebhooks");
              assertThat(context.getBean(ElectronicPayments.class)).isSameAs(own);
            });
  }

  @Test
  void receiptsGoBySmtpWhenSpringMailNamesAServer() {
    runner
        .withPropertyValues(THREE_PROPERTIES)
        .withPropertyValues(
            "spring.mail.host=smtp.example.org",
            "spring.mail.port=2525",
            "spring.mail.username=receipts@example.org",
            "spring.mail.password=smtp-secret-1")
        .run(
            context -> {
              assertThat(context).hasNotFailed().hasSingleBean(SmtpReceiptDelivery.class);
              assertThat(context.getBean(SmtpReceiptDelivery.class).toString())
                  .contains("smtp.example.org")
                  .contains("2525")
                  .doesNotContain("smtp-secret-1");
            });
  }

  @Test
  void withoutASenderAddressReceiptsBySmtpFailStartupNamingTheProperty() {
    runner
        .withPropertyValues(THREE_PROPERTIES)
        .withPropertyValues("spring.mail.host=smtp.example.org")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("electronic-payments.receipts.from"));
  }

  @Test
  void theApplicationsOwnReceiptDeliveryWinsOverSmtp() {
    RecordingReceiptDelivery own = RecordingReceiptDelivery.create();
    runner
        .withPropertyValues(THREE_PROPERTIES)
        .withPropertyValues(
            "spring.mail.host=smtp.example.org",
            "electronic-payments.receipts.from=receipts@example.org")
        .withBean(ReceiptDelivery.class, () -> own)
        .run(
            context ->
                assertThat(context).hasNotFailed().doesNotHaveBean(SmtpReceiptDelivery.class));
  }

  @Test
  void withoutSpringSecurityNobodyIsSignedIn() {
    runner
        .withClassLoader(new FilteredClassLoader(Authentication.class))
        .withPropertyValues(THREE_PROPERTIES)
        .run(
            context -> {
              assertThat(context).hasNotFailed().doesNotHaveBean(SpringSecurityActorResolver.class);
              Principal someone = () -> "someone";
              assertThat(context.getBean(ActorResolver.class).resolve(someone)).isNull();
            });
  }

  @Test
  void theKeysNeverAppearInThePropertiesToString() {
    runner
        .withPropertyValues(THREE_PROPERTIES)
        .run(
            context ->
                assertThat(context.getBean(ElectronicPaymentsProperties.class).toString())
                    .doesNotContain("sk_test_starter_secret")
                    .doesNotContain("whsec_starter_secret"));
  }

  @Test
  void withAMeterRegistryPaymentsAreMeasured() {
    runner
        .withPropertyValues(THREE_PROPERTIES)
        .withConfiguration(AutoConfigurations.of(ElectronicPaymentsMetricsAutoConfiguration.class))
        .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
        .run(
            context -> {
              assertThat(context).hasNotFailed().hasSingleBean(MicrometerPaymentEvents.class);
              MeterRegistry meters = context.getBean(MeterRegistry.class);
              assertThat(meters.get("electronic.payments.in.doubt").gauge().value()).isZero();
              assertThat(meters.get("electronic.payments.unsaved").gauge().value()).isZero();
            });
  }

  @Test
  void eachProcessorCallIsAnObservationThatTracingBridgesTurnIntoASpan() {
    List<String> observed = new java.util.concurrent.CopyOnWriteArrayList<>();
    ObservationRegistry observations = ObservationRegistry.create();
    observations
        .observationConfig()
        .observationHandler(
            new ObservationHandler<Observation.Context>() {
              @Override
              public void onStop(Observation.Context context) {
                observed.add(
                    context.getName()
                        + " "
                        + context.getLowCardinalityKeyValue("operation").getValue());
              }

              @Override
              public boolean supportsContext(Observation.Context context) {
                return true;
              }
            });
    FakePaymentProcessor fake = FakePaymentProcessor.create();
    runner
        .withPropertyValues(THREE_PROPERTIES)
        .withPropertyValues("electronic-payments.store.type=in-memory")
        .withConfiguration(AutoConfigurations.of(ElectronicPaymentsMetricsAutoConfiguration.class))
        .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
        .withBean(ObservationRegistry.class, () -> observations)
        .withBean(PaymentProcessor.class, () -> fake)
        .run(
            context -> {
              PaymentResult result =
                  context
                      .getBean(ElectronicPayments.class)
                      .process(
                          Actor.staff(StaffId.of("s-1"), Set.of(Role.allPermissions("All"))),
                          SamplePayments.cardPayment(
                                  AgencyId.of("default"),
                                  ClientId.of("1000"),
                                  "OBS-1",
                                  java.time.Instant.now())
                              .request()
                              .withDatePosted(java.time.LocalDate.now()));
              assertThat(result.status()).isEqualTo(PaymentStatus.SUCCEEDED);
              assertThat(observed).contains("electronic.payments.processor.call confirm");
              MeterRegistry meters = context.getBean(MeterRegistry.class);
              assertThat(
                      meters
                          .get("electronic.payments.processor.calls")
                          .tag("operation", "confirm")
                          .timer()
                          .count())
                  .isEqualTo(1);
              assertThat(
                      meters
                          .get("electronic.payments.outcomes")
                          .tag("outcome", "SUCCEEDED")
                          .tag("origin", "APPOINTMENTS")
                          .counter()
                          .count())
                  .isEqualTo(1.0);
            });
  }

  @Test
  void withoutAMeterRegistryNothingIsMeasured() {
    runner
        .withPropertyValues(THREE_PROPERTIES)
        .withConfiguration(AutoConfigurations.of(ElectronicPaymentsMetricsAutoConfiguration.class))
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(PaymentEvents.class));
  }

  @Test
  void withoutActuatorsHealthThereIsNoHealthIndicator() {
    runner
        .withClassLoader(new FilteredClassLoader(HealthIndicator.class))
        .withPropertyValues(THREE_PROPERTIES)
        .run(
            context ->
                assertThat(context)
                    .hasNotFailed()
                    .doesNotHaveBean("electronicPaymentsHealthIndicator"));
  }
}
