package org.electronicpayments.spring.boot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
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
import org.electronicpayments.CardRemoval;
import org.electronicpayments.CardSetup;
import org.electronicpayments.CardSetupId;
import org.electronicpayments.CardSetupRequest;
import org.electronicpayments.CardSetupResult;
import org.electronicpayments.CardSetupStatus;
import org.electronicpayments.ClientId;
import org.electronicpayments.Consent;
import org.electronicpayments.ConsentChannel;
import org.electronicpayments.ConsentGiver;
import org.electronicpayments.ElectronicPayments;
import org.electronicpayments.FieldError;
import org.electronicpayments.Money;
import org.electronicpayments.Payment;
import org.electronicpayments.PaymentId;
import org.electronicpayments.PaymentMethod;
import org.electronicpayments.PaymentMethodId;
import org.electronicpayments.PaymentQuery;
import org.electronicpayments.PaymentRequest;
import org.electronicpayments.PaymentResult;
import org.electronicpayments.PaymentStatus;
import org.electronicpayments.PaymentValidationException;
import org.electronicpayments.ReceiptEmail;
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
  private final ClientSecrets setupSecrets = new ClientSecrets();

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
        result = new PaymentResult.RequiresAction(payment, secrets.get(payment.id().value()));
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

  @GetMapping("/payments/{id}/receipt/emails")
  ResponseEntity<String> receiptEmails(@PathVariable("id") String id, HttpServletRequest http) {
    ArrayNode out = json.createArrayNode();
    for (ReceiptEmail email : payments(http).receiptEmails(actor(http), paymentId(id))) {
      ObjectNode e = out.addObject();
      e.put("to", email.to());
      e.put("at", email.at().toString());
      e.put("by", email.by());
      e.put("sent", email.sent());
      String failure = email.failure();
      if (failure != null) {
        e.put("failure", failure);
      }
    }
    return ok(out);
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
    Actor actor = actor(http);
    return ok(payments(http).savedCards(actor, clientIdParam(clientId)));
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

  @GetMapping("/clients/{clientId}/cards/removed")
  ResponseEntity<String> removedCards(
      @PathVariable("clientId") String clientId, HttpServletRequest http) {
    Actor actor = actor(http);
    ArrayNode out = json.createArrayNode();
    for (CardRemoval removal : payments(http).removedCards(actor, clientIdParam(clientId))) {
      out.addObject()
          .put("cardId", removal.cardId().value())
          .put("clientId", removal.clientId().value())
          .put("display", removal.display())
          .put("removedBy", removal.removedBy())
          .put("removedAt", removal.removedAt().toString());
    }
    return ok(out);
  }

  @PostMapping("/clients/{clientId}/cards/sync")
  ResponseEntity<String> syncCards(
      @PathVariable("clientId") String clientId, HttpServletRequest http) {
    Actor actor = actor(http);
    return ok(payments(http).syncSavedCards(actor, clientIdParam(clientId)));
  }

  /**
   * Saves a card without a payment (the portal's "add a card"): {@code {"token": "pm_…",
   * "nickname": "Visa 1000", "consent": {"givenBy": "client", "channel": "portal"}}}.
   */
  @PostMapping("/clients/{clientId}/cards")
  ResponseEntity<String> saveCard(
      @PathVariable("clientId") String clientId,
      @RequestBody(required = false) String body,
      HttpServletRequest http) {
    Actor actor = actor(http);
    List<FieldError> malformed = new ArrayList<>();
    ClientId client = null;
    try {
      client = ClientId.of(clientId);
    } catch (RuntimeException e) {
      malformed.add(new FieldError("clientId", "is not a client id"));
    }
    JsonNode json = body(body);
    if (!json.isObject()) {
      throw PaymentValidationException.of("body", "must be a JSON object");
    }
    CardSetupRequest request =
        new CardSetupRequest(
            client,
            text(json, "token", malformed),
            text(json, "nickname", malformed),
            consent(json.get("consent"), malformed));
    CardSetupResult result;
    try {
      result = payments(http).saveCard(actor, request);
    } catch (PaymentValidationException e) {
      throw merged(malformed, e);
    }
    if (!malformed.isEmpty()) {
      // A malformed field reaches the facade as missing, which it always refuses; this is a guard.
      throw new PaymentValidationException(malformed);
    }
    return ok(setupJson(http, remember(result)));
  }

  @GetMapping("/card-setups/{id}")
  ResponseEntity<String> cardSetup(@PathVariable("id") String id, HttpServletRequest http) {
    Actor actor = actor(http);
    ElectronicPayments payments = payments(http);
    CardSetup setup = ourSetup(() -> payments.cardSetup(actor, setupId(id)));
    CardSetupResult result;
    if (setup.status() == CardSetupStatus.REQUIRES_ACTION) {
      result = new CardSetupResult.RequiresAction(setup, setupSecrets.get(setup.id().value()));
    } else {
      PaymentMethod card = null;
      PaymentMethodId saved = setup.savedCard();
      if (saved != null) {
        card =
            payments.savedCards(actor, setup.clientId()).stream()
                .filter(c -> c.id().equals(saved))
                .findFirst()
                .orElse(null);
      }
      result = CardSetupResult.of(setup, card);
    }
    return ok(setupJson(http, result));
  }

  @PostMapping("/card-setups/{id}/refresh")
  ResponseEntity<String> refreshCardSetup(@PathVariable("id") String id, HttpServletRequest http) {
    Actor actor = actor(http);
    ElectronicPayments payments = payments(http);
    return ok(
        setupJson(http, remember(ourSetup(() -> payments.refreshCardSetup(actor, setupId(id))))));
  }

  /** A refund of a charged payment: {@code {"amount": "5.00", "currency": "USD"}}. */
  @PostMapping("/payments/{id}/refunds")
  ResponseEntity<String> refund(
      @PathVariable("id") String id,
      @RequestBody(required = false) String body,
      HttpServletRequest http) {
    Actor actor = actor(http);
    JsonNode json = body(body);
    List<FieldError> malformed = new ArrayList<>();
    String amount = text(json, "amount", malformed);
    String currencyCode = text(json, "currency", malformed);
    Currency currency = Money.USD;
    if (currencyCode != null) {
      try {
        currency = Currency.getInstance(currencyCode.toUpperCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException e) {
        malformed.add(new FieldError("currency", "must be a currency code such as USD"));
      }
    }
    Money money = null;
    try {
      money = Money.of(amount == null ? "" : amount, currency);
    } catch (PaymentValidationException e) {
      if (malformed.stream().noneMatch(f -> f.field().equals("amount"))) {
        malformed.addAll(e.errors());
      }
    }
    if (!malformed.isEmpty() || money == null) {
      throw new PaymentValidationException(malformed);
    }
    return ok(payments(http).refund(actor, paymentId(id), money));
  }

  private PaymentResult remember(PaymentResult result) {
    if (result instanceof PaymentResult.RequiresAction a && a.clientSecret() != null) {
      secrets.put(a.payment().id().value(), a.clientSecret());
    }
    return result;
  }

  private CardSetupResult remember(CardSetupResult result) {
    if (result instanceof CardSetupResult.RequiresAction a && a.clientSecret() != null) {
      setupSecrets.put(a.setup().id().value(), a.clientSecret());
    }
    return result;
  }

  /**
   * A card setup's result as JSON: {@code status}, {@code setup}, {@code card} once saved, {@code
   * failure} when failed, {@code clientSecret} only while the browser must authenticate the card,
   * and {@code statusUrl}.
   */
  private ObjectNode setupJson(HttpServletRequest http, CardSetupResult result) {
    CardSetup setup = result.setup();
    ObjectNode out = json.createObjectNode();
    out.put("status", setup.status().name());
    ObjectNode s = out.putObject("setup");
    s.put("id", setup.id().value());
    s.put("agencyId", setup.agencyId().value());
    s.put("clientId", setup.clientId().value());
    s.put("nickname", setup.nickname());
    s.put("status", setup.status().name());
    PaymentMethodId saved = setup.savedCard();
    if (saved != null) {
      s.put("savedCard", saved.value());
    }
    ObjectNode consent = s.putObject("consent");
    consent.put("givenBy", setup.consent().givenBy().name().toLowerCase(java.util.Locale.ROOT));
    consent.put("recordedBy", setup.consent().recordedBy());
    consent.put("channel", setup.consent().channel().name().toLowerCase(java.util.Locale.ROOT));
    consent.put("wordingVersion", setup.consent().wordingVersion());
    consent.put("givenAt", setup.consent().givenAt().toString());
    s.put("createdBy", setup.createdBy());
    s.put("createdAt", setup.createdAt().toString());
    s.put("updatedAt", setup.updatedAt().toString());
    if (result instanceof CardSetupResult.Saved saved2 && saved2.card() != null) {
      out.set("card", json.valueToTree(saved2.card()));
    } else if (result instanceof CardSetupResult.Failed failed) {
      out.set("failure", json.valueToTree(failed.failure()));
    } else if (result instanceof CardSetupResult.RequiresAction action
        && action.clientSecret() != null) {
      out.put("clientSecret", action.clientSecret());
    }
    String uri = http.getRequestURI();
    int api = uri.lastIndexOf("/api/");
    out.put(
        "statusUrl",
        (api < 0 ? "" : uri.substring(0, api)) + "/api/card-setups/" + setup.id().value());
    return out;
  }

  /** Runs a card setup call, answering 404 for a setup this agency does not have. */
  private static <T> T ourSetup(java.util.function.Supplier<T> call) {
    try {
      return call.get();
    } catch (PaymentValidationException e) {
      if (e.errors().stream().anyMatch(f -> f.field().equals("cardSetupId"))) {
        throw new NotFoundException("card setup");
      }
      throw e;
    }
  }

  private static CardSetupId setupId(String id) {
    try {
      return CardSetupId.of(id);
    } catch (RuntimeException e) {
      throw new NotFoundException("card setup");
    }
  }

  private static ClientId clientIdParam(String id) {
    try {
      return ClientId.of(id);
    } catch (RuntimeException e) {
      throw PaymentValidationException.of("clientId", "is not a client id");
    }
  }

  /** A text field, {@code null} when absent; a field of another type is a field error. */
  private static @Nullable String text(JsonNode json, String field, List<FieldError> errors) {
    JsonNode node = json.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isTextual()) {
      errors.add(new FieldError(field, "must be text"));
      return null;
    }
    return node.textValue();
  }

  /** Reads {@code {"givenBy": "client", "channel": "portal"}}; a malformed one is a field error. */
  private static @Nullable Consent consent(@Nullable JsonNode consent, List<FieldError> errors) {
    if (consent == null || consent.isNull()) {
      return null;
    }
    JsonNode givenBy = consent.get("givenBy");
    JsonNode channel = consent.get("channel");
    try {
      if (givenBy != null && givenBy.isTextual() && channel != null && channel.isTextual()) {
        return Consent.of(
            ConsentGiver.valueOf(givenBy.textValue().toUpperCase(java.util.Locale.ROOT)),
            ConsentChannel.valueOf(channel.textValue().toUpperCase(java.util.Locale.ROOT)));
      }
    } catch (IllegalArgumentException e) {
      // an unknown giver or channel: reported below
    }
    errors.add(
        new FieldError(
            "consent",
            "must be {\"givenBy\": \"client\" | \"representative\" | \"staff\", \"channel\":"
                + " \"front_desk\" | \"portal\" | \"phone\" | \"written\" | \"other\"}"));
    return null;
  }

  /** The facade's field errors with the malformed fields' own messages in place of "required". */
  private static PaymentValidationException merged(
      List<FieldError> malformed, PaymentValidationException e) {
    Set<String> flagged = new java.util.HashSet<>();
    malformed.forEach(f -> flagged.add(f.field()));
    List<FieldError> all = new ArrayList<>(malformed);
    e.errors().stream().filter(f -> !flagged.contains(f.field())).forEach(all::add);
    return new PaymentValidationException(all);
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
    return registry.find(agencyId(http)).orElseThrow(() -> new NotFoundException("agency"));
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
      throw new NotFoundException("agency");
    }
  }

  private static PaymentId paymentId(String id) {
    try {
      return PaymentId.of(id);
    } catch (RuntimeException e) {
      throw new NotFoundException("payment");
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
