/**
 * A stateful Stripe emulator: an HTTP server on loopback that speaks the subset of Stripe's v1 API
 * used by electronic-payments (customers, payment methods, payment intents, charges, refunds,
 * events), with Stripe's idempotency rules, its test payment methods, signed webhooks and fault
 * injection, so that the real stripe-java client can be tested end to end without a network.
 *
 * <p>Start with {@link org.electronicpayments.testkit.stripe.StripeEmulator#start()}; inject faults
 * through {@link org.electronicpayments.testkit.stripe.StripeEmulator#faults()}; assert on {@link
 * org.electronicpayments.testkit.stripe.StripeEmulator#requests()} and {@link
 * org.electronicpayments.testkit.stripe.StripeEmulator#charges()}.
 *
 * <p>Everything that is not public here is an implementation detail.
 */
@org.jspecify.annotations.NullMarked
package org.electronicpayments.testkit.stripe;
