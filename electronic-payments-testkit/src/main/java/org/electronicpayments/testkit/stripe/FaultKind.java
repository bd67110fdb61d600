package org.electronicpayments.testkit.stripe;

/** What an injected fault does to a request; see {@link FaultRuleBuilder} for each. */
public enum FaultKind {
  /** The request waits, then runs normally. */
  DELAY,
  /** The request is held without running until the hang ends, then the connection is dropped. */
  HANG,
  /** The connection is closed before the request runs: nothing happened, no response. */
  DROP,
  /** The request runs and is committed (and its idempotent response kept), then no response. */
  COMMIT_THEN_DROP,
  /** An error status (500, 503, 429…) is answered before the request runs: nothing happened. */
  ERROR,
  /** The request runs and is answered; the next request to arrive, whatever it is, is dropped. */
  RESPOND_THEN_DROP_NEXT
}
