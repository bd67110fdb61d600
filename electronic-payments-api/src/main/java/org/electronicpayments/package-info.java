/**
 * electronic-payments: card payments for EHR and practice-management applications. Hosts use {@link
 * org.electronicpayments.ElectronicPayments}, built with a processor (the Stripe module, or the
 * testkit's fake), a store and the agency's details; requests are {@link
 * org.electronicpayments.PaymentRequest}s and outcomes are {@link
 * org.electronicpayments.PaymentResult}s.
 */
@NullMarked
package org.electronicpayments;

import org.jspecify.annotations.NullMarked;
