package org.electronicpayments.roles;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.electronicpayments.AccessDeniedException;
import org.electronicpayments.AgencyId;
import org.electronicpayments.FieldError;
import org.electronicpayments.PaymentValidationException;
import org.electronicpayments.StaffId;
import org.electronicpayments.security.Actor;
import org.electronicpayments.security.Permission;
import org.electronicpayments.security.Role;
import org.electronicpayments.security.StandardRoles;
import org.electronicpayments.spi.AuditSink;
import org.electronicpayments.spi.RoleStore;
import org.electronicpayments.spi.StaffPermissions;

/**
 * An agency's roles, edited by its Champion: define roles, grant and revoke their permissions,
 * assign them to staff and take them back. Each edit is allowed only to staff holding {@link
 * Permission#ADMINISTER_ROLES} here; anyone else gets an {@link AccessDeniedException}. Every edit
 * and every refusal is recorded in the {@link AuditSink}, an edit with what it changed ({@link
 * AuditSink.Change}: the role's permissions or the staff member's roles, before and after). Names
 * are checked first: a blank or too long name is a {@link PaymentValidationException}.
 *
 * <p>As a {@link StaffPermissions}, given to {@code ElectronicPaymentsBuilder.staffPermissions}, it
 * tells the facade what each staff member may do, read from the store on every operation.
 *
 * <pre>{@code
 * RoleDirectory roles = RoleDirectory.builder()
 *     .agency(AgencyId.of("riverside"))
 *     .store(JdbcRoleStore.builder().dataSource(dataSource).build())   // or InMemoryRoleStore.create()
 *     .auditSink(audit)
 *     .build();
 * roles.setUp(StaffId.of("s-1"));                                    // s-1 is the Champion
 * roles.assign(Actor.staff(StaffId.of("s-1")), StaffId.of("s-17"), StandardRoles.FRONT_DESK.name());
 * }</pre>
 *
 * <p>Thread-safe; edits at once by two Champions (or two host nodes on one database) are both
 * applied. Reads are not checked: the host decides who sees its role screens.
 */
public final class RoleDirectory implements StaffPermissions {

  /** The longest role name accepted. */
  public static final int MAX_NAME_LENGTH = 64;

  /** The audit name of {@link #setUp}'s edits. */
  public static final String SET_UP_ACTOR = "system:role-setup";

  private final AgencyId agency;
  private final RoleStore store;
  private final AuditSink audit;
  private final Clock clock;

  RoleDirectory(AgencyId agency, RoleStore store, AuditSink audit, Clock clock) {
    this.agency = agency;
    this.store = store;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Starts configuring a directory.
   *
   * @return a builder
   */
  public static RoleDirectoryBuilder builder() {
    return new RoleDirectoryBuilder();
  }

  /**
   * Makes the agency ready: defines the {@link StandardRoles standard roles} it lacks and, when no
   * staff member can administer roles, assigns the Champion role to {@code champion} (granting that
   * role {@link Permission#ADMINISTER_ROLES} again if it was revoked). Run it at start-up with the
   * staff member the agency named; it changes nothing once roles are set up, and restores a
   * Champion if every one was removed or lost the permission. Edits are audited as {@value
   * #SET_UP_ACTOR}.
   *
   * @param champion the staff member to make Champion if the agency has none
   * @return true when {@code champion} was made Champion
   */
  public boolean setUp(StaffId champion) {
    Objects.requireNonNull(champion, "champion");
    for (Role role : StandardRoles.all()) {
      if (store.define(agency, role)) {
        recordChange(
            SET_UP_ACTOR,
            "defined role " + role.name(),
            new AuditSink.Change("role:" + role.name(), List.of(), names(role.permissions())));
      }
    }
    if (store.anyStaffHolds(agency, Permission.ADMINISTER_ROLES)) {
      return false;
    }
    String name = StandardRoles.CHAMPION.name();
    RoleStore.Edit granted =
        store
            .grant(agency, name, Permission.ADMINISTER_ROLES)
            .orElseThrow(() -> new RoleNotFoundException(name));
    if (granted.changed()) {
      recordChange(
          SET_UP_ACTOR,
          "granted ADMINISTER_ROLES to role " + name + " (the agency had no Champion)",
          new AuditSink.Change("role:" + name, granted.before(), granted.after()));
    }
    RoleStore.Edit edit =
        store.assign(agency, champion, name).orElseThrow(() -> new RoleNotFoundException(name));
    recordChange(
        SET_UP_ACTOR,
        "assigned role " + name + " to staff " + champion.value() + " (the agency had no Champion)",
        new AuditSink.Change("staff:" + champion.value(), edit.before(), edit.after()));
    return true;
  }

  /**
   * Defines a new role.
   *
   * @param actor the Champion
   * @param name the role's name: not blank, at most {@value #MAX_NAME_LENGTH} characters
   * @param permissions what it allows
   * @return the role
   * @throws RoleExistsException when the agency already has a role of that name
   */
  public Role defineRole(Actor actor, String name, Set<Permission> permissions) {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(permissions, "permissions");
    Role role = new Role(checkName("name", name), permissions);
    authorize(actor, "define role " + role.name());
    if (!store.define(agency, role)) {
      throw new RoleExistsException(role.name());
    }
    recordChange(
        actor.auditName(),
        "defined role " + role.name(),
        new AuditSink.Change("role:" + role.name(), List.of(), names(role.permissions())));
    return role;
  }

  /**
   * Grants a role a permission (nothing changes if it has it already).
   *
   * @param actor the Champion
   * @param role the role's name
   * @param permission the permission
   * @return the role's permission names before and after
   * @throws RoleNotFoundException when the agency has no such role
   */
  public RoleStore.Edit grant(Actor actor, String role, Permission permission) {
    return editRole(actor, role, permission, "granted", n -> store.grant(agency, n, permission));
  }

  /**
   * Revokes a permission from a role. Staff holding the role lose it from their next operation.
   *
   * @param actor the Champion
   * @param role the role's name
   * @param permission the permission
   * @return the role's permission names before and after
   * @throws RoleNotFoundException when the agency has no such role
   */
  public RoleStore.Edit revoke(Actor actor, String role, Permission permission) {
    return editRole(actor, role, permission, "revoked", n -> store.revoke(agency, n, permission));
  }

  /**
   * Assigns a role to a staff member.
   *
   * @param actor the Champion
   * @param staff the staff member
   * @param role the role's name
   * @return the staff member's role names before and after
   * @throws RoleNotFoundException when the agency has no such role
   */
  public RoleStore.Edit assign(Actor actor, StaffId staff, String role) {
    return editStaff(actor, staff, role, "assigned", n -> store.assign(agency, staff, n));
  }

  /**
   * Takes a role from a staff member, who loses its permissions from their next operation.
   *
   * @param actor the Champion
   * @param staff the staff member
   * @param role the role's name
   * @return the staff member's role names before and after
   * @throws RoleNotFoundException when the agency has no such role
   */
  public RoleStore.Edit unassign(Actor actor, StaffId staff, String role) {
    return editStaff(actor, staff, role, "unassigned", n -> store.unassign(agency, staff, n));
  }

  /**
   * A role.
   *
   * @param name the role's name
   * @return the role, if the agency has it
   */
  public Optional<Role> role(String name) {
    return store.role(agency, Objects.requireNonNull(name, "name").strip());
  }

  /**
   * Lists the agency's roles.
   *
   * @return the agency's roles, by name
   */
  public List<Role> roles() {
    return store.roles(agency);
  }

  /**
   * The roles assigned to a staff member.
   *
   * @param staff the staff member
   * @return the roles, by name
   */
  public List<Role> rolesOf(StaffId staff) {
    return store.rolesOf(agency, Objects.requireNonNull(staff, "staff"));
  }

  /** Every permission the staff member's roles grant now, read from the store. */
  @Override
  public Set<Permission> permissionsOf(StaffId staff) {
    return store.permissionsOf(agency, Objects.requireNonNull(staff, "staff"));
  }

  private RoleStore.Edit editRole(
      Actor actor,
      String role,
      Permission permission,
      String verb,
      Function<String, Optional<RoleStore.Edit>> edit) {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(permission, "permission");
    String name = checkName("role", role);
    String what =
        verb + " " + permission + (verb.equals("granted") ? " to" : " from") + " role " + name;
    authorize(actor, what);
    RoleStore.Edit done = edit.apply(name).orElseThrow(() -> new RoleNotFoundException(name));
    recordChange(
        actor.auditName(), what, new AuditSink.Change("role:" + name, done.before(), done.after()));
    return done;
  }

  private RoleStore.Edit editStaff(
      Actor actor,
      StaffId staff,
      String role,
      String verb,
      Function<String, Optional<RoleStore.Edit>> edit) {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(staff, "staff");
    String name = checkName("role", role);
    String what =
        verb
            + " role "
            + name
            + (verb.equals("assigned") ? " to" : " from")
            + " staff "
            + staff.value();
    authorize(actor, what);
    RoleStore.Edit done = edit.apply(name).orElseThrow(() -> new RoleNotFoundException(name));
    recordChange(
        actor.auditName(),
        what,
        new AuditSink.Change("staff:" + staff.value(), done.before(), done.after()));
    return done;
  }

  /** Allows staff holding ADMINISTER_ROLES here; records and throws on anything else. */
  private void authorize(Actor actor, String what) {
    String refusal;
    if (actor instanceof Actor.Staff staff) {
      if (new Role("held", store.permissionsOf(agency, staff.id()))
          .allows(Permission.ADMINISTER_ROLES)) {
        return;
      }
      refusal = "no role grants ADMINISTER_ROLES; only the agency's Champion may have " + what;
    } else {
      refusal = "only agency staff holding ADMINISTER_ROLES (the Champion) may have " + what;
    }
    audit.record(
        new AuditSink.Event(
            clock.instant(),
            actor.auditName(),
            Permission.ADMINISTER_ROLES,
            null,
            null,
            false,
            refusal));
    throw new AccessDeniedException(actor, Permission.ADMINISTER_ROLES, null, refusal);
  }

  private void recordChange(String actor, String what, AuditSink.Change change) {
    audit.record(
        new AuditSink.Event(
            clock.instant(), actor, Permission.ADMINISTER_ROLES, null, null, true, what, change));
  }

  private static String checkName(String field, String name) {
    List<FieldError> errors = new ArrayList<>();
    if (name == null || name.isBlank()) {
      errors.add(new FieldError(field, "A role needs a name"));
    } else if (name.strip().length() > MAX_NAME_LENGTH) {
      errors.add(
          new FieldError(field, "A role's name has at most " + MAX_NAME_LENGTH + " characters"));
    } else if (name.chars().anyMatch(Character::isISOControl)) {
      errors.add(new FieldError(field, "A role's name has no control characters"));
    }
    if (!errors.isEmpty()) {
      throw new PaymentValidationException(errors);
    }
    return name.strip();
  }

  private static List<String> names(Set<Permission> permissions) {
    return permissions.stream().map(Permission::name).sorted().toList();
  }
}
