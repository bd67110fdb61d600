package org.electronicpayments;

/** Who agreed that a card may be kept on file. */
public enum ConsentGiver {
  /** The client, the card's owner. */
  CLIENT,
  /** The client's representative (a parent, guardian or other person acting for the client). */
  REPRESENTATIVE,
  /** Staff, on the client's behalf (the client agreed by phone or in person). */
  STAFF
}
