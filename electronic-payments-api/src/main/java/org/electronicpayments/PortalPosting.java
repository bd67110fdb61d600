package org.electronicpayments;

/**
 * Whether payments a client or representative makes in the portal are saved (posted) to the
 * client's ledger at once, or wait for staff to save them as front-desk payments do. An agency
 * setting: {@link ElectronicPaymentsBuilder#portalPosting(PortalPosting)}.
 */
public enum PortalPosting {
  /** Staff save portal payments (the default): they appear in {@code unsaved()} until then. */
  STAFF_SAVES,
  /**
   * A portal payment that succeeds is saved to the ledger at once, by the agency's rule; the audit
   * trail records the posting with the client or representative who paid.
   */
  AUTOMATIC
}
