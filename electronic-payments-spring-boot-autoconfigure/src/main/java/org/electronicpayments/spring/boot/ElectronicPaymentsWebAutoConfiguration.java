package org.electronicpayments.spring.boot;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.electronicpayments.AgencyId;
import org.electronicpayments.ElectronicPayments;
import org.electronicpayments.stripe.StripeWebhooks;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * The HTTP endpoints, in a Spring MVC application, under {@code electronic-payments.web.path}
 * (default {@code /electronic-payments}): the Stripe webhook at {@code /stripe/webhook} (when
 * {@code electronic-payments.stripe.webhook-secret} is set) and the JSON API at {@code /api/…}
 * (answering only requests whose principal the {@link ActorResolver} maps to an actor). An
 * application opts in by being a Spring MVC application; then both are on. Off with {@code
 * electronic-payments.web.api.enabled=false}, {@code
 * electronic-payments.web.webhook.enabled=false}, or both with {@code
 * electronic-payments.web.enabled=false}.
 */
@AutoConfiguration(after = ElectronicPaymentsAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
@ConditionalOnBean(ElectronicPayments.class)
@ConditionalOnProperty(prefix = "electronic-payments.web", name = "enabled", matchIfMissing = true)
public final class ElectronicPaymentsWebAutoConfiguration {

  /** Creates the configuration. */
  public ElectronicPaymentsWebAutoConfiguration() {}

  /**
   * The JSON API.
   *
   * @param registry every agency's facade
   * @param actors who is acting
   * @return the endpoint
   */
  @Bean
  @ConditionalOnProperty(
      prefix = "electronic-payments.web.api",
      name = "enabled",
      matchIfMissing = true)
  PaymentsApiEndpoint electronicPaymentsApiEndpoint(
      ElectronicPaymentsRegistry registry, ActorResolver actors) {
    return new PaymentsApiEndpoint(registry, actors);
  }

  /** The webhook endpoint, with the Stripe module. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(StripeWebhooks.class)
  @ConditionalOnBean(StripeWebhooks.class)
  @ConditionalOnProperty(
      prefix = "electronic-payments.web.webhook",
      name = "enabled",
      matchIfMissing = true)
  static final class Webhooks {

    @Bean
    StripeWebhookEndpoint electronicPaymentsStripeWebhookEndpoint(
        StripeWebhooks webhooks,
        ElectronicPaymentsRegistry registry,
        ElectronicPaymentsProperties properties,
        ObjectProvider<PaymentEvents> events) {
      Map<AgencyId, StripeWebhooks> byAgency = new HashMap<>();
      byAgency.put(registry.defaultAgency(), webhooks);
      for (AgencyId agency : registry.agencies()) {
        if (!agency.equals(registry.defaultAgency())) {
          byAgency.put(
              agency,
              StripeWebhooks.builder()
                  .secret(ElectronicPaymentsAutoConfiguration.webhookSecret(properties.stripe()))
                  .payments(registry.get(agency))
                  .build());
        }
      }
      return new StripeWebhookEndpoint(
          account ->
              Objects.requireNonNull(
                  byAgency.get(
                      registry.forConnectedAccount(account).orElse(registry.defaultAgency())),
                  "every agency of the registry has a webhook receiver"),
          events.getIfAvailable(() -> PaymentEvents.NONE));
    }
  }
}
