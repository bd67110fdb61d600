package org.electronicpayments.security;

import java.util.Objects;

/**
 * An access policy's answer, with the reason recorded in the audit trail.
 *
 * @param allowed whether the operation may go ahead
 * @param reason why, in a sentence
 */
public record AccessDecision(boolean allowed, String reason) {

  /** Requires a reason. */
  public AccessDecision {
    Objects.requireNonNull(reason, "reason");
  }

  /**
   * Allows.
   *
   * @param reason why
   * @return the decision
   */
  public static AccessDecision allow(String reason) {
    return new AccessDecision(true, reason);
  }

  /**
   * Denies.
   *
   * @param reason why
   * @return the decision
   */
  public static AccessDecision deny(String reason) {
    return new AccessDecision(false, reason);
  }
}
