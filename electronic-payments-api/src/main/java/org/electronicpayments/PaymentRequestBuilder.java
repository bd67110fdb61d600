package org.electronicpayments;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.electronicpayments.internal.RequestValidator;
import org.jspecify.annotations.Nullable;

/**
 * Builds a {@link PaymentRequest}. Setters take the window's values as typed; {@link #build()}
 * reports every field error at once.
 */
public final class PaymentRequestBuilder {

  private @Nullable ClientId clientId;
  private @Nullable AppointmentId appointmentId;
  private Origin origin = Origin.PAYMENTS;
  private @Nullable LocalDate datePosted;
  private @Nullable String emailReceiptTo;
  private @Nullable String reference;
  private PaymentType type = PaymentType.CREDIT_CARD;
  private @Nullable Payer payer;
  private @Nullable Money amount;
  private @Nullable String amountText;
  private Currency currency = Money.USD;
  private @Nullable String note;
  private boolean electronic;
  private @Nullable CardChoice card;
  private boolean clientPresent = true;

  PaymentRequestBuilder() {}

  /** @param clientId the client @return this builder */
  public PaymentRequestBuilder client(ClientId clientId) {
    this.clientId = clientId;
    return this;
  }

  /** @param appointmentId the appointment, or {@code null} @return this builder */
  public PaymentRequestBuilder appointment(@Nullable AppointmentId appointmentId) {
    this.appointmentId = appointmentId;
    return this;
  }

  /** @param origin the module the window was opened from (default {@code PAYMENTS}) @return this builder */
  public PaymentRequestBuilder origin(Origin origin) {
    this.origin = origin;
    return this;
  }

  /** @param datePosted the date posted (default: today in the agency's zone) @return this builder */
  public PaymentRequestBuilder datePosted(@Nullable LocalDate datePosted) {
    this.datePosted = datePosted;
    return this;
  }

  /** @param email where to email the receipt, or {@code null} @return this builder */
  public PaymentRequestBuilder emailReceiptTo(@Nullable String email) {
    this.emailReceiptTo = email;
    return this;
  }

  /** @param reference the agency's unique reference @return this builder */
  public PaymentRequestBuilder reference(String reference) {
    this.reference = reference;
    return this;
  }

  /** @param type credit card (default), cash or check @return this builder */
  public PaymentRequestBuilder type(PaymentType type) {
    this.type = type;
    return this;
  }

  /** @param payer the responsibility covered @return this builder */
  public PaymentRequestBuilder payer(Payer payer) {
    this.payer = payer;
    return this;
  }

  /** @param amount the amount received @return this builder */
  public PaymentRequestBuilder amountReceived(Money amount) {
    this.amount = amount;
    this.amountText = null;
    return this;
  }

  /**
   * The amount as typed, parsed in {@link #currency(Currency)} when built.
   *
   * @param text the amount, such as {@code 10.00}
   * @return this builder
   */
  public PaymentRequestBuilder amountReceived(String text) {
    this.amountText = text;
    this.amount = null;
    return this;
  }

  /** @param currency the currency of a typed amount (default USD) @return this builder */
  public PaymentRequestBuilder currency(Currency currency) {
    this.currency = currency;
    return this;
  }

  /** @param note an internal note, or {@code null} @return this builder */
  public PaymentRequestBuilder note(@Nullable String note) {
    this.note = note;
    return this;
  }

  /** @param electronic whether to charge the card now @return this builder */
  public PaymentRequestBuilder electronic(boolean electronic) {
    this.electronic = electronic;
    return this;
  }

  /** @param card the card choice, or {@code null} @return this builder */
  public PaymentRequestBuilder card(@Nullable CardChoice card) {
    this.card = card;
    return this;
  }

  /** @param clientPresent whether the client is present (default true) @return this builder */
  public PaymentRequestBuilder clientPresent(boolean clientPresent) {
    this.clientPresent = clientPresent;
    return this;
  }

  /**
   * Checks every field and builds the request.
   *
   * @return the request
   * @throws PaymentValidationException listing every field error
   */
  public PaymentRequest build() {
    List<FieldError> errors = new ArrayList<>();
    Money parsed = amount;
    if (amountText != null) {
      try {
        parsed = Money.of(amountText, currency);
      } catch (PaymentValidationException e) {
        e.errors().forEach(err -> errors.add(new FieldError("amountReceived", err.message())));
      }
    }
    PaymentRequest request = new PaymentRequest(clientId, appointmentId, origin, datePosted,
        emailReceiptTo, reference, type, payer, parsed, note, electronic, card, clientPresent);
    RequestValidator.check(request, errors);
    return request;
  }
}
