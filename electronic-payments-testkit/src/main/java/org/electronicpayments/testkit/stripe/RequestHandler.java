package org.electronicpayments.testkit.stripe;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves one HTTP request: logs it, applies an injected fault, checks the API key, applies
 * idempotency and runs the endpoint. No lock is held across requests except the idempotency key's
 * claim and the locks of the objects an endpoint touches.
 */
final class RequestHandler implements HttpHandler {

  private static final Logger LOG = LoggerFactory.getLogger(RequestHandler.class);
  private static final Pattern TEST_KEY = Pattern.compile("(sk|rk)_test_[A-Za-z0-9_]+");
  private static final int MAX_KEY_LENGTH = 255;

  private final Engine engine;
  private final IdempotencyStore idempotency;
  private final Faults faults;
  private final RequestLog log;
  private volatile CountDownLatch released = new CountDownLatch(1);

  RequestHandler(Engine engine, IdempotencyStore idempotency, Faults faults, RequestLog log) {
    this.engine = engine;
    this.idempotency = idempotency;
    this.faults = faults;
    this.log = log;
  }

  /** Ends every hang in progress (on reset and close). */
  void releaseHangs() {
    CountDownLatch old = released;
    released = new CountDownLatch(1);
    old.countDown();
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    String requestId = Ids.requestId();
    String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
    String path = exchange.getRequestURI().getRawPath();
    if (StripeJs.serves(method, path)) {
      StripeJs.serve(exchange);
      return;
    }
    byte[] body = exchange.getRequestBody().readAllBytes();
    Headers headers = exchange.getRequestHeaders();
    String key = method.equals("POST") ? headers.getFirst("Idempotency-Key") : null;
    String version = headers.getFirst("Stripe-Version");
    String apiVersion = version == null ? StripeEmulator.DEFAULT_API_VERSION : version;
    Params params;
    try {
      params =
          Params.parse(
              method.equals("POST")
                  ? new String(body, StandardCharsets.UTF_8)
                  : exchange.getRequestURI().getRawQuery());
    } catch (IllegalArgumentException e) {
      params = Params.parse(null);
    }
    // Stripe.js sends its publishable key and connected account as parameters, not headers,
    // so that its requests are "simple" cross-origin requests (no preflight).
    String account =
        headers.getFirst("Stripe-Account") != null
            ? headers.getFirst("Stripe-Account")
            : params.text("_stripe_account");
    String apiKey = apiKey(headers.getFirst("Authorization"), params.text("key"));
    Map<String, String> logged = params.flat();
    if (logged.containsKey("key")) {
      logged.put("key", mask(logged.get("key")));
    }
    params = params.without("key", "_stripe_account");
    RequestLog.Entry entry =
        log.add(requestId, engine.now(), method, path, headers(headers), logged, key, account);
    Reply reply = new Reply(exchange, requestId, apiVersion, key, entry);
    if (path.startsWith("/emulator/authenticate/")) {
      Authentication.serve(engine, path, exchange.getRequestURI().getRawQuery(), reply);
      return;
    }
    FaultRule fault = faults.apply(method, path);
    if (fault != null) {
      entry.fault = fault.kind();
      switch (fault.kind()) {
        case DROP -> throw reply.drop();
        case HANG -> {
          fault.holding();
          await(fault.duration());
          throw reply.drop();
        }
        case ERROR -> {
          reply.fault(fault);
          return;
        }
        default -> {}
      }
    }
    ApiError refused = authenticate(apiKey);
    Router.Match match = Router.STRIPE.match(method, path);
    if (refused == null && match == null) {
      refused =
          ApiError.of(
              404,
              "invalid_request_error",
              "Unrecognized request URL ("
                  + method
                  + ": "
                  + path
                  + "). Please see https://stripe.com/docs or we can help at"
                  + " https://support.stripe.com/.",
              null,
              null,
              false);
    }
    // From here on, no refusal yet means a route matched (match != null restates it for the
    // checker).
    if (refused == null
        && match != null
        && apiKey != null
        && PublishableKeys.KEY.matcher(apiKey).matches()) {
      refused =
          PublishableKeys.check(method, path, params, engine.account(account), match.pathId());
    }
    if (refused == null
        && match != null
        && params.text(PublishableKeys.CLIENT_SECRET) != null
        && (path.startsWith("/v1/payment_intents/") || path.startsWith("/v1/setup_intents/"))) {
      refused =
          PublishableKeys.clientSecretError(
              path.split("/", -1)[2],
              engine.account(account),
              match.pathId(),
              params.text(PublishableKeys.CLIENT_SECRET));
      params = params.without(PublishableKeys.CLIENT_SECRET);
    }
    if (refused == null && key != null && key.length() > MAX_KEY_LENGTH) {
      refused =
          ApiError.invalidRequest(
              "Idempotency keys can be at most 255 characters long.", null, null);
    }
    if (refused == null && match != null) {
      try {
        match.params().check(params); // before the key is claimed: a refusal is not stored
      } catch (ApiError e) {
        refused = e;
      }
    }
    if (refused != null) {
      reply.send(refused.status, Json.bytes(refused.body()), null);
      return;
    }
    // A request that matched no route was refused above.
    Call call =
        new Call(
            engine,
            engine.account(account),
            params,
            Objects.requireNonNull(match, "match").pathId(),
            requestId,
            key,
            apiVersion,
            engine.now());
    if (fault != null && fault.kind() == FaultKind.RESPOND_THEN_DROP_NEXT) {
      // Armed before this answer goes out, so a client quick to send its next request cannot beat
      // it.
      faults.dropNextRequest();
    }
    if (key == null) {
      delay(fault);
      Response response = execute(match, call, entry);
      reply.send(response.status, response.body, null);
    } else {
      respondIdempotently(match, call, fault, key, method + " " + path, params, reply);
    }
  }

  private void respondIdempotently(
      Router.Match match,
      Call call,
      @Nullable FaultRule fault,
      String key,
      String endpoint,
      Params params,
      Reply reply)
      throws IOException {
    String scoped = (call.data().account == null ? "" : call.data().account) + "\n" + key;
    IdempotencyStore.Outcome outcome =
        idempotency.begin(scoped, endpoint, params.canonical(), call.now());
    IdempotencyStore.Entry entry = outcome.entry();
    switch (outcome.kind()) {
      case OWNER -> {
        delay(fault);
        Response response = execute(match, call, reply.entry);
        if (response.stored) {
          idempotency.complete(
              entry,
              new IdempotencyStore.StoredResponse(
                  response.status, response.body, call.requestId()));
        } else {
          idempotency.abandon(scoped, entry);
        }
        if (fault != null && fault.kind() == FaultKind.COMMIT_THEN_DROP) {
          throw reply.drop();
        }
        reply.send(response.status, response.body, null);
      }
      case REPLAY -> {
        IdempotencyStore.StoredResponse stored =
            Objects.requireNonNull(entry.response, "a replay has a response");
        reply.entry.replayed = true;
        if (fault != null && fault.kind() == FaultKind.COMMIT_THEN_DROP) {
          throw reply.drop();
        }
        reply.send(stored.status(), stored.body(), stored.requestId());
      }
      case IN_USE ->
          reply.error(
              ApiError.of(
                  409,
                  "invalid_request_error",
                  "There is currently"
                      + " another in-progress request using this Idempotent Key (that probably means you"
                      + " submitted twice, and the other request is still going through): "
                      + key
                      + ". Please try again later.",
                  "idempotency_key_in_use",
                  null,
                  false));
      case OTHER_ENDPOINT ->
          reply.error(
              ApiError.of(
                  400,
                  "idempotency_error",
                  "Keys for"
                      + " idempotent requests can only be used for the same endpoint they were first used"
                      + " for ('"
                      + entry.endpoint
                      + "' vs '"
                      + endpoint
                      + "'). Try using a key other than '"
                      + key
                      + "' if you meant to execute a different request.",
                  null,
                  null,
                  false));
      default ->
          reply.error(
              ApiError.of(
                  400,
                  "idempotency_error",
                  "Keys for idempotent requests"
                      + " can only be used with the same parameters they were first used with. Try using a"
                      + " key other than '"
                      + key
                      + "' if you meant to execute a different request.",
                  null,
                  null,
                  false));
    }
  }

  private Response execute(Router.Match match, Call call, RequestLog.Entry entry) {
    entry.executed = true;
    try {
      ObjectNode result = match.endpoint().handle(call);
      Lists.expand(result, call.params().list("expand"), call.data());
      return new Response(200, Json.bytes(result), true);
    } catch (ApiError e) {
      return new Response(e.status, Json.bytes(e.body()), e.stored);
    } catch (RuntimeException e) {
      LOG.error("Emulator failure on request {}", call.requestId(), e);
      ApiError error =
          ApiError.of(
              500,
              "api_error",
              "An unknown error occurred in the emulator: " + e,
              null,
              null,
              true);
      return new Response(500, Json.bytes(error.body()), true);
    }
  }

  /**
   * The API key of the {@code Authorization} header, else of the {@code key} parameter (Stripe.js);
   * null if neither was sent, "" if the header holds no key.
   */
  private static @Nullable String apiKey(
      @Nullable String authorization, @Nullable String keyParam) {
    if (authorization == null || authorization.isBlank()) {
      return keyParam;
    }
    String key = "";
    if (authorization.startsWith("Bearer ")) {
      key = authorization.substring(7).trim();
    } else if (authorization.startsWith("Basic ")) {
      try {
        String user =
            new String(
                java.util.Base64.getDecoder().decode(authorization.substring(6).trim()),
                StandardCharsets.UTF_8);
        key = user.contains(":") ? user.substring(0, user.indexOf(':')) : user;
      } catch (IllegalArgumentException e) {
        key = "";
      }
    }
    return key;
  }

  private static @Nullable ApiError authenticate(@Nullable String key) {
    if (key == null) {
      return ApiError.authentication(
          "You did not provide an API key. You need to provide your"
              + " API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer"
              + " YOUR_SECRET_KEY'). See https://stripe.com/docs/api#authentication for details.");
    }
    if (!TEST_KEY.matcher(key).matches() && !PublishableKeys.KEY.matcher(key).matches()) {
      return ApiError.authentication("Invalid API Key provided: " + mask(key));
    }
    return null;
  }

  private void delay(@Nullable FaultRule fault) {
    if (fault != null && fault.kind() == FaultKind.DELAY) {
      fault.holding();
      await(fault.duration());
    }
  }

  private void await(Duration duration) {
    try {
      released.await(duration.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Map<String, String> headers(Headers headers) {
    Map<String, String> copy = new LinkedHashMap<>();
    headers.forEach(
        (name, values) -> {
          String value = values.isEmpty() ? "" : values.get(0);
          String lower = name.toLowerCase(Locale.ROOT);
          copy.put(
              lower,
              lower.equals("authorization")
                  ? "Bearer " + mask(value.replace("Bearer ", ""))
                  : value);
        });
    return copy;
  }

  static String mask(String key) {
    if (key.length() <= 12) {
      return "*".repeat(key.length());
    }
    return key.substring(0, 8) + "*".repeat(key.length() - 12) + key.substring(key.length() - 4);
  }

  @SuppressWarnings("ArrayRecordComponent") // never compared; the body is written out as is
  private record Response(int status, byte[] body, boolean stored) {}

  /** Thrown out of the handler so that the JDK server closes the connection without a response. */
  static final class DroppedConnection extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DroppedConnection() {
      super("connection dropped by an injected fault", null, false, false);
    }
  }
}
