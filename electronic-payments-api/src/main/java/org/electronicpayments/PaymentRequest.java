package org.electronicpayments;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The New Payment window: what staff, a client or a representative filled in.
 *
 * <p>Build it with {@link #builder()}; {@code build()} checks every field and throws one {@link
 * PaymentValidationException} listing all errors. The facade checks every request it is given, so a
 * request made with the constructor is never trusted either.
 *
 * <pre>{@code
 * PaymentRequest request = PaymentRequest.builder()
 *     .client(ClientId.of("1000"))
 *     .origin(Origin.APPOINTMENTS)
 *     .appointment(AppointmentId.of("appt-77"))
 *     .reference("1.1.2026 1000 CC")
 *     .type(PaymentType.CREDIT_CARD)
 *     .payer(Payer.CO_PAY)
 *     .amountReceived("10.00")
 *     .note("1/1/2026 DOS 90837")
 *     .electronic(true)
 *     .card(CardChoice.saveNew("pm_1Q…", "Visa 1000", Consent.of(ConsentGiver.CLIENT, ConsentChannel.FRONT_DESK)))
 *     .build();
 * }</pre>
 *
 * @param clientId the client paying, or paid for
 * @param appointmentId the appointment the payment belongs to, if any
 * @param origin the module the window was opened from
 * @param datePosted the date posted; {@code null} means today in the agency's time zone
 * @param emailReceiptTo where to email the receipt; {@code null} means the client's email on file
 * @param reference the agency's unique reference, such as {@code 1.1.2026 1000 CC}
 * @param type credit card, cash or check
 * @param payer which responsibility the payment covers
 * @param amountReceived the full amount with cents
 * @param note an internal note; never leaves the host
 * @param electronic whether the card is charged through the processor now
 * @param card the card to charge, for electronic payments only
 * @param clientPresent whether the client is present (front desk, portal) so 3-D Secure can be
 *     completed; a saved card charged without them is charged off-session
 */
public record PaymentRequest(
    @NotNull(message = "is required") ClientId clientId,
    @Nullable AppointmentId appointmentId,
    @NotNull(message = "is required") Origin origin,
    @Nullable LocalDate datePosted,
    @Email(
            regexp = PaymentRequest.EMAIL_PATTERN,
            message = "must be an email address like name@example.org")
        @Size(max = 254, message = "must be at most {max} characters")
        @Nullable String emailReceiptTo,
    @NotBlank(message = "is required") @Size(max = 64, message = "must be at most {max} characters")
        String reference,
    @NotNull(message = "is required") PaymentType type,
    @NotNull(message = "is required") Payer payer,
    @NotNull(message = "is required") Money amountReceived,
    @Size(max = 500, message = "must be at most {max} characters") @Nullable String note,
    boolean electronic,
    @Nullable CardChoice card,
    boolean clientPresent) {

  /**
   * What a receipt address must look like (a regular expression), on top of Hibernate Validator's
   * own check: a plain local part and a host name of dotted labels (no IP literals, no underscores,
   * no comments).
   */
  public static final String EMAIL_PATTERN =
      "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
          + "@[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\\.[A-Za-z]{2,63}";

  /** Trims the reference and email; turns blank optional text into {@code null}. */
  public PaymentRequest {
    reference = reference == null ? null : reference.strip();
    emailReceiptTo = blankToNull(emailReceiptTo == null ? null : emailReceiptTo.strip());
    note = blankToNull(note);
  }

  /**
   * Starts a request; the client is present unless told otherwise.
   *
   * @return a new builder
   */
  public static PaymentRequestBuilder builder() {
    return new PaymentRequestBuilder();
  }

  /**
   * This request with its date posted filled in.
   *
   * @param date the date posted
   * @return the completed request
   */
  public PaymentRequest withDatePosted(LocalDate date) {
    return new PaymentRequest(
        clientId,
        appointmentId,
        origin,
        date,
        emailReceiptTo,
        reference,
        type,
        payer,
        amountReceived,
        note,
        electronic,
        card,
        clientPresent);
  }

  /**
   * This request with another card, for a new attempt after a decline. Nothing else changes; the
   * facade validates the result like any request.
   *
   * @param newCard the card to charge
   * @return the request with that card
   */
  public PaymentRequest withCard(CardChoice newCard) {
    Objects.requireNonNull(newCard, "card");
    return new PaymentRequest(
        clientId,
        appointmentId,
        origin,
        datePosted,
        emailReceiptTo,
        reference,
        type,
        payer,
        amountReceived,
        note,
        electronic,
        newCard,
        clientPresent);
  }

  /**
   * Whether the card is charged through the processor.
   *
   * @return true for an electronic card payment
   */
  public boolean chargesCard() {
    return electronic && type == PaymentType.CREDIT_CARD;
  }

  /**
   * Whether this request asks for the same payment as another: same client, reference, amount, type
   * and card. Used to recognise a double submit.
   *
   * @param other the other request
   * @return true when both describe the same payment
   */
  public boolean sameDetailsAs(PaymentRequest other) {
    return clientId.equals(other.clientId)
        && reference.equals(other.reference)
        && amountReceived.equals(other.amountReceived)
        && type == other.type
        && electronic == other.electronic
        && Objects.equals(card, other.card);
  }

  /** Shows the fields a log may hold; the note and email stay out. */
  @Override
  public String toString() {
    return "PaymentRequest[client="
        + clientId
        + ", appointment="
        + appointmentId
        + ", origin="
        + origin
        + ", type="
        + type
        + ", payer="
        + payer
        + ", amount="
        + amountReceived
        + ", electronic="
        + electronic
        + ", card="
        + (card == null ? "none" : card.getClass().getSimpleName())
        + "]";
  }

  private static @Nullable String blankToNull(@Nullable String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
