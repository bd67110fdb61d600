package org.electronicpayments.stripe;

import java.util.Map;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Disables, by method name and with the reason shown in the report, the compatibility-kit tests
 * whose expectation disagrees with the Stripe emulator (reported to the testkit's authors; not
 * something this module can change).
 */
final class KnownDisagreement implements ExecutionCondition {

  static final Map<String, String> DISABLED = Map.of(
      "onSetupOnlyIsChargedOffSessionOnceSaved",
      "The kit expects pm_card_authenticationRequiredOnSetup to be saved (on-session, setup_future_usage)"
          + " without 3-D Secure, as the fake does; the emulator, like Stripe, asks for authentication"
          + " when the card is set up. Covered here by StripeChargeFlowsTest.offSessionAuthentication.");

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    String method = context.getTestMethod().map(m -> m.getName()).orElse("");
    String reason = DISABLED.get(method);
    return reason == null ? ConditionEvaluationResult.enabled("no known disagreement")
        : ConditionEvaluationResult.disabled(reason);
  }
}
