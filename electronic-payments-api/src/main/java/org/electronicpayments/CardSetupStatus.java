package org.electronicpayments;

/** Where a card setup (saving a card without a payment) stands. */
public enum CardSetupStatus {
  /** Journaled with its idempotency key; the processor not called yet. */
  PENDING,
  /** The processor is being called, or a reconciler claimed the setup. */
  PROCESSING,
  /** The client must complete 3-D Secure; then {@code refreshCardSetup}. */
  REQUIRES_ACTION,
  /** The card is saved for the client. */
  SUCCEEDED,
  /** Nothing saved: declined, refused, or authentication failed. */
  FAILED,
  /** Outcome unknown; {@code reconcile} settles it. */
  IN_DOUBT;

  /**
   * Whether the setup has reached its end.
   *
   * @return true for {@link #SUCCEEDED} and {@link #FAILED}
   */
  public boolean settled() {
    return this == SUCCEEDED || this == FAILED;
  }
}
