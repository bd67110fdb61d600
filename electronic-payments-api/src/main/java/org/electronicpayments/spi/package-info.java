/**
 * Service-provider interfaces: what an implementation or a host plugs into the SDK. A {@link
 * org.electronicpayments.spi.PaymentProcessor} charges cards (the Stripe module provides one; the
 * testkit a fake), a {@link org.electronicpayments.spi.PaymentStore} keeps the journal, and the
 * host supplies its {@link org.electronicpayments.spi.ClientDirectory}, {@link
 * org.electronicpayments.spi.ReceiptDelivery} and {@link org.electronicpayments.spi.AuditSink}; a
 * host with its own role system supplies {@link org.electronicpayments.spi.StaffPermissions}, and a
 * {@link org.electronicpayments.spi.RoleStore} keeps the SDK's role directory. Host code calling
 * payments uses {@link org.electronicpayments.ElectronicPayments}, not these.
 */
@NullMarked
package org.electronicpayments.spi;

import org.jspecify.annotations.NullMarked;
