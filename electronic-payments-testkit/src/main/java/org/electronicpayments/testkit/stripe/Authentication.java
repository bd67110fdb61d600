package org.electronicpayments.testkit.stripe;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Finishing 3-D Secure for a PaymentIntent or SetupIntent in {@code requires_action}, as the
 * customer would in Stripe.js's challenge: from Java ({@link
 * StripeEmulator#completeAuthentication}) or by opening the {@code next_action} URL, {@code GET
 * /emulator/authenticate/{id}[?result=fail]}.
 */
final class Authentication {

  private Authentication() {}

  /** Completes or fails authentication of a PaymentIntent or SetupIntent; returns it afterwards. */
  static ObjectNode finish(Engine engine, String intentId, boolean succeed) {
    return intentId.startsWith("seti_")
        ? finishSetup(engine, intentId, succeed)
        : finishPayment(engine, intentId, succeed);
  }

  private static ObjectNode finishSetup(Engine engine, String setupIntentId, boolean succeed) {
    AccountData data =
        engine
            .accounts()
            .filter(a -> a.setupIntents.get(setupIntentId) != null)
            .findFirst()
            .orElseThrow(
                () -> new IllegalArgumentException("No such setup_intent: " + setupIntentId));
    ObjectNode seti = data.setupIntent(setupIntentId);
    Call call =
        new Call(
            engine,
            data,
            Params.parse(null),
            setupIntentId,
            null,
            null,
            StripeEmulator.DEFAULT_API_VERSION,
            engine.now());
    synchronized (seti) {
      if (!"requires_action".equals(seti.path("status").asText())) {
        throw new IllegalStateException(
            "SetupIntent "
                + setupIntentId
                + " is "
                + seti.path("status").asText()
                + ", not requires_action");
      }
      StoredPaymentMethod pm = data.paymentMethods.get(seti.path("payment_method").asText());
      if (pm == null) {
        throw new IllegalStateException("SetupIntent " + setupIntentId + " has no payment method");
      }
      if (!succeed) {
        SetupIntentApi.authenticationFailed(call, seti, pm);
        return seti.deepCopy();
      }
      return SetupIntentApi.succeed(call, seti, pm);
    }
  }

  private static ObjectNode finishPayment(Engine engine, String paymentIntentId, boolean succeed) {
    AccountData data =
        engine
            .accounts()
            .filter(a -> a.paymentIntents.get(paymentIntentId) != null)
            .findFirst()
            .orElseThrow(
                () -> new IllegalArgumentException("No such payment_intent: " + paymentIntentId));
    ObjectNode pi = data.paymentIntent(paymentIntentId);
    Call call =
        new Call(
            engine,
            data,
            Params.parse(null),
            paymentIntentId,
            null,
            null,
            StripeEmulator.DEFAULT_API_VERSION,
            engine.now());
    synchronized (pi) {
      if (!"requires_action".equals(pi.path("status").asText())) {
        throw new IllegalStateException(
            "PaymentIntent "
                + paymentIntentId
                + " is "
                + pi.path("status").asText()
                + ", not requires_action");
      }
      StoredPaymentMethod pm = data.paymentMethods.get(pi.path("payment_method").asText());
      if (pm == null) {
        throw new IllegalStateException(
            "PaymentIntent " + paymentIntentId + " has no payment method");
      }
      if (!succeed) {
        Charging.authenticationFailed(call, pi, pm);
        return pi.deepCopy();
      }
      try {
        return Charging.charge(call, pi, pm);
      } catch (ApiError declinedAfterAuthentication) {
        return pi.deepCopy();
      }
    }
  }

  /** Serves the authentication URL: finishes, then redirects to the return URL if there is one. */
  static void serve(Engine engine, String path, @Nullable String query, Reply reply)
      throws IOException {
    String id = path.substring(path.lastIndexOf('/') + 1);
    boolean succeed = query == null || !query.contains("result=fail");
    String returnUrl;
    try {
      ObjectNode before =
          engine
              .accounts()
              .map(a -> id.startsWith("seti_") ? a.setupIntents.get(id) : a.paymentIntents.get(id))
              .filter(java.util.Objects::nonNull)
              .map(Json::snapshot)
              .findFirst()
              .orElse(null);
      returnUrl =
          before == null
              ? null
              : before.path("next_action").path("redirect_to_url").path("return_url").asText(null);
      finish(engine, id, succeed);
    } catch (IllegalArgumentException | IllegalStateException e) {
      reply.send(400, String.valueOf(e.getMessage()).getBytes(StandardCharsets.UTF_8), null);
      return;
    }
    if (returnUrl != null) {
      String separator = returnUrl.contains("?") ? "&" : "?";
      String param = id.startsWith("seti_") ? "setup_intent=" : "payment_intent=";
      reply.send(302, new byte[0], null, Map.of("Location", returnUrl + separator + param + id));
    } else {
      reply.send(
          200,
          ("Authentication " + (succeed ? "completed" : "failed") + " for " + id)
              .getBytes(StandardCharsets.UTF_8),
          null);
    }
  }
}
