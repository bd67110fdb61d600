package org.electronicpayments.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.electronicpayments.ClientId;
import org.electronicpayments.StaffId;
import org.electronicpayments.security.Actor;
import org.electronicpayments.security.Permission;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;

class SpringSecurityActorResolverTest {

  private final SpringSecurityActorResolver resolver =
      new SpringSecurityActorResolver(
          Map.of(
              "ROLE_FRONT_DESK",
              Set.of(Permission.PROCESS_ELECTRONIC_PAYMENTS, Permission.VIEW_PAYMENTS)),
          "ROLE_PAYMENTS_CLIENT");

  @Test
  void staffGetThePermissionsTheirAuthoritiesMapTo() {
    Actor actor =
        resolver.resolve(
            UsernamePasswordAuthenticationToken.authenticated(
                "s-17",
                null,
                AuthorityUtils.createAuthorityList(
                    "ROLE_FRONT_DESK", "ROLE_REFUND", "ROLE_UNRELATED")));

    assertThat(actor).isInstanceOf(Actor.Staff.class);
    Actor.Staff staff = (Actor.Staff) actor;
    assertThat(staff.id()).isEqualTo(StaffId.of("s-17"));
    assertThat(staff.has(Permission.PROCESS_ELECTRONIC_PAYMENTS)).isTrue();
    assertThat(staff.has(Permission.REFUND)).isTrue(); // named like the permission
    assertThat(staff.has(Permission.POST_PAYMENTS)).isFalse();
  }

  @Test
  void aPortalUserWithTheClientAuthorityIsThatClient() {
    assertThat(
            resolver.resolve(
                UsernamePasswordAuthenticationToken.authenticated(
                    "1000", null, AuthorityUtils.createAuthorityList("ROLE_PAYMENTS_CLIENT"))))
        .isEqualTo(Actor.client(ClientId.of("1000")));
  }

  @Test
  void nobodyIsResolvedWithoutAnAuthenticatedPrincipal() {
    assertThat(resolver.resolve(null)).isNull();
    assertThat(resolver.resolve(UsernamePasswordAuthenticationToken.unauthenticated("s-17", "pw")))
        .isNull();
    assertThat(
            resolver.resolve(
                new AnonymousAuthenticationToken(
                    "key", "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"))))
        .isNull();
    assertThat(resolver.resolve(() -> "plain-principal")).isNull();
  }
}
