/**
 * The facade's machinery: not public API. The module exports only {@code org.electronicpayments},
 * {@code .security} and {@code .spi}; classes here are public only so that the facade and the
 * domain values can call them, and may change in any release.
 *
 * <p>{@code Submissions} admits, deduplicates, claims, retries and reconciles payments; {@code
 * Charges} runs an attempt against the processor, write-ahead; {@code Journal} is the only way to
 * the store; {@code Ledger}, {@code Refunds}, {@code SavedCards} and {@code Receipts} hold those
 * operations; {@code AccessGuard} asks the policy and audits; {@code Bounded} keeps processor calls
 * within the deadline; {@code RequestValidator}, {@code Ids}, {@code CardNumbers} and {@code
 * ProcessorLimits} check input; {@code DeclineReasons} and {@code ReceiptRendering} turn data into
 * words for people.
 */
@NullMarked
package org.electronicpayments.internal;

import org.jspecify.annotations.NullMarked;
