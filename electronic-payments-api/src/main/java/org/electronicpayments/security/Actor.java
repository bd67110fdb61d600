package org.electronicpayments.security;

import java.util.Objects;
import java.util.Set;
import org.electronicpayments.ClientId;
import org.electronicpayments.RepresentativeId;
import org.electronicpayments.StaffId;

/**
 * Who is acting: agency staff with roles, a client in the portal, a client's representative, or the
 * host's own background job (reconciliation, webhooks).
 *
 * <pre>{@code
 * Actor desk = Actor.staff(StaffId.of("s-17"), Set.of(frontDesk));
 * Actor fromDirectory = Actor.staff(StaffId.of("s-17")); // permissions from the role directory
 * Actor client = Actor.client(ClientId.of("1000"));
 * Actor parent = Actor.representative(RepresentativeId.of("r-5"), Set.of(ClientId.of("1000")));
 * }</pre>
 */
public sealed interface Actor {

  /**
   * A stable name for the audit trail and the payment record, such as {@code staff:s-17}.
   *
   * @return the audit name
   */
  String auditName();

  /**
   * A staff member.
   *
   * @param id the staff member
   * @param roles the roles granted
   * @return the actor
   */
  static Actor staff(StaffId id, Set<Role> roles) {
    return new Staff(id, roles);
  }

  /**
   * A staff member whose permissions come from the facade's {@link
   * org.electronicpayments.spi.StaffPermissions} (a role directory or the host's own role system),
   * not from roles the actor carries.
   *
   * @param id the staff member
   * @return the actor
   */
  static Actor staff(StaffId id) {
    return new Staff(id, Set.of());
  }

  /**
   * A client acting for themself.
   *
   * @param id the client
   * @return the actor
   */
  static Actor client(ClientId id) {
    return new Client(id);
  }

  /**
   * A representative acting for the clients they represent.
   *
   * @param id the representative
   * @param clients the clients represented
   * @return the actor
   */
  static Actor representative(RepresentativeId id, Set<ClientId> clients) {
    return new Representative(id, clients);
  }

  /**
   * The host's background job.
   *
   * @param name what it is, such as {@code reconciler}
   * @return the actor
   */
  static Actor system(String name) {
    return new SystemJob(name);
  }

  /**
   * Agency staff.
   *
   * @param id the staff member
   * @param roles the roles granted
   */
  record Staff(StaffId id, Set<Role> roles) implements Actor {
    /** Copies the roles. */
    public Staff {
      Objects.requireNonNull(id, "id");
      roles = Set.copyOf(roles);
    }

    /**
     * Whether any role grants a permission.
     *
     * @param permission the permission
     * @return true when granted
     */
    public boolean has(Permission permission) {
      return roles.stream().anyMatch(r -> r.allows(permission));
    }

    @Override
    public String auditName() {
      return "staff:" + id.value();
    }
  }

  /**
   * A client in the portal.
   *
   * @param id the client
   */
  record Client(ClientId id) implements Actor {
    /** Requires the id. */
    public Client {
      Objects.requireNonNull(id, "id");
    }

    @Override
    public String auditName() {
      return "client:" + id.value();
    }
  }

  /**
   * A client's representative.
   *
   * @param id the representative
   * @param clients the clients represented
   */
  record Representative(RepresentativeId id, Set<ClientId> clients) implements Actor {
    /** Copies the clients. */
    public Representative {
      Objects.requireNonNull(id, "id");
      clients = Set.copyOf(clients);
    }

    @Override
    public String auditName() {
      return "representative:" + id.value();
    }
  }

  /**
   * The host's background job.
   *
   * @param name what it is
   */
  record SystemJob(String name) implements Actor {
    /** Requires the name. */
    public SystemJob {
      Objects.requireNonNull(name, "name");
    }

    @Override
    public String auditName() {
      return "system:" + name;
    }
  }
}
