package org.electronicpayments.jackson;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.electronicpayments.FieldError;
import org.electronicpayments.PaymentValidationException;

/**
 * Reads typed fields of a JSON object, recording an error per malformed field instead of stopping.
 */
final class Fields {

  private final JsonNode json;
  private final List<FieldError> errors;

  Fields(JsonNode json, List<FieldError> errors) {
    this.json = json;
    this.errors = errors;
  }

  <T> Optional<T> text(String field, Function<String, T> parse) {
    JsonNode node = json.get(field);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (!node.isTextual()) {
      errors.add(new FieldError(field, "must be text"));
      return Optional.empty();
    }
    try {
      return Optional.of(parse.apply(node.textValue()));
    } catch (PaymentValidationException e) {
      e.errors().forEach(err -> errors.add(new FieldError(field, err.message())));
    } catch (RuntimeException e) {
      String message = e.getMessage();
      errors.add(
          new FieldError(
              field, message != null && message.startsWith("must ") ? message : "is not valid"));
    }
    return Optional.empty();
  }

  Optional<Boolean> bool(String field) {
    JsonNode node = json.get(field);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (!node.isBoolean()) {
      errors.add(new FieldError(field, "must be true or false"));
      return Optional.empty();
    }
    return Optional.of(node.booleanValue());
  }
}
