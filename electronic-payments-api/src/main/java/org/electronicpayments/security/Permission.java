package org.electronicpayments.security;

/** What a role may allow its staff to do. An administrator grants them through {@link Role}s. */
public enum Permission {
  /** Take a card payment through the processor (one-time or new card). */
  PROCESS_ELECTRONIC_PAYMENTS,
  /** Record a cash, check or non-electronic card payment. */
  RECORD_PAYMENTS,
  /** Save a client's card for future use. */
  SAVE_CARD,
  /** Charge a client's saved card. */
  CHARGE_SAVED_CARD,
  /** List, rename, update and remove a client's saved cards. */
  MANAGE_SAVED_CARDS,
  /** Refund a payment. */
  REFUND,
  /** Email or print a receipt. */
  SEND_RECEIPTS,
  /** See payments and their status. */
  VIEW_PAYMENTS,
  /** Save (post) a processed payment to the client's ledger. */
  POST_PAYMENTS,
  /** Settle payments whose outcome is unknown. */
  RECONCILE_PAYMENTS
}
