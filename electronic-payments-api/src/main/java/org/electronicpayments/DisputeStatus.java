package org.electronicpayments;

/** Where a dispute (chargeback) of a payment stands at the processor. */
public enum DisputeStatus {
  /**
   * Opened by the card holder's bank; the agency may answer with evidence until the bank decides.
   */
  OPEN,
  /** Decided for the agency: the money stays with it. */
  WON,
  /** Decided for the card holder: the disputed amount went back to the card. */
  LOST;

  /**
   * Whether the bank has decided.
   *
   * @return true when won or lost
   */
  public boolean isClosed() {
    return this != OPEN;
  }
}
