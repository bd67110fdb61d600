package org.electronicpayments.spring.boot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.electronicpayments.AgencyDetails;
import org.electronicpayments.AgencyId;
import org.electronicpayments.AppointmentId;
import org.electronicpayments.ClientId;
import org.electronicpayments.ElectronicPayments;
import org.electronicpayments.Payment;
import org.electronicpayments.PaymentId;
import org.electronicpayments.PaymentMethodId;
import org.electronicpayments.PaymentQuery;
import org.electronicpayments.PaymentRequest;
import org.electronicpayments.PaymentResult;
import org.electronicpayments.PaymentStatus;
import org.electronicpayments.PaymentValidationException;
import org.electronicpayments.jackson.PaymentRequestJson;
import org.electronicpayments.security.Actor;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The JSON API of the New Payment window and the client portal, under {@code
 * {electronic-payments.web.path}/api} for the default agency and {@code
 * {electronic-payments.web.path}/agencies/{agencyId}/api} for each agency of the {@link
 * ElectronicPaymentsRegistry}. It maps HTTP to the facade and holds no payment logic; the actor of
 * each request comes from the {@link ActorResolver}.
 */
@RestController
@RequestMapping({
  "${electronic-payments.web.path:/electronic-payments}/api",
  "${electronic-payments.web.path:/electronic-payments}/agencies/{agency}/api"
})
final class PaymentsApiEndpoint extends JsonEndpoint {

  private static final long JOURNAL_POLL_MILLIS = 25;

  private final ElectronicPaymentsRegistry registry;
  private final ClientSecrets secrets = new ClientSecrets();

  PaymentsApiEndpoint(ElectronicPaymentsRegistry registry, ActorResolver actors) {
    super(actors);
    this.registry = registry;
  }

  @PostMapping("/payments")
  ResponseEntity<String> process(
      @RequestBody(required = false) String body, HttpServletRequest http) {
    Actor actor =
        actor(http); // who first: nobody learns what a valid request looks like without signing in
    PaymentRequest request = PaymentRequestJson.read(body(body));
    return ok(remember(payments(http).process(actor, request)));
  }

  @PostMapping("/payments/async")
  ResponseEntity<String> processAsync(
      @RequestBody(required = false) String body, HttpServletRequest http) {
    Actor actor = actor(http);
    PaymentRequest request = PaymentRequestJson.read(body(body));
    CompletableFuture<PaymentResult> result = payments(http).processAsync(actor, request);
    // Nothing waits for this step: remember only keeps a client secret for the status call, and
    // cannot fail.
    CompletableFuture<Void> unused = result.thenAccept(this::remember);
    Payment journaled = journaled(http, actor, request, result);
    ObjectNode accepted = json.createObjectNode();
    accepted.put("paymentId", journaled.id().value());
    accepted.put("status", journaled.status().name());
    accepted.put(
        "statusUrl",
        http.getRequestURI().replaceFirst("/async$", "/" + journaled.id().value() + "/status"));
    return status(HttpStatus.ACCEPTED, accepted);
  }

  @GetMapping("/payments/{id}/status")
  ResponseEntity<String> status(@PathVariable("id") String id, HttpServletRequest http) {
    Payment payment = payments(http).payment(actor(http), paymentId(id));
    ObjectNode status = json.createObjectNode();
    status.put("paymentId", payment.id().value());
    status.put("status", payment.status().name());
    if (payment.status() != PaymentStatus.PENDING && payment.status() != PaymentStatus.PROCESSING) {
      PaymentResult result = PaymentResult.of(payment);
      if (result instanceof PaymentResult.RequiresAction) {
        result = new PaymentResult.RequiresAction(payment, secrets.get(payment.id()));
      }
      status.set("result", json.valueToTree(result));
    }
    return ok(status);
  }

  @GetMapping("/payments/{id}")
  ResponseEntity<String> payment(@PathVariable("id") String id, HttpServletRequest http) {
    return ok(payments(http).payment(actor(http), paymentId(id)));
  }

  @PostMapping("/payments/{id}/retry")
  ResponseEntity<String> retry(
      @PathVariable("id") String id,
      @RequestBody(required = false) String body,
      HttpServletRequest http) {
    Actor actor = actor(http);
    JsonNode json = body(body);
    return ok(
        remember(
            payments(http).retry(actor, paymentId(id), PaymentRequestJson.card(json.get("card")))));
  }

  @PostMapping("/payments/{id}/refresh")
  ResponseEntity<String> refresh(@PathVariable("id") String id, HttpServletRequest http) {
    return ok(payments(http).refresh(actor(http), paymentId(id)));
  }

  @PostMapping("/payments/{id}/save")
  ResponseEntity<String> save(@PathVariable("id") String id, HttpServletRequest http) {
    return ok(payments(http).save(actor(http), paymentId(id)));
  }

  @GetMapping("/payments/{id}/receipt")
  ResponseEntity<String> receipt(@PathVariable("id") String id, HttpServletRequest http) {
    return ok(payments(http).receipt(actor(http), paymentId(id)));
  }

  @GetMapping("/payments/{id}/receipt/print")
  ResponseEntity<String> printableReceipt(@PathVariable("id") String id, HttpServletRequest http) {
    return ResponseEntity.ok()
        .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
        .body(payments(http).printableReceipt(actor(http), paymentId(id)));
  }

  @PostMapping("/payments/{id}/receipt/email")
  ResponseEntity<String> emailReceipt(@PathVariable("id") String id, HttpServletRequest http) {
    String to = payments(http).emailReceipt(actor(http), paymentId(id));
    return ok(json.createObjectNode().put("sentTo", to));
  }

  @GetMapping("/payments/unsaved")
  ResponseEntity<String> unsaved(HttpServletRequest http) {
    return ok(payments(http).unsaved(actor(http)));
  }

  @GetMapping("/payments")
  ResponseEntity<String> query(
      @RequestParam(name = "clientId", required = false) @Nullable String clientId,
      @RequestParam(name = "appointmentId", required = false) @Nullable String appointmentId,
      @RequestParam(name = "datePostedFrom", required = false) @Nullable String postedFrom,
      @RequestParam(name = "datePostedTo", required = false) @Nullable String postedTo,
      @RequestParam(name = "status", required = false) @Nullable List<String> statuses,
      @RequestParam(name = "unsaved", defaultValue = "false") boolean unsaved,
      @RequestParam(name = "offset", defaultValue = "0") int offset,
      @RequestParam(name = "limit", defaultValue = "100") int limit,
      HttpServletRequest http) {
    Actor actor = actor(http);
    if (offset < 0 || limit < 1 || limit > 1000) {
      throw PaymentValidationException.of(
          offset < 0 ? "offset" : "limit",
          offset < 0 ? "must be 0 or more" : "must be between 1 and 1000");
    }
    PaymentQuery query =
        PaymentQuery.all()
            .client(param("clientId", clientId, ClientId::of))
            .appointment(param("appointmentId", appointmentId, AppointmentId::of))
            .datePostedBetween(
                param("datePostedFrom", postedFrom, LocalDate::parse),
                param("datePostedTo", postedTo, LocalDate::parse))
            .statuses(statuses(statuses))
            .page(offset, limit);
    if (unsaved) {
      query = query.unsaved();
    }
    return ok(payments(http).payments(actor, query));
  }

  @GetMapping("/clients/{clientId}/cards")
  ResponseEntity<String> cards(@PathVariable("clientId") String clientId, HttpServletRequest http) {
    return ok(payments(http).savedCards(actor(http), ClientId.of(clientId)));
  }

  @PostMapping("/cards/{id}/nickname")
  ResponseEntity<String> rename(
      @PathVariable("id") String id,
      @RequestBody(required = false) String body,
      HttpServletRequest http) {
    Actor actor = actor(http);
    JsonNode nickname = body(body).get("nickname");
    if (nickname == null || !nickname.isTextual()) {
      throw PaymentValidationException.of("nickname", "is required");
    }
    return ok(payments(http).renameCard(actor, cardId(id), nickname.textValue()));
  }

  @PostMapping("/cards/{id}/expiry")
  ResponseEntity<String> expiry(
      @PathVariable("id") String id,
      @RequestBody(required = false) String body,
      HttpServletRequest http) {
    Actor actor = actor(http);
    JsonNode expiry = body(body).get("expiry");
    return ok(
        payments(http)
            .updateCardExpiry(
                actor,
                cardId(id),
                PaymentRequestJson.expiry(
                    expiry == null || !expiry.isTextual() ? null : expiry.textValue())));
  }

  @DeleteMapping("/cards/{id}")
  ResponseEntity<Void> removeCard(@PathVariable("id") String id, HttpServletRequest http) {
    payments(http).removeCard(actor(http), cardId(id));
    return ResponseEntity.noContent().build();
  }

  private PaymentResult remember(PaymentResult result) {
    if (result instanceof PaymentResult.RequiresAction a && a.clientSecret() != null) {
      secrets.put(a.payment().id(), a.clientSecret());
    }
    return result;
  }

  /**
   * The payment {@code processAsync} is charging: found by the request's reference among its
   * client's payments once journaled, or taken from the result if that comes first.
   */
  private Payment journaled(
      HttpServletRequest http,
      Actor actor,
      PaymentRequest request,
      CompletableFuture<PaymentResult> result) {
    LocalDate day =
        request.datePosted() != null ? request.datePosted() : LocalDate.now(agency(http).zone());
    PaymentQuery query =
        PaymentQuery.all()
            .client(request.clientId())
            .datePostedBetween(day.minusDays(1), day.plusDays(1))
            .limit(1000);
    while (true) {
      if (result.isDone()) {
        try {
          return result.join().payment();
        } catch (CompletionException e) {
          throw e.getCause() instanceof RuntimeException r ? r : e;
        }
      }
      Optional<Payment> stored =
          payments(http).payments(actor, query).stream()
              .filter(p -> p.request().reference().equals(request.reference()))
              .findFirst();
      if (stored.isPresent()) {
        return stored.get();
      }
      try {
        result.get(JOURNAL_POLL_MILLIS, TimeUnit.MILLISECONDS);
      } catch (TimeoutException | ExecutionException e) {
        // not journaled yet, or failed: the loop looks again
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while the payment was being journaled", e);
      }
    }
  }

  /** The facade of the agency in the path, or the default agency's. */
  private ElectronicPayments payments(HttpServletRequest http) {
    return registry.find(agencyId(http)).orElseThrow(NotFoundException::new);
  }

  private AgencyDetails agency(HttpServletRequest http) {
    return registry.details(agencyId(http));
  }

  private AgencyId agencyId(HttpServletRequest http) {
    Object vars = http.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
    Object agency = vars instanceof java.util.Map<?, ?> map ? map.get("agency") : null;
    if (agency == null) {
      return registry.defaultAgency();
    }
    try {
      return AgencyId.of(agency.toString());
    } catch (RuntimeException e) {
      throw new NotFoundException();
    }
  }

  private static PaymentId paymentId(String id) {
    try {
      return PaymentId.of(id);
    } catch (RuntimeException e) {
      throw new NotFoundException();
    }
  }

  private static PaymentMethodId cardId(String id) {
    try {
      return PaymentMethodId.of(id);
    } catch (RuntimeException e) {
      throw PaymentValidationException.of("paymentMethodId", "is not a saved card");
    }
  }

  private static <T> @Nullable T param(
      String name, @Nullable String value, Function<String, T> parse) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return parse.apply(value);
    } catch (RuntimeException e) {
      throw PaymentValidationException.of(name, "is not valid");
    }
  }

  private static Set<PaymentStatus> statuses(@Nullable List<String> names) {
    if (names == null || names.isEmpty()) {
      return Set.of();
    }
    EnumSet<PaymentStatus> set = EnumSet.noneOf(PaymentStatus.class);
    for (String name : names) {
      try {
        set.add(PaymentStatus.valueOf(name.trim().toUpperCase(java.util.Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw PaymentValidationException.of(
            "status", "must be statuses such as SUCCEEDED or IN_DOUBT");
      }
    }
    return set;
  }
}
