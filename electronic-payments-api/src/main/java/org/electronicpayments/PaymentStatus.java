package org.electronicpayments;

/**
 * Where a payment is in its lifecycle.
 *
 * <pre>
 *            journal                processor                      Save
 * request ─▶ PENDING ─▶ PROCESSING ─┬─▶ SUCCEEDED ─────────────▶ POSTED
 *                                   ├─▶ FAILED
 *                                   ├─▶ REQUIRES_ACTION
 *                                   └─▶ IN_DOUBT ──reconcile──▶ SUCCEEDED | FAILED
 * cash / check ───────────────────────▶ SUCCEEDED
 * SUCCEEDED/POSTED ──refund──▶ REFUNDED | PARTIALLY_REFUNDED
 * </pre>
 */
public enum PaymentStatus {
  /** Journaled, with its id and idempotency key; the processor has not been called yet. */
  PENDING,
  /** The processor is being called. */
  PROCESSING,
  /** Charged (or recorded, for cash and check). */
  SUCCEEDED,
  /** Nothing was charged: declined, rejected, or cancelled by reconciliation. */
  FAILED,
  /** The client must complete 3-D Secure before the charge can finish. */
  REQUIRES_ACTION,
  /** The outcome is not known yet; {@code reconcile} settles it. Never reported as failed. */
  IN_DOUBT,
  /** Succeeded and saved by staff: the payment is on the client's ledger. */
  POSTED,
  /** Refunded in full. */
  REFUNDED,
  /** Refunded in part. */
  PARTIALLY_REFUNDED;

  /**
   * Whether money was taken: succeeded, posted or (partly) refunded.
   *
   * @return true once charged
   */
  public boolean isCharged() {
    return this == SUCCEEDED || this == POSTED || this == REFUNDED || this == PARTIALLY_REFUNDED;
  }

  /**
   * Whether the outcome at the processor is still open: pending, processing, in doubt or waiting
   * for the client's authentication.
   *
   * @return true while unsettled
   */
  public boolean isUnsettled() {
    return this == PENDING || this == PROCESSING || this == IN_DOUBT || this == REQUIRES_ACTION;
  }
}
