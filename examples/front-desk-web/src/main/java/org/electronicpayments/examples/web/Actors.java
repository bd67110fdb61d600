package org.electronicpayments.examples.web;

import java.security.Principal;
import org.electronicpayments.security.Actor;
import org.electronicpayments.spring.boot.ActorResolver;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/** The pages' way to the signed-in {@link Actor}: the same resolver the starter's JSON API asks. */
@Component
public class Actors {

  private final ActorResolver resolver;

  /**
   * Uses the application's resolver.
   *
   * @param resolver maps a principal to an actor
   */
  public Actors(ActorResolver resolver) {
    this.resolver = resolver;
  }

  /**
   * The actor of a request.
   *
   * @param principal the signed-in user
   * @return the actor
   * @throws ResponseStatusException 401 when nobody known is signed in
   */
  public Actor of(@Nullable Principal principal) {
    Actor actor = resolver.resolve(principal);
    if (actor == null) {
      throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Sign in first");
    }
    return actor;
  }

  /**
   * The staff member of a request.
   *
   * @param principal the signed-in user
   * @return the staff actor
   * @throws ResponseStatusException 403 for a client or representative
   */
  public Actor.Staff staff(@Nullable Principal principal) {
    if (of(principal) instanceof Actor.Staff staff) {
      return staff;
    }
    throw new ResponseStatusException(HttpStatus.FORBIDDEN, "These pages are for staff");
  }
}
