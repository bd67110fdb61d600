package org.electronicpayments.testkit.stripe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * JSON helpers. Stored objects are Jackson {@link ObjectNode}s; a node is only read or changed
 * while holding its own monitor, so {@link #snapshot(ObjectNode)} gives a consistent copy.
 */
final class Json {

  static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private Json() {}

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  static ArrayNode array() {
    return MAPPER.createArrayNode();
  }

  /** A consistent deep copy of a stored object, taken under its lock. */
  static ObjectNode snapshot(ObjectNode node) {
    synchronized (node) {
      return node.deepCopy();
    }
  }

  /** A Stripe list object: {@code object: list}, {@code data}, {@code has_more}, {@code url}. */
  static ObjectNode list(String url, List<ObjectNode> data, boolean hasMore) {
    ObjectNode list = object();
    list.put("object", "list");
    ArrayNode array = list.putArray("data");
    data.forEach(array::add);
    list.put("has_more", hasMore);
    list.put("url", url);
    return list;
  }

  static ObjectNode metadata(Map<String, String> values) {
    ObjectNode node = object();
    values.forEach(node::put);
    return node;
  }

  static byte[] bytes(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node).getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? "" : value.asText();
  }
}
