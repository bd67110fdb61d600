package org.electronicpayments.roles;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.electronicpayments.AgencyId;
import org.electronicpayments.StaffId;
import org.electronicpayments.security.Permission;
import org.electronicpayments.security.Role;
import org.electronicpayments.spi.RoleStore;

/**
 * A {@link RoleStore} in memory: for a host that sets its roles up at start-up on each node, and
 * for tests. Roles are lost when the process ends; a host whose Champion edits roles at run time
 * keeps them in the JDBC module's {@code JdbcRoleStore}. Thread-safe: each operation holds the
 * store's lock, so edits are applied one after the other.
 *
 * <pre>{@code
 * RoleDirectory roles = RoleDirectory.builder().agency(agency).store(InMemoryRoleStore.create()).build();
 * }</pre>
 */
public final class InMemoryRoleStore implements RoleStore {

  /** Per agency: role name → permissions. */
  private final Map<AgencyId, Map<String, EnumSet<Permission>>> roles = new HashMap<>();

  /** Per agency: staff → role names. */
  private final Map<AgencyId, Map<StaffId, SortedSet<String>>> assignments = new HashMap<>();

  private InMemoryRoleStore() {}

  /**
   * Makes a store holding no roles.
   *
   * @return an empty store
   */
  public static InMemoryRoleStore create() {
    return new InMemoryRoleStore();
  }

  @Override
  public synchronized boolean define(AgencyId agency, Role role) {
    Map<String, EnumSet<Permission>> agencyRoles = rolesIn(agency);
    if (agencyRoles.containsKey(role.name())) {
      return false;
    }
    agencyRoles.put(role.name(), copy(role.permissions()));
    return true;
  }

  @Override
  public synchronized Optional<Edit> grant(AgencyId agency, String role, Permission permission) {
    EnumSet<Permission> held = rolesIn(agency).get(role);
    if (held == null) {
      return Optional.empty();
    }
    List<String> before = names(held);
    held.add(permission);
    return Optional.of(new Edit(before, names(held)));
  }

  @Override
  public synchronized Optional<Edit> revoke(AgencyId agency, String role, Permission permission) {
    EnumSet<Permission> held = rolesIn(agency).get(role);
    if (held == null) {
      return Optional.empty();
    }
    List<String> before = names(held);
    held.remove(permission);
    return Optional.of(new Edit(before, names(held)));
  }

  @Override
  public synchronized Optional<Edit> assign(AgencyId agency, StaffId staff, String role) {
    if (!rolesIn(agency).containsKey(role)) {
      return Optional.empty();
    }
    SortedSet<String> names = assignmentsOf(agency).computeIfAbsent(staff, s -> new TreeSet<>());
    List<String> before = List.copyOf(names);
    names.add(role);
    return Optional.of(new Edit(before, List.copyOf(names)));
  }

  @Override
  public synchronized Optional<Edit> unassign(AgencyId agency, StaffId staff, String role) {
    if (!rolesIn(agency).containsKey(role)) {
      return Optional.empty();
    }
    SortedSet<String> names = assignmentsOf(agency).computeIfAbsent(staff, s -> new TreeSet<>());
    List<String> before = List.copyOf(names);
    names.remove(role);
    return Optional.of(new Edit(before, List.copyOf(names)));
  }

  @Override
  public synchronized Optional<Role> role(AgencyId agency, String name) {
    EnumSet<Permission> held = rolesIn(agency).get(name);
    return held == null ? Optional.empty() : Optional.of(new Role(name, held));
  }

  @Override
  public synchronized List<Role> roles(AgencyId agency) {
    List<Role> all = new ArrayList<>();
    new TreeMap<>(rolesIn(agency)).forEach((name, held) -> all.add(new Role(name, held)));
    return List.copyOf(all);
  }

  @Override
  public synchronized List<Role> rolesOf(AgencyId agency, StaffId staff) {
    Map<String, EnumSet<Permission>> agencyRoles = rolesIn(agency);
    return assignmentsOf(agency).getOrDefault(staff, new TreeSet<>()).stream()
        .map(name -> new Role(name, assigned(agencyRoles, name)))
        .toList();
  }

  @Override
  public synchronized Set<Permission> permissionsOf(AgencyId agency, StaffId staff) {
    EnumSet<Permission> all = EnumSet.noneOf(Permission.class);
    rolesOf(agency, staff).forEach(r -> all.addAll(r.permissions()));
    return Set.copyOf(all);
  }

  @Override
  public synchronized boolean anyStaffHolds(AgencyId agency, Permission permission) {
    Map<String, EnumSet<Permission>> agencyRoles = rolesIn(agency);
    return assignmentsOf(agency).values().stream()
        .flatMap(Set::stream)
        .anyMatch(name -> assigned(agencyRoles, name).contains(permission));
  }

  /**
   * The permissions of an assigned role: only a defined role is assigned, and none is ever removed.
   */
  private static EnumSet<Permission> assigned(
      Map<String, EnumSet<Permission>> agencyRoles, String name) {
    return Objects.requireNonNull(agencyRoles.get(name), "an assigned role is defined");
  }

  /** Forgets every role and assignment. */
  public synchronized void reset() {
    roles.clear();
    assignments.clear();
  }

  private Map<String, EnumSet<Permission>> rolesIn(AgencyId agency) {
    return roles.computeIfAbsent(agency, a -> new HashMap<>());
  }

  private Map<StaffId, SortedSet<String>> assignmentsOf(AgencyId agency) {
    return assignments.computeIfAbsent(agency, a -> new HashMap<>());
  }

  private static EnumSet<Permission> copy(Set<Permission> permissions) {
    return permissions.isEmpty() ? EnumSet.noneOf(Permission.class) : EnumSet.copyOf(permissions);
  }

  private static List<String> names(Set<Permission> permissions) {
    return permissions.stream().map(Permission::name).toList();
  }
}
