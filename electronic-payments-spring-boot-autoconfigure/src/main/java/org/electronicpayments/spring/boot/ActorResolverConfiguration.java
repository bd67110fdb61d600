package org.electronicpayments.spring.boot;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;

/**
 * The default {@link ActorResolver}: Spring Security's when it is on the class path, else nobody.
 */
@Configuration(proxyBeanMethods = false)
class ActorResolverConfiguration {

  @Bean
  @ConditionalOnMissingBean(ActorResolver.class)
  ActorResolver electronicPaymentsNoActors() {
    return ActorResolver.nobody();
  }

  /** Spring Security's principal and authorities. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(Authentication.class)
  static class SpringSecurity {

    @Bean
    @ConditionalOnMissingBean(ActorResolver.class)
    SpringSecurityActorResolver electronicPaymentsSpringSecurityActors(
        ElectronicPaymentsProperties properties) {
      return new SpringSecurityActorResolver(
          properties.security().roles(), properties.security().clientAuthority());
    }
  }
}
