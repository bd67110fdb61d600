package org.electronicpayments.testkit.stripe;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Where a publishable key ({@code pk_test_…}) may call, as with Stripe: creating a PaymentMethod,
 * and retrieving or confirming a PaymentIntent or SetupIntent by its client secret. Anything else
 * answers 401, as Stripe does.
 */
final class PublishableKeys {

  static final Pattern KEY = Pattern.compile("pk_test_[A-Za-z0-9_]+");
  static final String CLIENT_SECRET = "client_secret";

  private PublishableKeys() {}

  /**
   * Checks a request made with a publishable key.
   *
   * @return the error to answer, or null when the key may make this call
   */
  static @Nullable ApiError check(
      String method, String path, Params params, AccountData data, String pathId) {
    if (method.equals("POST") && path.equals("/v1/payment_methods")) {
      return null;
    }
    String[] segments = path.split("/", 0); // limit 0, as before: a trailing slash adds no segment
    boolean intent =
        segments.length >= 4
            && (segments[2].equals("payment_intents") || segments[2].equals("setup_intents"));
    boolean allowed =
        intent
            && ((method.equals("GET") && segments.length == 4)
                || (method.equals("POST")
                    && segments.length == 5
                    && segments[4].equals("confirm")));
    if (!allowed) {
      return ApiError.of(
          401,
          "invalid_request_error",
          "This API call cannot be made with a"
              + " publishable API key. Please use a secret API key. You can find a list of your API"
              + " keys at https://dashboard.stripe.com/account/apikeys.",
          null,
          null,
          false);
    }
    String secret = params.text(CLIENT_SECRET);
    if (secret == null) {
      return ApiError.missingParam(CLIENT_SECRET);
    }
    return clientSecretError(segments[2], data, pathId, secret);
  }

  /** Whether a client secret sent with any key matches its intent (null) or the error. */
  static @Nullable ApiError clientSecretError(
      String collection, AccountData data, String pathId, String secret) {
    ObjectNode intent =
        collection.equals("setup_intents")
            ? data.setupIntents.get(pathId)
            : data.paymentIntents.get(pathId);
    String objectName = collection.equals("setup_intents") ? "setup_intent" : "payment_intent";
    if (intent == null) {
      return ApiError.noSuch(objectName, pathId, null);
    }
    String expected;
    synchronized (intent) {
      expected = intent.path("client_secret").asText();
    }
    if (!expected.equals(secret)) {
      return ApiError.invalidRequest(
          "The client_secret provided does not match the client_secret"
              + " associated with the "
              + (collection.equals("setup_intents") ? "SetupIntent" : "PaymentIntent")
              + ".",
          CLIENT_SECRET,
          null);
    }
    return null;
  }
}
