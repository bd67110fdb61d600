package org.electronicpayments;

/** Where consent to keep a card on file was given. */
public enum ConsentChannel {
  /** In person, at the front desk. */
  FRONT_DESK,
  /** In the client portal. */
  PORTAL,
  /** By phone. */
  PHONE,
  /** By email or letter. */
  WRITTEN,
  /** Any other way; the agency's own records say which. */
  OTHER
}
