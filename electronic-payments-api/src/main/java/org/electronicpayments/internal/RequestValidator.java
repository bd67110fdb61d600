package org.electronicpayments.internal;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.electronicpayments.CardChoice;
import org.electronicpayments.FieldError;
import org.electronicpayments.PaymentRequest;
import org.electronicpayments.PaymentType;
import org.electronicpayments.PaymentValidationException;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.jspecify.annotations.Nullable;

/**
 * Checks a {@link PaymentRequest}: Jakarta Validation (Hibernate Validator, parameter message
 * interpolation, no expression language) for single fields, then the rules that span fields and the
 * card-number guard.
 */
public final class RequestValidator {

  static final String CARD_NUMBER_MESSAGE =
      "must not contain a card number; cards are entered only in the processor's card form";
  static final int MAX_NICKNAME = 40;

  /** What a receipt address must look like: {@link PaymentRequest#EMAIL_PATTERN}. */
  public static final String EMAIL = PaymentRequest.EMAIL_PATTERN;

  private static final Pattern TOKEN = Pattern.compile("(pm|tok|card|src)_[A-Za-z0-9_]{1,200}");

  private RequestValidator() {}

  /**
   * Checks a request; throws one exception listing every error, {@code earlier} ones (found while
   * building it) included.
   *
   * @param request the request
   * @param earlier errors already found
   */
  public static void check(PaymentRequest request, List<FieldError> earlier) {
    List<FieldError> errors = new ArrayList<>(earlier);
    Set<ConstraintViolation<PaymentRequest>> violations = Holder.VALIDATOR.validate(request);
    for (ConstraintViolation<PaymentRequest> v : violations) {
      String field = v.getPropertyPath().toString();
      if (earlier.stream().noneMatch(e -> e.field().equals(field))) {
        errors.add(new FieldError(field, v.getMessage()));
      }
    }
    checkText("reference", request.reference(), false, errors);
    checkText("note", request.note(), true, errors);
    if (request.emailReceiptTo() != null
        && CardNumbers.containsCardNumber(request.emailReceiptTo())) {
      errors.add(new FieldError("emailReceiptTo", CARD_NUMBER_MESSAGE));
    }
    checkCard(request, errors);
    if (request.chargesCard() && request.amountReceived() != null) {
      ProcessorLimits.check("amountReceived", request.amountReceived(), errors);
    }
    if (!errors.isEmpty()) {
      errors.sort(Comparator.comparing(FieldError::field).thenComparing(FieldError::message));
      throw new PaymentValidationException(errors);
    }
  }

  static void checkText(
      String field, @Nullable String text, boolean multiLine, List<FieldError> errors) {
    if (text == null) {
      return;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean allowed = multiLine && (c == '\n' || c == '\r' || c == '\t');
      if (Character.isISOControl(c) && !allowed) {
        errors.add(new FieldError(field, "must not contain control characters"));
        break;
      }
    }
    if (CardNumbers.containsCardNumber(text)) {
      errors.add(new FieldError(field, CARD_NUMBER_MESSAGE));
    }
  }

  public static void checkNickname(
      String field, @Nullable String nickname, List<FieldError> errors) {
    if (nickname == null || nickname.isBlank()) {
      errors.add(new FieldError(field, "is required, such as Visa 1000"));
      return;
    }
    if (nickname.strip().length() > MAX_NICKNAME) {
      errors.add(new FieldError(field, "must be at most " + MAX_NICKNAME + " characters"));
    }
    checkText(field, nickname, false, errors);
  }

  private static void checkCard(PaymentRequest request, List<FieldError> errors) {
    CardChoice card = request.card();
    if (request.electronic()
        && request.type() != null
        && request.type() != PaymentType.CREDIT_CARD) {
      errors.add(
          new FieldError(
              "electronic", "is only for credit card payments; cash and checks are recorded"));
    }
    if (request.electronic() && request.type() == PaymentType.CREDIT_CARD && card == null) {
      errors.add(
          new FieldError(
              "card",
              "is required for an electronic payment: a one-time card, a new card to save, or a saved card"));
    }
    if (!request.electronic() && card != null) {
      errors.add(new FieldError("card", "must be empty unless the payment is electronic"));
    }
    if (card instanceof CardChoice.OneTime once) {
      checkToken(once.token(), errors);
    } else if (card instanceof CardChoice.SaveNew save) {
      checkToken(save.token(), errors);
      checkNickname("card.nickname", save.nickname(), errors);
      if (save.consent() == null) {
        errors.add(new FieldError("card.consent", CONSENT_REQUIRED));
      }
    }
  }

  /** The field error for a card to save without consent to keep it on file. */
  public static final String CONSENT_REQUIRED =
      "is required to keep a card on file: who agreed (client, representative, or staff for the client) and where";

  public static void checkToken(String field, @Nullable String token, List<FieldError> errors) {
    if (token == null || !TOKEN.matcher(token).matches()) {
      errors.add(
          new FieldError(
              field,
              "must be a processor token or PaymentMethod id such as pm_… from the card form"));
    }
  }

  private static void checkToken(String token, List<FieldError> errors) {
    if (!TOKEN.matcher(token).matches()) {
      errors.add(
          new FieldError(
              "card.token",
              "must be a processor token or PaymentMethod id such as pm_… from the card form"));
    }
  }

  /** Builds the validator once: it is expensive to make and safe to share. */
  private static final class Holder {
    static final Validator VALIDATOR =
        Validation.byProvider(HibernateValidator.class)
            .configure()
            .messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory()
            .getValidator();
  }
}
