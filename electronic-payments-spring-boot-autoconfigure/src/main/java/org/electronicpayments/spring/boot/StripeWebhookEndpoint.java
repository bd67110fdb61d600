package org.electronicpayments.spring.boot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Function;
import org.electronicpayments.ConcurrentUpdateException;
import org.electronicpayments.ProcessorException;
import org.electronicpayments.stripe.StripeWebhooks;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stripe's webhook endpoint, {@code POST {electronic-payments.web.path}/stripe/webhook}: the body
 * is taken as the raw bytes Stripe signed and handed to the {@link StripeWebhooks} of the agency
 * whose connected account the event names (the default agency's without one). A bad or missing
 * signature answers 400; a duplicate or an event of no use to us answers 200 (Stripe stops sending
 * it); only a passing failure (the processor or the database busy) answers 503, so Stripe delivers
 * it again later. Any other error is logged and answered 200: reconcile settles the payment anyway,
 * and Stripe is never made to retry an event that will always fail.
 */
@RestController
final class StripeWebhookEndpoint {

  private static final Logger LOG = LoggerFactory.getLogger(StripeWebhookEndpoint.class);

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Function<@Nullable String, StripeWebhooks> byConnectedAccount;
  private final PaymentEvents events;

  StripeWebhookEndpoint(
      Function<@Nullable String, StripeWebhooks> byConnectedAccount, PaymentEvents events) {
    this.byConnectedAccount = byConnectedAccount;
    this.events = events;
  }

  @PostMapping(path = "${electronic-payments.web.path:/electronic-payments}/stripe/webhook")
  ResponseEntity<String> receive(
      @RequestBody(required = false) byte @Nullable [] body,
      @RequestHeader(name = "Stripe-Signature", required = false) @Nullable String signature) {
    String payload = body == null ? "" : new String(body, StandardCharsets.UTF_8);
    StripeWebhooks.Result result;
    try {
      result = byConnectedAccount.apply(connectedAccount(payload)).handle(payload, signature);
    } catch (StripeWebhooks.InvalidWebhookException e) {
      events.webhook("invalid", "rejected");
      return answer(HttpStatus.BAD_REQUEST, "rejected");
    } catch (ProcessorException | ConcurrentUpdateException e) {
      LOG.warn("Stripe webhook not handled now ({}); Stripe will deliver it again", e.getMessage());
      events.webhook("unknown", "retry");
      return answer(HttpStatus.SERVICE_UNAVAILABLE, "retry");
    } catch (RuntimeException e) {
      LOG.error("Stripe webhook could not be handled; reconcile will settle the payment", e);
      events.webhook("unknown", "error");
      return answer(HttpStatus.OK, "error");
    }
    String kind = result.kind().name().toLowerCase(Locale.ROOT);
    events.webhook(result.eventType(), kind);
    return answer(HttpStatus.OK, kind);
  }

  /**
   * The event's connected account, to choose the agency whose receiver verifies and handles it
   * (every receiver checks the signature; this only routes).
   */
  private static @Nullable String connectedAccount(String payload) {
    try {
      JsonNode account = JSON.readTree(payload).get("account");
      return account != null && account.isTextual() ? account.textValue() : null;
    } catch (JsonProcessingException | RuntimeException e) {
      return null;
    }
  }

  private static ResponseEntity<String> answer(HttpStatus status, String result) {
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_JSON)
        .body("{\"result\":\"" + result + "\"}");
  }
}
