/**
 * JMH benchmarks of electronic-payments: the SDK against raw stripe-java on the testkit's Stripe
 * emulator (latency and concurrency), the fake path, the emulator itself. {@link
 * org.electronicpayments.benchmarks.Bench} runs them all and prints the comparison table; see
 * {@code BENCHMARKS.md} at the repository root. Not public API; not deployed.
 */
@NullMarked
package org.electronicpayments.benchmarks;

import org.jspecify.annotations.NullMarked;
