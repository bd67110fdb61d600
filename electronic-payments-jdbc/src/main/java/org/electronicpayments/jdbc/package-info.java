/**
 * A durable {@link org.electronicpayments.spi.PaymentStore} over plain JDBC: {@link
 * org.electronicpayments.jdbc.JdbcPaymentStore}, for PostgreSQL (the production target) and H2
 * (embedded); {@link org.electronicpayments.jdbc.JdbcRoleStore}, where the {@link
 * org.electronicpayments.roles.RoleDirectory} keeps the agency's roles; and a durable, searchable
 * audit trail, {@link org.electronicpayments.jdbc.JdbcAuditSink}. The schema ships in the jar as
 * Flyway migrations under {@code db/migration/electronic_payments} (version 5 as two SQL files
 * under {@code org/electronicpayments/jdbc}, see JDBC.md); the store can apply them itself, or the
 * host can run the same SQL with its own tooling. Everything else in this package is implementation
 * detail.
 */
@NullMarked
package org.electronicpayments.jdbc;

import org.jspecify.annotations.NullMarked;
