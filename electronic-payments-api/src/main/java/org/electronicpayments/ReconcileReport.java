package org.electronicpayments;

/**
 * What one {@code reconcile} run did.
 *
 * @param examined unsettled payments this run claimed and settled (or found still unsettled);
 *     payments another reconciler claimed are theirs, not counted here
 * @param succeeded found charged
 * @param failed found not charged (and cancelled where needed, so they never will be)
 * @param stillInDoubt still unknown (processing at the processor, or no answer); try again later
 * @param awaitingAction still waiting for the client's authentication
 * @param cardSetups card setups (cards saved without a payment) this run claimed and settled, or
 *     found still unsettled
 */
public record ReconcileReport(
    int examined, int succeeded, int failed, int stillInDoubt, int awaitingAction, int cardSetups) {

  /**
   * A report of payments only, no card setups.
   *
   * @param examined payments claimed and settled
   * @param succeeded found charged
   * @param failed found not charged
   * @param stillInDoubt still unknown
   * @param awaitingAction still waiting for the client's authentication
   */
  public ReconcileReport(
      int examined, int succeeded, int failed, int stillInDoubt, int awaitingAction) {
    this(examined, succeeded, failed, stillInDoubt, awaitingAction, 0);
  }

  /**
   * The same report with the card setups counted.
   *
   * @param setups card setups claimed and settled
   * @return the report
   */
  public ReconcileReport withCardSetups(int setups) {
    return new ReconcileReport(examined, succeeded, failed, stillInDoubt, awaitingAction, setups);
  }
}
