package org.electronicpayments.spring.boot;

import java.security.Principal;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.electronicpayments.ClientId;
import org.electronicpayments.StaffId;
import org.electronicpayments.security.Actor;
import org.electronicpayments.security.Permission;
import org.electronicpayments.security.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * The default {@link ActorResolver} with Spring Security: an authenticated {@link Authentication}
 * with the client authority is that client (its name is the client id); otherwise it is staff whose
 * id is its name and whose roles are its authorities, each granting the permissions mapped to it in
 * {@code electronic-payments.security.roles} (and an authority named like a {@link Permission},
 * with or without {@code ROLE_}, grants that permission). Anonymous or unauthenticated principals
 * resolve to {@code null}.
 */
public final class SpringSecurityActorResolver implements ActorResolver {

  private static final String ROLE_PREFIX = "ROLE_";

  private final Map<String, Set<Permission>> roles;
  private final String clientAuthority;

  /**
   * Creates the resolver.
   *
   * @param roles the permissions each authority grants
   * @param clientAuthority the authority of a client in the portal
   */
  public SpringSecurityActorResolver(Map<String, Set<Permission>> roles, String clientAuthority) {
    this.roles = Map.copyOf(roles);
    this.clientAuthority = Objects.requireNonNull(clientAuthority, "clientAuthority");
  }

  @Override
  public @Nullable Actor resolve(@Nullable Principal principal) {
    if (!(principal instanceof Authentication auth)
        || !auth.isAuthenticated()
        || auth.getName() == null
        || auth.getClass().getSimpleName().equals("AnonymousAuthenticationToken")) {
      return null;
    }
    Set<Role> granted = new java.util.HashSet<>();
    boolean client = false;
    for (GrantedAuthority authority : auth.getAuthorities()) {
      String name = authority.getAuthority();
      if (name == null) {
        continue;
      }
      if (name.equals(clientAuthority)) {
        client = true;
      }
      EnumSet<Permission> permissions = EnumSet.noneOf(Permission.class);
      permissions.addAll(roles.getOrDefault(name, Set.of()));
      String bare = name.startsWith(ROLE_PREFIX) ? name.substring(ROLE_PREFIX.length()) : name;
      for (Permission p : Permission.values()) {
        if (p.name().equals(bare)) {
          permissions.add(p);
        }
      }
      if (!permissions.isEmpty()) {
        granted.add(new Role(name, permissions));
      }
    }
    if (client && granted.isEmpty()) {
      return Actor.client(ClientId.of(auth.getName()));
    }
    return Actor.staff(StaffId.of(auth.getName()), granted);
  }
}
