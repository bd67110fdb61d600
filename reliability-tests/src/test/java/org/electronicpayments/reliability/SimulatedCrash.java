package org.electronicpayments.reliability;

/** The host process "died" at a crash point; everything it held in memory is gone. */
final class SimulatedCrash extends RuntimeException {

  private static final long serialVersionUID = 1L;

  SimulatedCrash(String where) {
    super("simulated host crash " + where, null, false, false);
  }
}
