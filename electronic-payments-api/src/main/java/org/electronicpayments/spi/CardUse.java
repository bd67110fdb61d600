package org.electronicpayments.spi;

/** How a charge uses its card. */
public enum CardUse {
  /** A new card, for this charge only. */
  ONE_TIME,
  /** A new card, attached to the client's customer and set up for future use. */
  SAVE_FOR_FUTURE,
  /** A saved card, with the client present (3-D Secure can be completed). */
  SAVED_ON_SESSION,
  /** A saved card, without the client present. */
  SAVED_OFF_SESSION
}
