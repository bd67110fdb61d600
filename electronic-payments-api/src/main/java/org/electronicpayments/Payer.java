package org.electronicpayments;

/** Which part of the client's responsibility the payment covers: the window's Payer field. */
public enum Payer {
  /** A fixed amount per visit. */
  CO_PAY,
  /** The client's percentage share of a covered service. */
  CO_INSURANCE,
  /** The amount the client pays before insurance pays. */
  DEDUCTIBLE
}
