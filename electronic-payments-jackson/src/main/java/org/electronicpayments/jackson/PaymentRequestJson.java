package org.electronicpayments.jackson;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.electronicpayments.AppointmentId;
import org.electronicpayments.CardChoice;
import org.electronicpayments.ClientId;
import org.electronicpayments.Consent;
import org.electronicpayments.ConsentChannel;
import org.electronicpayments.ConsentGiver;
import org.electronicpayments.FieldError;
import org.electronicpayments.Origin;
import org.electronicpayments.Payer;
import org.electronicpayments.PaymentMethodId;
import org.electronicpayments.PaymentRequest;
import org.electronicpayments.PaymentRequestBuilder;
import org.electronicpayments.PaymentType;
import org.electronicpayments.PaymentValidationException;
import org.jspecify.annotations.Nullable;

/**
 * Reads the New Payment window's JSON into a {@link PaymentRequest}, reporting every field error at
 * once: malformed values (a number where text is expected, an unknown payer, a date that is not
 * {@code 2026-01-31}) together with the request's own validation. Field names are the request's:
 * {@code clientId}, {@code appointmentId}, {@code origin}, {@code datePosted}, {@code
 * emailReceiptTo}, {@code reference}, {@code type}, {@code payer}, {@code amountReceived} (text,
 * {@code "10.00"}), {@code currency} (default {@code USD}), {@code note}, {@code electronic},
 * {@code card}, {@code clientPresent}. A card is {@code {"oneTime": "pm_…"}}, {@code {"saveNew":
 * "pm_…", "nickname": "Visa 1000", "consent": {"givenBy": "client", "channel": "front_desk"}}} or
 * {@code {"saved": "pm_…"}}. No error message repeats a rejected value.
 *
 * <pre>{@code
 * PaymentRequest request = PaymentRequestJson.read(objectMapper.readTree(body));
 * }</pre>
 */
public final class PaymentRequestJson {

  private PaymentRequestJson() {}

  /**
   * Reads a request.
   *
   * @param json the request object
   * @return the request
   * @throws PaymentValidationException listing every field error; nothing else is thrown for bad
   *     input
   */
  public static PaymentRequest read(JsonNode json) {
    if (json == null || !json.isObject()) {
      throw PaymentValidationException.of("body", "must be a JSON object");
    }
    List<FieldError> errors = new ArrayList<>();
    PaymentRequestBuilder b = PaymentRequest.builder();
    Fields f = new Fields(json, errors);
    f.text("clientId", ClientId::of).ifPresent(b::client);
    f.text("appointmentId", AppointmentId::of).ifPresent(b::appointment);
    f.text("origin", s -> enumValue(Origin.class, s)).ifPresent(b::origin);
    f.text("datePosted", LocalDate::parse).ifPresent(b::datePosted);
    f.text("emailReceiptTo", Function.identity()).ifPresent(b::emailReceiptTo);
    f.text("reference", Function.identity()).ifPresent(b::reference);
    f.text("type", s -> enumValue(PaymentType.class, s)).ifPresent(b::type);
    f.text("payer", s -> enumValue(Payer.class, s)).ifPresent(b::payer);
    f.text("currency", s -> Currency.getInstance(s.toUpperCase(Locale.ROOT)))
        .ifPresent(b::currency);
    f.text("amountReceived", Function.identity()).ifPresent(b::amountReceived);
    f.text("note", Function.identity()).ifPresent(b::note);
    f.bool("electronic").ifPresent(b::electronic);
    f.bool("clientPresent").ifPresent(b::clientPresent);
    JsonNode card = json.get("card");
    if (card != null && !card.isNull()) {
      CardChoice choice = card(card, errors);
      if (choice != null) {
        b.card(choice);
      }
    }
    Set<String> flagged = new LinkedHashSet<>();
    errors.forEach(e -> flagged.add(e.field()));
    try {
      PaymentRequest request = b.build();
      if (errors.isEmpty()) {
        return request;
      }
    } catch (PaymentValidationException e) {
      e.errors().stream().filter(err -> !flagged.contains(err.field())).forEach(errors::add);
    }
    throw new PaymentValidationException(errors);
  }

  /**
   * Reads a card expiry written {@code 2030-12}.
   *
   * @param text the expiry
   * @return the month
   * @throws PaymentValidationException naming {@code expiry}
   */
  public static YearMonth expiry(@Nullable String text) {
    try {
      return YearMonth.parse(String.valueOf(text));
    } catch (RuntimeException e) {
      throw PaymentValidationException.of("expiry", "must be a month written like 2030-12");
    }
  }

  /**
   * Reads a card choice alone, as a retry with another card sends it.
   *
   * @param card the card object, or {@code null}
   * @return the choice, or {@code null} when none was given
   * @throws PaymentValidationException naming {@code card}
   */
  public static @Nullable CardChoice card(@Nullable JsonNode card) {
    if (card == null || card.isNull()) {
      return null;
    }
    List<FieldError> errors = new ArrayList<>();
    CardChoice choice = card(card, errors);
    if (!errors.isEmpty()) {
      throw new PaymentValidationException(errors);
    }
    return choice;
  }

  private static @Nullable CardChoice card(JsonNode card, List<FieldError> errors) {
    String message =
        "must be {\"oneTime\": \"pm_…\"}, {\"saveNew\": \"pm_…\", \"nickname\": \"…\"} or {\"saved\": \"pm_…\"}";
    if (!card.isObject()) {
      errors.add(new FieldError("card", message));
      return null;
    }
    try {
      if (card.hasNonNull("oneTime")) {
        return CardChoice.oneTime(card.get("oneTime").textValue());
      }
      if (card.hasNonNull("saveNew")) {
        JsonNode nickname = card.get("nickname");
        // A missing consent is left null here so validation reports it as card.consent.
        return new CardChoice.SaveNew(
            card.get("saveNew").textValue(),
            nickname == null || !nickname.isTextual() ? "" : nickname.textValue(),
            consent(card.get("consent"), errors));
      }
      if (card.hasNonNull("saved")) {
        return CardChoice.saved(PaymentMethodId.of(card.get("saved").textValue()));
      }
    } catch (PaymentValidationException e) {
      e.errors().forEach(err -> errors.add(new FieldError("card", err.message())));
      return null;
    } catch (RuntimeException e) {
      // a missing or non-text token
    }
    errors.add(new FieldError("card", message));
    return null;
  }

  /**
   * Reads {@code {"givenBy": "client", "channel": "front_desk"}}; a malformed one is a field error
   * on {@code card.consent}.
   */
  private static @Nullable Consent consent(@Nullable JsonNode consent, List<FieldError> errors) {
    if (consent == null || consent.isNull()) {
      return null;
    }
    JsonNode givenBy = consent.get("givenBy");
    JsonNode channel = consent.get("channel");
    if (!consent.isObject()
        || givenBy == null
        || !givenBy.isTextual()
        || channel == null
        || !channel.isTextual()) {
      errors.add(
          new FieldError(
              "card.consent", "must be {\"givenBy\": \"client\", \"channel\": \"front_desk\"}"));
      return null;
    }
    try {
      return Consent.of(
          enumValue(ConsentGiver.class, givenBy.textValue()),
          enumValue(ConsentChannel.class, channel.textValue()));
    } catch (IllegalArgumentException e) {
      errors.add(
          new FieldError(
              "card.consent", Objects.requireNonNullElse(e.getMessage(), "is not known")));
      return null;
    }
  }

  private static <E extends Enum<E>> E enumValue(Class<E> type, String text) {
    try {
      return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      List<String> names = new ArrayList<>();
      for (E constant : type.getEnumConstants()) {
        names.add(constant.name());
      }
      throw new IllegalArgumentException("must be one of " + String.join(", ", names));
    }
  }
}
