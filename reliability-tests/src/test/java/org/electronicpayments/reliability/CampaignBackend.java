package org.electronicpayments.reliability;

import java.util.List;
import java.util.Random;
import org.electronicpayments.PaymentId;
import org.electronicpayments.PaymentMethodId;
import org.electronicpayments.spi.PaymentProcessor;
import org.jspecify.annotations.Nullable;

/** A processor under a fault campaign, with its own ledger of what it charged. */
interface CampaignBackend extends AutoCloseable {

  /** One charge the processor holds as taking money. */
  record Charge(PaymentId paymentId, int attempt, String chargeReference) {}

  /**
   * One refund the processor holds as made (succeeded, or pending at the card network).
   *
   * @param paymentId the payment it names, if it names one
   */
  record Refunded(
      PaymentId paymentId, String chargeReference, long amountMinor, String refundReference) {}

  String name();

  /** How long the facade waits for this processor. */
  java.time.Duration deadline();

  PaymentProcessor processor();

  /**
   * A schedule starts, after {@link #reset()}: a backend that faults at random seeds its choices
   * here.
   */
  default void begin(long seed) {}

  /** Arms a random fault on some upcoming call; returns its kind, for the report. */
  String injectFault(Random random);

  /**
   * The client finishes (or fails) 3-D Secure for one of the charges the store shows waiting for
   * it, as in the browser; returns what happened, for the report.
   */
  String authenticate(Random random, List<String> waitingProcessorReferences);

  /**
   * Refunds a charge outside the SDK, as staff would in the processor's dashboard: part of it or
   * all that is left. The processor then holds the refund with no key or metadata of the SDK.
   *
   * @param processorReference the charge ({@code prepare}'s reference)
   * @param amountMinor how much, or {@code null} for all that is left
   * @return the refund's id
   * @throws IllegalStateException when the processor refuses (nothing left to refund, too much)
   */
  String dashboardRefund(String processorReference, @Nullable Long amountMinor);

  /** Lets hung calls go and finishes charges left processing, as time eventually would. */
  void settleEverything();

  /** Every charge that took money, from the processor's own ledger. */
  List<Charge> charges();

  /** Every refund the processor made, from its own ledger. */
  List<Refunded> refunds();

  /** Whether the processor holds the card as attached to this customer. */
  boolean attached(PaymentMethodId card, String customerReference);

  /**
   * What the backend counted over the campaign beyond the report (requests proxied, faults
   * applied).
   */
  default java.util.Map<String, Long> statistics() {
    return java.util.Map.of();
  }

  /** Forgets everything, between schedules. */
  void reset();

  @Override
  void close();
}
