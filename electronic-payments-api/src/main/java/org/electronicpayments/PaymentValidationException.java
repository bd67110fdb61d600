package org.electronicpayments;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A request was rejected before anything was stored or sent to the processor. Lists every field
 * error at once so a screen can mark all of them.
 *
 * <pre>{@code
 * try {
 *   payments.process(actor, request);
 * } catch (PaymentValidationException e) {
 *   e.errors().forEach(err -> form.markInvalid(err.field(), err.message()));
 * }
 * }</pre>
 */
public final class PaymentValidationException extends PaymentException {

  private static final long serialVersionUID = 1L;

  private final List<FieldError> errors;

  /**
   * Creates the exception.
   *
   * @param errors the field errors, at least one
   */
  public PaymentValidationException(List<FieldError> errors) {
    super(describe(errors));
    this.errors = List.copyOf(errors);
  }

  /**
   * Creates the exception for one field.
   *
   * @param field the field
   * @param message what the field must be
   * @return the exception
   */
  public static PaymentValidationException of(String field, String message) {
    return new PaymentValidationException(List.of(new FieldError(field, message)));
  }

  /**
   * The field errors, in a stable order (by field, then message).
   *
   * @return the errors
   */
  public List<FieldError> errors() {
    return errors;
  }

  /**
   * Whether a given field was rejected.
   *
   * @param field the field's name
   * @return true when at least one error names it
   */
  public boolean hasErrorOn(String field) {
    return errors.stream().anyMatch(e -> e.field().equals(field));
  }

  private static String describe(List<FieldError> errors) {
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("a validation exception needs at least one error");
    }
    return "Invalid request: "
        + errors.stream().map(FieldError::toString).collect(Collectors.joining("; "));
  }
}
