package org.electronicpayments.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

/** When the HTTP endpoints exist. */
class ElectronicPaymentsWebAutoConfigurationTest {

  private static final AutoConfigurations CONFIGURATIONS =
      AutoConfigurations.of(
          ElectronicPaymentsAutoConfiguration.class, ElectronicPaymentsWebAutoConfiguration.class);

  @Test
  void aSpringMvcApplicationGetsTheWebhookAndJsonEndpoints() {
    new WebApplicationContextRunner()
        .withConfiguration(CONFIGURATIONS)
        .withPropertyValues(ElectronicPaymentsAutoConfigurationTest.THREE_PROPERTIES)
        .withPropertyValues("electronic-payments.store.type=in-memory")
        .run(
            context ->
                assertThat(context)
                    .hasNotFailed()
                    .hasSingleBean(PaymentsApiEndpoint.class)
                    .hasSingleBean(StripeWebhookEndpoint.class));
  }

  @Test
  void withoutAWebhookSecretOnlyTheJsonEndpointsExist() {
    new WebApplicationContextRunner()
        .withConfiguration(CONFIGURATIONS)
        .withPropertyValues(
            ElectronicPaymentsAutoConfigurationTest.THREE_PROPERTIES[0],
            ElectronicPaymentsAutoConfigurationTest.THREE_PROPERTIES[2],
            "electronic-payments.store.type=in-memory")
        .run(
            context ->
                assertThat(context)
                    .hasNotFailed()
                    .hasSingleBean(PaymentsApiEndpoint.class)
                    .doesNotHaveBean(StripeWebhookEndpoint.class));
  }

  @Test
  void theEndpointsAreOffByProperty() {
    new WebApplicationContextRunner()
        .withConfiguration(CONFIGURATIONS)
        .withPropertyValues(ElectronicPaymentsAutoConfigurationTest.THREE_PROPERTIES)
        .withPropertyValues(
            "electronic-payments.store.type=in-memory", "electronic-payments.web.enabled=false")
        .run(
            context ->
                assertThat(context)
                    .hasNotFailed()
                    .doesNotHaveBean(PaymentsApiEndpoint.class)
                    .doesNotHaveBean(StripeWebhookEndpoint.class));
  }

  @Test
  void theJsonApiAloneIsOffByProperty() {
    new WebApplicationContextRunner()
        .withConfiguration(CONFIGURATIONS)
        .withPropertyValues(ElectronicPaymentsAutoConfigurationTest.THREE_PROPERTIES)
        .withPropertyValues(
            "electronic-payments.store.type=in-memory", "electronic-payments.web.api.enabled=false")
        .run(
            context ->
                assertThat(context)
                    .hasNotFailed()
                    .doesNotHaveBean(PaymentsApiEndpoint.class)
                    .hasSingleBean(StripeWebhookEndpoint.class));
  }

  @Test
  void theWebhookEndpointAloneIsOffByProperty() {
    new WebApplicationContextRunner()
        .withConfiguration(CONFIGURATIONS)
        .withPropertyValues(ElectronicPaymentsAutoConfigurationTest.THREE_PROPERTIES)
        .withPropertyValues(
            "electronic-payments.store.type=in-memory",
            "electronic-payments.web.webhook.enabled=false")
        .run(
            context ->
                assertThat(context)
                    .hasNotFailed()
                    .hasSingleBean(PaymentsApiEndpoint.class)
                    .doesNotHaveBean(StripeWebhookEndpoint.class));
  }

  @Test
  void anApplicationWithoutAWebServerGetsNoEndpoints() {
    new ApplicationContextRunner()
        .withConfiguration(CONFIGURATIONS)
        .withPropertyValues(ElectronicPaymentsAutoConfigurationTest.THREE_PROPERTIES)
        .withPropertyValues("electronic-payments.store.type=in-memory")
        .run(
            context ->
                assertThat(context).hasNotFailed().doesNotHaveBean(PaymentsApiEndpoint.class));
  }
}
