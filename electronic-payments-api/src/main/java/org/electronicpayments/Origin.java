package org.electronicpayments;

/** The module of the host application a New Payment was opened from. */
public enum Origin {
  /** The client's file. */
  CLIENTS,
  /** An appointment. */
  APPOINTMENTS,
  /** The payments list. */
  PAYMENTS
}
