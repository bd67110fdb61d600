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

  /**
   * Sets the client paying, or paid for (required).
   *
   * @param clientId the client
   * @return this builder
   */
  public PaymentRequestBuilder client(ClientId clientId) {
    this.clientId = clientId;
    return this;
  }

  /**
   * Sets the appointment the payment belongs to, if any.
   *
   * @param appointmentId the appointment, or {@code null}
   * @return this builder
   */
  public PaymentRequestBuilder appointment(@Nullable AppointmentId appointmentId) {
    this.appointmentId = appointmentId;
    return this;
  }

  /**
   * Sets the module the window was opened from (default {@code PAYMENTS}).
   *
   * @param origin the module
   * @return this builder
   */
  public PaymentRequestBuilder origin(Origin origin) {
    this.origin = origin;
    return this;
  }

  /**
   * Sets the date posted (default: today in the agency's time zone).
   *
   * @param datePosted the date posted, or {@code null} for today
   * @return this builder
   */
  public PaymentRequestBuilder datePosted(@Nullable LocalDate datePosted) {
    this.datePosted = datePosted;
    return this;
  }

  /**
   * Sets where to email the receipt (default: the client's email on file).
   *
   * @param email the address, or {@code null}
   * @return this builder
   */
  public PaymentRequestBuilder emailReceiptTo(@Nullable String email) {
    this.emailReceiptTo = email;
    return this;
  }

  /**
   * Sets the agency's unique reference, such as {@code 1.1.2026 1000 CC} (required).
   *
   * @param reference the reference
   * @return this builder
   */
  public PaymentRequestBuilder reference(String reference) {
    this.reference = reference;
    return this;
  }

  /**
   * Sets how the client pays: credit card (the default), cash or check.
   *
   * @param type the payment type
   * @return this builder
   */
  public PaymentRequestBuilder type(PaymentType type) {
    this.type = type;
    return this;
  }

  /**
   * Sets which responsibility the payment covers, such as a co-pay (required).
   *
   * @param payer the responsibility covered
   * @return this builder
   */
  public PaymentRequestBuilder payer(Payer payer) {
    this.payer = payer;
    return this;
  }

  /**
   * Sets the amount received (required).
   *
   * @param amount the amount received
   * @return this builder
   */
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

  /**
   * Sets the currency of an amount given as text (default USD).
   *
   * @param currency the currency
   * @return this builder
   */
  public PaymentRequestBuilder currency(Currency currency) {
    this.currency = currency;
    return this;
  }

  /**
   * Sets an internal note; it never leaves the host.
   *
   * @param note the note, or {@code null}
   * @return this builder
   */
  public PaymentRequestBuilder note(@Nullable String note) {
    this.note = note;
    return this;
  }

  /**
   * Sets whether the card is charged through the processor now.
   *
   * @param electronic true to charge the card now
   * @return this builder
   */
  public PaymentRequestBuilder electronic(boolean electronic) {
    this.electronic = electronic;
    return this;
  }

  /**
   * Sets the card to charge, for electronic payments only.
   *
   * @param card the card choice, or {@code null}
   * @return this builder
   */
  public PaymentRequestBuilder card(@Nullable CardChoice card) {
    this.card = card;
    return this;
  }

  /**
   * Sets whether the client is present (default true), so that 3-D Secure can be completed; a saved
   * card charged without them is charged off-session.
   *
   * @param clientPresent true when the client is present
   * @return this builder
   */
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
  // The request is made with the missing fields still null so that the validator reports every
  // missing field in
  // one exception; it throws before the request leaves this method.
  @SuppressWarnings("NullAway")
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
    PaymentRequest request =
        new PaymentRequest(
            clientId,
            appointmentId,
            origin,
            datePosted,
            emailReceiptTo,
            reference,
            type,
            payer,
            parsed,
            note,
            electronic,
            card,
            clientPresent);
    RequestValidator.check(request, errors);
    return request;
  }
}
