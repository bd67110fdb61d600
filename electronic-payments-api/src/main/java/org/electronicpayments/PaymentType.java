package org.electronicpayments;

/** How the client paid: the New Payment window's Type field. */
public enum PaymentType {
  /** A debit or credit card, charged through the processor when the payment is electronic. */
  CREDIT_CARD,
  /** Cash received at the front desk; recorded, never sent to a processor. */
  CASH,
  /** A paper check; recorded, never sent to a processor. */
  CHECK
}
