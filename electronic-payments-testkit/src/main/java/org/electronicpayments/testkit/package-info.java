/**
 * Test support for hosts of electronic-payments, published and versioned as public API: an
 * in-memory {@code FakePaymentProcessor} and {@code InMemoryPaymentStore}, recording receipt
 * delivery and audit sinks, a controllable clock, the compatibility kits every processor and store
 * must pass, a JUnit 5 extension and AssertJ assertions, {@code StripeTestCards}, the one table of
 * Stripe's test cards that both the fake and the Stripe emulator follow, a store view that
 * simulates a host crash at a chosen write ({@code CrashingPaymentStore}) and a processor wrapper
 * that sends every charge down the facade's worker-thread path ({@code WorkerThreadProcessor}). The
 * Stripe emulator is in {@code org.electronicpayments.testkit.stripe}.
 */
@NullMarked
package org.electronicpayments.testkit;

import org.jspecify.annotations.NullMarked;
