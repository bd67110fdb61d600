package org.electronicpayments.spring.boot;

import java.security.Principal;
import org.electronicpayments.security.Actor;
import org.jspecify.annotations.Nullable;

/**
 * Who is acting on an HTTP request: maps the request's authenticated principal to an {@link Actor}
 * (staff with roles, a client, a representative). Declare a bean to use your own users; with Spring
 * Security on the class path the default reads the principal's name and authorities ({@code
 * electronic-payments.security.*}). A {@code null} actor answers 401.
 *
 * <pre>{@code
 * @Bean
 * ActorResolver actors(StaffDirectory staff) {
 *   return principal -> principal == null ? null
 *       : Actor.staff(StaffId.of(principal.getName()), staff.rolesOf(principal.getName()));
 * }
 * }</pre>
 */
@FunctionalInterface
public interface ActorResolver {

  /**
   * The actor of a request.
   *
   * @param principal the request's authenticated principal, {@code null} when there is none
   * @return the actor, or {@code null} when the request is not authenticated
   */
  @Nullable Actor resolve(@Nullable Principal principal);

  /**
   * The resolver used without Spring Security and without a bean of the application: nobody is
   * authenticated, so the JSON endpoints answer 401 (the webhook endpoint needs no actor).
   *
   * @return the resolver
   */
  static ActorResolver nobody() {
    return principal -> null;
  }
}
