package org.electronicpayments.security;

/**
 * What a role may allow its staff to do. The agency's Champion grants them through {@link Role}s
 * (see {@link StandardRoles} and the {@code org.electronicpayments.roles} directory).
 *
 * <p>A permission may include another: {@link #CHARGE_SAVED_CARD} and {@link #MANAGE_SAVED_CARDS}
 * each include {@link #VIEW_SAVED_CARDS}, since choosing a card to charge or change starts from the
 * list of the client's cards. {@link Role#allows} follows {@link #includes}.
 */
public enum Permission {
  /** Take a card payment through the processor (one-time or new card). */
  PROCESS_ELECTRONIC_PAYMENTS,
  /** Record a cash, check or non-electronic card payment. */
  RECORD_PAYMENTS,
  /** Save a client's card for future use. */
  SAVE_CARD,
  /** Charge a client's saved card (includes {@link #VIEW_SAVED_CARDS}, to choose one). */
  CHARGE_SAVED_CARD,
  /** List a client's saved cards. */
  VIEW_SAVED_CARDS,
  /**
   * List, rename, update and remove a client's saved cards (includes {@link #VIEW_SAVED_CARDS}).
   */
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
  RECONCILE_PAYMENTS,
  /**
   * Edit the agency's roles: define roles, grant and revoke permissions, assign roles to staff. The
   * agency's Champion holds it ({@link StandardRoles#CHAMPION}).
   */
  ADMINISTER_ROLES;

  /**
   * Whether holding this permission also allows {@code other}: itself, and {@link
   * #VIEW_SAVED_CARDS} for {@link #CHARGE_SAVED_CARD} and {@link #MANAGE_SAVED_CARDS}.
   *
   * @param other the permission asked for
   * @return true when this permission allows it
   */
  public boolean includes(Permission other) {
    return this == other
        || (other == VIEW_SAVED_CARDS && (this == CHARGE_SAVED_CARD || this == MANAGE_SAVED_CARDS));
  }
}
