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
 */
public record ReconcileReport(int examined, int succeeded, int failed, int stillInDoubt, int awaitingAction) {}
