/**
 * Who may do what: {@link org.electronicpayments.security.Permission}s granted through {@link
 * org.electronicpayments.security.Role}s, the kinds of {@link
 * org.electronicpayments.security.Actor}, and the {@link
 * org.electronicpayments.security.AccessPolicy} every operation is checked against.
 *
 * <h2>Where a staff member's permissions come from</h2>
 *
 * <ul>
 *   <li>By default, from the roles the host puts in the actor: {@code Actor.staff(id,
 *       Set.of(StandardRoles.FRONT_DESK))}.
 *   <li>From the host's own role system: a {@link org.electronicpayments.spi.StaffPermissions}
 *       given to {@code ElectronicPaymentsBuilder.staffPermissions(...)} is asked on every
 *       operation, and the roles the actor carries are ignored ({@code Actor.staff(id)} is enough).
 *   <li>From the SDK's role directory, for hosts without one: {@link
 *       org.electronicpayments.roles.RoleDirectory}, itself a {@code StaffPermissions}, where the
 *       agency's Champion edits the roles.
 * </ul>
 *
 * <p>The article's single "electronic payments" permission is {@link
 * org.electronicpayments.security.StandardRoles#FRONT_DESK}: take, save and charge cards, list the
 * client's saved cards to choose one, record and save (post) payments, send receipts. {@link
 * org.electronicpayments.security.StandardRoles#CHAMPION} holds every permission, among them {@link
 * org.electronicpayments.security.Permission#ADMINISTER_ROLES}, the only one that lets staff edit
 * roles. The Champion grants the front-desk role to a staff member:
 *
 * <pre>{@code
 * RoleDirectory roles = RoleDirectory.builder().agency(agencyId).store(roleStore).auditSink(audit).build();
 * roles.setUp(StaffId.of("s-1"));                        // the standard roles; s-1 is the Champion
 * roles.assign(Actor.staff(StaffId.of("s-1")), StaffId.of("s-17"), StandardRoles.FRONT_DESK.name());
 * ElectronicPayments payments = ElectronicPayments.builder()
 *     .processor(stripe).store(store).agency(agency).auditSink(audit).staffPermissions(roles).build();
 * payments.process(Actor.staff(StaffId.of("s-17")), request);   // allowed from now on
 * roles.unassign(Actor.staff(StaffId.of("s-1")), StaffId.of("s-17"), "Front desk");
 * payments.process(Actor.staff(StaffId.of("s-17")), request);   // AccessDeniedException
 * }</pre>
 *
 * <p>Every decision, and every edit of the roles with what it changed before and after, goes to the
 * {@link org.electronicpayments.spi.AuditSink}.
 */
@NullMarked
package org.electronicpayments.security;

import org.jspecify.annotations.NullMarked;
