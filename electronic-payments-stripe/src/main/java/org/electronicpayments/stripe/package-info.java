/**
 * The Stripe {@link org.electronicpayments.spi.PaymentProcessor}: {@link
 * org.electronicpayments.stripe.StripePaymentProcessor}, configured through {@link
 * org.electronicpayments.stripe.StripePaymentProcessorBuilder}, and {@link
 * org.electronicpayments.stripe.StripeWebhooks}, which verifies Stripe's webhook deliveries and
 * settles the payments they concern. Everything else in this package is an implementation detail;
 * no stripe-java type appears in a public signature.
 */
@NullMarked
package org.electronicpayments.stripe;

import org.jspecify.annotations.NullMarked;
