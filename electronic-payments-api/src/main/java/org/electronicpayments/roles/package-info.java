/**
 * The agency's roles, for hosts without a role system of their own: the {@link
 * org.electronicpayments.roles.RoleDirectory} through which the agency's Champion defines roles,
 * grants and revokes their permissions and assigns them to staff, over a {@link
 * org.electronicpayments.spi.RoleStore} ({@link org.electronicpayments.roles.InMemoryRoleStore}
 * here, {@code JdbcRoleStore} in the JDBC module). Only staff holding {@link
 * org.electronicpayments.security.Permission#ADMINISTER_ROLES} (the standard Champion role) may
 * edit; every edit, and every refusal, goes to the {@link org.electronicpayments.spi.AuditSink}
 * with what it changed before and after.
 *
 * <p>The directory is a {@link org.electronicpayments.spi.StaffPermissions}: given to {@code
 * ElectronicPaymentsBuilder.staffPermissions(...)}, the facade asks it on every operation, so a
 * permission revoked here is refused from the very next operation.
 *
 * <pre>{@code
 * RoleDirectory roles = RoleDirectory.builder().agency(agencyId).store(InMemoryRoleStore.create())
 *     .auditSink(audit).build();
 * roles.setUp(StaffId.of("s-1"));                             // s-1 is the Champion
 * Actor champion = Actor.staff(StaffId.of("s-1"));
 * roles.assign(champion, StaffId.of("s-17"), StandardRoles.FRONT_DESK.name());
 * roles.revoke(champion, "Front desk", Permission.SEND_RECEIPTS);
 * }</pre>
 */
@NullMarked
package org.electronicpayments.roles;

import org.jspecify.annotations.NullMarked;
