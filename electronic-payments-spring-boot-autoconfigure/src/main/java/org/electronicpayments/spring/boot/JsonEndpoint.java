package org.electronicpayments.spring.boot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import java.io.UncheckedIOException;
import org.electronicpayments.AccessDeniedException;
import org.electronicpayments.ConcurrentUpdateException;
import org.electronicpayments.FieldError;
import org.electronicpayments.PaymentException;
import org.electronicpayments.PaymentNotFoundException;
import org.electronicpayments.PaymentStateException;
import org.electronicpayments.PaymentValidationException;
import org.electronicpayments.ProcessorException;
import org.electronicpayments.ReceiptDeliveryNotConfiguredException;
import org.electronicpayments.RefundRejectedException;
import org.electronicpayments.jackson.ElectronicPaymentsModule;
import org.electronicpayments.security.Actor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageConversionException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * What the JSON endpoints share: the Jackson 2 mapper with the domain module (whatever JSON library
 * the application's own converters use), the actor of a request, and errors as RFC 9457 problem
 * details ({@code application/problem+json}): 400 with every field error, 401, 403, 404, 409 for a
 * concurrent change or a payment in the wrong state, 422 for a refund the processor refused, 502
 * when the processor failed, and 500, without detail, for anything unexpected (logged).
 */
abstract class JsonEndpoint {

  static final MediaType PROBLEM = MediaType.parseMediaType("application/problem+json");

  private static final Logger LOG = LoggerFactory.getLogger(JsonEndpoint.class);

  final ObjectMapper json = new ObjectMapper().registerModule(new ElectronicPaymentsModule());
  private final ActorResolver actors;

  JsonEndpoint(ActorResolver actors) {
    this.actors = actors;
  }

  Actor actor(HttpServletRequest request) {
    Actor actor = actors.resolve(request.getUserPrincipal());
    if (actor == null) {
      throw new NotAuthenticatedException();
    }
    return actor;
  }

  ResponseEntity<String> ok(Object body) {
    return status(HttpStatus.OK, body);
  }

  ResponseEntity<String> status(HttpStatus status, Object body) {
    try {
      return ResponseEntity.status(status)
          .contentType(MediaType.APPLICATION_JSON)
          .body(json.writeValueAsString(body));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  JsonNode body(@Nullable String text) {
    if (text == null || text.isBlank()) {
      return json.createObjectNode();
    }
    try {
      return json.readTree(text);
    } catch (JsonProcessingException e) {
      throw PaymentValidationException.of("body", "must be a JSON object");
    }
  }

  @ExceptionHandler(PaymentValidationException.class)
  ResponseEntity<String> invalid(PaymentValidationException e, HttpServletRequest request) {
    ObjectNode problem =
        problem(
            HttpStatus.BAD_REQUEST,
            "The request has invalid fields",
            "Correct the fields listed in errors.",
            request);
    ArrayNode errors = problem.putArray("errors");
    for (FieldError error : e.errors()) {
      errors.addObject().put("field", error.field()).put("message", error.message());
    }
    return problem(HttpStatus.BAD_REQUEST, problem);
  }

  @ExceptionHandler(NotAuthenticatedException.class)
  ResponseEntity<String> unauthenticated(NotAuthenticatedException e, HttpServletRequest request) {
    return problem(
        HttpStatus.UNAUTHORIZED,
        problem(
            HttpStatus.UNAUTHORIZED,
            "Not signed in",
            "The request has no user this application knows.",
            request));
  }

  @ExceptionHandler(AccessDeniedException.class)
  ResponseEntity<String> denied(AccessDeniedException e, HttpServletRequest request) {
    ObjectNode problem =
        problem(
            HttpStatus.FORBIDDEN,
            "Not allowed",
            "You may not do this: it needs the permission " + e.permission() + ".",
            request);
    problem.put("permission", e.permission().name());
    return problem(HttpStatus.FORBIDDEN, problem);
  }

  @ExceptionHandler({PaymentNotFoundException.class, NotFoundException.class})
  ResponseEntity<String> notFound(RuntimeException e, HttpServletRequest request) {
    String what = e instanceof NotFoundException n ? n.what : "payment";
    return problem(
        HttpStatus.NOT_FOUND,
        problem(HttpStatus.NOT_FOUND, "Not found", "There is no such " + what + ".", request));
  }

  @ExceptionHandler(RefundRejectedException.class)
  ResponseEntity<String> refundRejected(RefundRejectedException e, HttpServletRequest request) {
    ObjectNode problem =
        problem(
            HttpStatus.UNPROCESSABLE_CONTENT,
            "The card processor refused the refund",
            e.failure().reason(),
            request);
    problem.set("failure", json.valueToTree(e.failure()));
    return problem(HttpStatus.UNPROCESSABLE_CONTENT, problem);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<String> badParameter(
      MethodArgumentTypeMismatchException e, HttpServletRequest request) {
    return invalid(PaymentValidationException.of(e.getName(), "is not valid"), request);
  }

  /**
   * Anything else: Spring MVC's own errors (a wrong method or media type) keep their status; an
   * unexpected failure is logged and answered 500 without its message or stack trace.
   */
  @ExceptionHandler(RuntimeException.class)
  ResponseEntity<String> unexpected(RuntimeException e, HttpServletRequest request) {
    if (e instanceof ErrorResponse web) {
      HttpStatus status = HttpStatus.resolve(web.getStatusCode().value());
      if (status == null) {
        status = HttpStatus.BAD_REQUEST;
      }
      return problem(status, problem(status, status.getReasonPhrase(), null, request));
    }
    if (e instanceof HttpMessageConversionException) {
      return invalid(PaymentValidationException.of("body", "must be a JSON object"), request);
    }
    LOG.error("Payment request failed unexpectedly", e);
    return problem(
        HttpStatus.INTERNAL_SERVER_ERROR,
        problem(
            HttpStatus.INTERNAL_SERVER_ERROR,
            "The request failed",
            "See the server's log.",
            request));
  }

  @ExceptionHandler(ConcurrentUpdateException.class)
  ResponseEntity<String> conflict(ConcurrentUpdateException e, HttpServletRequest request) {
    return problem(
        HttpStatus.CONFLICT,
        problem(
            HttpStatus.CONFLICT,
            "Changed meanwhile",
            "Someone else changed this payment at the same time; load it again and retry.",
            request));
  }

  @ExceptionHandler(PaymentStateException.class)
  ResponseEntity<String> wrongState(PaymentStateException e, HttpServletRequest request) {
    ObjectNode problem =
        problem(HttpStatus.CONFLICT, "Not possible in this status", e.getMessage(), request);
    problem.put("paymentStatus", e.status().name());
    return problem(HttpStatus.CONFLICT, problem);
  }

  @ExceptionHandler(ReceiptDeliveryNotConfiguredException.class)
  ResponseEntity<String> noMail(
      ReceiptDeliveryNotConfiguredException e, HttpServletRequest request) {
    return problem(
        HttpStatus.NOT_IMPLEMENTED,
        problem(
            HttpStatus.NOT_IMPLEMENTED,
            "Receipts by email are not set up",
            "This application sends no email; print the receipt instead.",
            request));
  }

  @ExceptionHandler(ProcessorException.class)
  ResponseEntity<String> processor(ProcessorException e, HttpServletRequest request) {
    LOG.warn("Card processor failed: {}", e.getMessage());
    return problem(
        HttpStatus.BAD_GATEWAY,
        problem(
            HttpStatus.BAD_GATEWAY,
            "The card processor failed",
            "Try again in a moment.",
            request));
  }

  @ExceptionHandler(PaymentException.class)
  ResponseEntity<String> other(PaymentException e, HttpServletRequest request) {
    LOG.warn("Payment request failed", e);
    boolean mail = e.getClass().getSimpleName().equals("ReceiptDeliveryException");
    HttpStatus status = mail ? HttpStatus.BAD_GATEWAY : HttpStatus.INTERNAL_SERVER_ERROR;
    return problem(
        status,
        problem(
            status,
            mail ? "The receipt could not be sent" : "The request failed",
            mail
                ? "The mail server refused or did not answer; try again or print the receipt."
                : "See the server's log.",
            request));
  }

  private ObjectNode problem(
      HttpStatus status, String title, @Nullable String detail, HttpServletRequest request) {
    ObjectNode problem = json.createObjectNode();
    problem.put("type", "about:blank");
    problem.put("title", title);
    problem.put("status", status.value());
    if (detail != null) {
      problem.put("detail", detail);
    }
    problem.put("instance", request.getRequestURI());
    return problem;
  }

  private ResponseEntity<String> problem(HttpStatus status, ObjectNode problem) {
    return ResponseEntity.status(status).contentType(PROBLEM).body(problem.toString());
  }

  /** The request has no actor. */
  static final class NotAuthenticatedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotAuthenticatedException() {
      super("not authenticated", null, false, false);
    }
  }

  /** A path names nothing. */
  static final class NotFoundException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What was not found, such as {@code payment} or {@code card setup}. */
    final String what;

    NotFoundException(String what) {
      super("not found", null, false, false);
      this.what = what;
    }
  }
}
