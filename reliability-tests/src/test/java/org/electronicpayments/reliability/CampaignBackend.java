package org.electronicpayments.reliability;

import java.util.List;
import java.util.Random;
import org.electronicpayments.PaymentId;
import org.electronicpayments.spi.PaymentProcessor;

/** A processor under a fault campaign, with its own ledger of what it charged. */
interface CampaignBackend extends AutoCloseable {

  /** One charge the processor holds as taking money. */
  record Charge(PaymentId paymentId, int attempt, String chargeReference) {}

  String name();

  /** How long the facade waits for this processor. */
  java.time.Duration deadline();

  PaymentProcessor processor();

  /** Arms a random fault on some upcoming call; returns its kind, for the report. */
  String injectFault(Random random);

  /**
   * The client finishes (or fails) 3-D Secure for one of the charges the store shows waiting
   * for it, as in the browser; returns what happened, for the report.
   */
  String authenticate(Random random, List<String> waitingProcessorReferences);

  /** Lets hung calls go and finishes charges left processing, as time eventually would. */
  void settleEverything();

  /** Every charge that took money, from the processor's own ledger. */
  List<Charge> charges();

  /** Forgets everything, between schedules. */
  void reset();

  @Override
  void close();
}
