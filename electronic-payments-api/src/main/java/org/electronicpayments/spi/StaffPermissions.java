package org.electronicpayments.spi;

import java.util.Set;
import org.electronicpayments.StaffId;
import org.electronicpayments.security.Permission;

/**
 * Where a staff member's permissions come from, for a host that keeps its own staff and roles.
 * Given to the facade with {@code ElectronicPaymentsBuilder.staffPermissions(...)}, it is asked on
 * every operation a staff member attempts, so a permission the host revokes is refused from the
 * very next operation. The roles an {@link org.electronicpayments.security.Actor.Staff} carries are
 * then ignored: this source is the authority.
 *
 * <p>Hosts without a role system of their own use the ready directories, {@code
 * org.electronicpayments.roles.InMemoryRoleDirectory} and the JDBC module's {@code
 * JdbcRoleDirectory}, which implement this interface.
 *
 * <pre>{@code
 * StaffPermissions fromEhr = staff -> ehr.permissionsOf(staff.value()).stream()
 *     .map(Permission::valueOf).collect(Collectors.toSet());
 * ElectronicPayments payments = ElectronicPayments.builder()...staffPermissions(fromEhr).build();
 * }</pre>
 *
 * <p>Implementations must be thread-safe and answer quickly (the facade asks once per operation); a
 * cache must be invalidated when permissions change. An exception thrown here denies the operation
 * (and the denial is audited); it never allows it.
 */
@FunctionalInterface
public interface StaffPermissions {

  /**
   * The permissions a staff member holds now.
   *
   * @param staff the staff member
   * @return the permissions; empty for a staff member the host does not know
   */
  Set<Permission> permissionsOf(StaffId staff);
}
