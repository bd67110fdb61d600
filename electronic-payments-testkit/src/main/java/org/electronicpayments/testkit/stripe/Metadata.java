package org.electronicpayments.testkit.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Stripe's metadata rules: merge on update, an empty value unsets a key, {@code metadata=} clears.
 */
final class Metadata {

  private static final int MAX_KEYS = 50;
  private static final int MAX_KEY_LENGTH = 40;
  private static final int MAX_VALUE_LENGTH = 500;

  private Metadata() {}

  /** Applies the {@code metadata} parameter, if sent, to the object's metadata. */
  static void apply(Params params, ObjectNode target) {
    if (!params.has("metadata")) {
      return;
    }
    ObjectNode metadata =
        target.has("metadata") && target.get("metadata").isObject()
            ? (ObjectNode) target.get("metadata")
            : target.putObject("metadata");
    ObjectNode sent = params.object("metadata");
    if (sent.isEmpty()) {
      metadata.removeAll();
      return;
    }
    for (Map.Entry<String, JsonNode> entry : sent.properties()) {
      String key = entry.getKey();
      String value = entry.getValue().asText();
      if (key.length() > MAX_KEY_LENGTH) {
        throw ApiError.invalidRequest(
            "Metadata keys can have up to 40 characters; '" + key + "' has " + key.length() + ".",
            "metadata",
            null);
      }
      if (value.length() > MAX_VALUE_LENGTH) {
        throw ApiError.invalidRequest(
            "Metadata values can have up to 500 characters, but you"
                + " passed in a value that is "
                + value.length()
                + " characters.",
            "metadata",
            null);
      }
      if (value.isEmpty()) {
        metadata.remove(key);
      } else {
        metadata.put(key, value);
      }
    }
    if (metadata.size() > MAX_KEYS) {
      throw ApiError.invalidRequest("You can have up to 50 metadata keys.", "metadata", null);
    }
  }
}
