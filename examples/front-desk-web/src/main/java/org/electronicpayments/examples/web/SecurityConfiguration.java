package org.electronicpayments.examples.web;

import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.electronicpayments.AgencyDetails;
import org.electronicpayments.ClientId;
import org.electronicpayments.RepresentativeId;
import org.electronicpayments.StaffId;
import org.electronicpayments.jdbc.JdbcRoleStore;
import org.electronicpayments.roles.RoleDirectory;
import org.electronicpayments.security.Actor;
import org.electronicpayments.security.Permission;
import org.electronicpayments.security.Role;
import org.electronicpayments.security.StandardRoles;
import org.electronicpayments.spring.boot.ActorResolver;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may sign in and who they are to the SDK. Demo users sign in with the password {@code demo}
 * (Spring Security's form login, in memory); {@link #actorResolver} turns each into an {@link
 * Actor}: staff with the roles the Champion gave them in the {@link RoleDirectory}, a client, or a
 * representative with the clients they act for. The starter's JSON API and the pages both ask it.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

  /** The password of every demo user. */
  static final String DEMO_PASSWORD = "demo";

  /** The role a staff member without the electronic-payments permission holds. */
  static final Role RECEPTION =
      Role.of(
          "Reception",
          Permission.RECORD_PAYMENTS,
          Permission.POST_PAYMENTS,
          Permission.VIEW_PAYMENTS,
          Permission.SEND_RECEIPTS);

  /** Creates the configuration. */
  public SecurityConfiguration() {}

  /**
   * Form login for the pages; Stripe reaches the webhook endpoint without signing in (its signature
   * is its authentication); CSRF protection for every form and the JSON API.
   *
   * @param http Spring Security's builder
   * @return the filter chain
   * @throws Exception as Spring Security's builder does
   */
  @Bean
  SecurityFilterChain filterChain(HttpSecurity http) throws Exception {
    http.authorizeHttpRequests(
            a ->
                a.requestMatchers(HttpMethod.POST, "/electronic-payments/stripe/webhook")
                    .permitAll()
                    .requestMatchers("/css/**", "/js/**", "/error")
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .csrf(c -> c.ignoringRequestMatchers("/electronic-payments/stripe/webhook"))
        .formLogin(f -> f.defaultSuccessUrl("/", true))
        .logout(l -> l.logoutSuccessUrl("/login?logout"));
    return http.build();
  }

  /**
   * The demo users, one per person of the {@link Practice}.
   *
   * @param practice the practice
   * @return the users
   */
  @Bean
  InMemoryUserDetailsManager users(Practice practice) {
    List<UserDetails> users =
        practice.people().stream()
            .map(
                p ->
                    User.withUsername(p.username())
                        .password("{noop}" + DEMO_PASSWORD)
                        .roles(p.kind().toUpperCase(java.util.Locale.ROOT))
                        .build())
            .toList();
    return new InMemoryUserDetailsManager(users);
  }

  /**
   * The agency's roles, kept in the application's database next to the payments. At the first start
   * Chris is made Champion, Dana is given the standard front-desk role and Sam a reception role
   * without the electronic-payments permission; the Champion's page changes them from there.
   *
   * @param dataSource the application's database
   * @param agency the agency
   * @return the directory
   */
  @Bean
  RoleDirectory roleDirectory(DataSource dataSource, AgencyDetails agency) {
    RoleDirectory roles =
        RoleDirectory.builder()
            .agency(agency.id())
            .store(JdbcRoleStore.builder().dataSource(dataSource).migrate(true).build())
            .build();
    StaffId champion = StaffId.of("s-chris");
    if (roles.setUp(champion)) {
      Actor chris = Actor.staff(champion, Set.copyOf(roles.rolesOf(champion)));
      if (roles.role(RECEPTION.name()).isEmpty()) {
        roles.defineRole(chris, RECEPTION.name(), RECEPTION.permissions());
      }
      roles.assign(chris, StaffId.of("s-dana"), StandardRoles.FRONT_DESK.name());
      roles.assign(chris, StaffId.of("s-sam"), RECEPTION.name());
    }
    return roles;
  }

  /**
   * The actor of a signed-in user: what the starter's JSON API and the pages act as.
   *
   * @param practice the practice's people
   * @param roles the agency's roles
   * @return the resolver
   */
  @Bean
  ActorResolver actorResolver(Practice practice, RoleDirectory roles) {
    return principal -> principal == null ? null : actorOf(practice, roles, principal.getName());
  }

  /**
   * The actor of a username.
   *
   * @param practice the practice's people
   * @param roles the agency's roles
   * @param username who signed in
   * @return the actor, or null for an unknown name
   */
  static @Nullable Actor actorOf(Practice practice, RoleDirectory roles, String username) {
    Practice.Person p = practice.person(username).orElse(null);
    if (p == null) {
      return null;
    }
    return switch (p.kind()) {
      case "staff" ->
          Actor.staff(StaffId.of(p.id()), Set.copyOf(roles.rolesOf(StaffId.of(p.id()))));
      case "client" -> Actor.client(ClientId.of(p.id()));
      default -> Actor.representative(RepresentativeId.of(p.id()), Set.copyOf(p.represents()));
    };
  }
}
