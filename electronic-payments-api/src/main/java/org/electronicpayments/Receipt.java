package org.electronicpayments;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.electronicpayments.internal.ReceiptRendering;
import org.jspecify.annotations.Nullable;

/**
 * A receipt for a payment: what the client may see. No note, no appointment details; the card shows
 * as brand and last four only.
 *
 * <pre>{@code
 * Receipt receipt = payments.receipt(actor, paymentId);
 * String text = receipt.toPlainText();
 * String page = receipt.toHtml(); // printable, with a print stylesheet and a Print button
 * String mail = receipt.toEmailHtml(); // the same without the button, for an email body
 * }</pre>
 *
 * @param agency the agency's name, address and zone
 * @param paymentId the payment
 * @param reference the agency's reference
 * @param clientName the client's name as on file (or the client id when the directory has none)
 * @param datePosted the date posted
 * @param amount the amount received
 * @param refunded how much has been refunded
 * @param payer which responsibility it covered
 * @param type credit card, cash or check
 * @param card the card charged, if any
 * @param confirmationNumber the confirmation number
 * @param status the payment's status
 * @param issuedAt when the receipt was made
 */
public record Receipt(
    AgencyDetails agency,
    PaymentId paymentId,
    String reference,
    String clientName,
    LocalDate datePosted,
    Money amount,
    Money refunded,
    Payer payer,
    PaymentType type,
    @Nullable CardDetails card,
    String confirmationNumber,
    PaymentStatus status,
    Instant issuedAt) {

  /** Requires the parts. */
  public Receipt {
    Objects.requireNonNull(agency, "agency");
    Objects.requireNonNull(paymentId, "paymentId");
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(clientName, "clientName");
    Objects.requireNonNull(datePosted, "datePosted");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(refunded, "refunded");
    Objects.requireNonNull(payer, "payer");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(confirmationNumber, "confirmationNumber");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(issuedAt, "issuedAt");
  }

  /**
   * The receipt as plain text, for email bodies and terminals.
   *
   * @return the text
   */
  public String toPlainText() {
    return ReceiptRendering.text(this);
  }

  /**
   * The receipt as a printable HTML page (A5/letter, print stylesheet, a Print button).
   *
   * @return the page
   */
  public String toHtml() {
    return ReceiptRendering.html(this);
  }

  /**
   * The receipt as HTML for an email body: the printable page without its Print button and script,
   * which mail clients strip or flag.
   *
   * @return the page
   */
  public String toEmailHtml() {
    return ReceiptRendering.emailHtml(this);
  }

  /**
   * The payer as a receipt says it: {@code Co-Pay}.
   *
   * @return the label
   */
  public String payerLabel() {
    return switch (payer) {
      case CO_PAY -> "Co-Pay";
      case CO_INSURANCE -> "Co-Insurance";
      case DEDUCTIBLE -> "Deductible";
    };
  }

  /**
   * How the client paid, as a receipt says it: {@code Visa •••• 4242}, {@code Cash}, {@code Check}.
   *
   * @return the label
   */
  public String methodLabel() {
    return switch (type) {
      case CREDIT_CARD -> card == null ? "Card" : card.display();
      case CASH -> "Cash";
      case CHECK -> "Check";
    };
  }
}
