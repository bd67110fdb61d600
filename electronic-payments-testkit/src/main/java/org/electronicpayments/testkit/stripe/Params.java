package org.electronicpayments.testkit.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Decoded form parameters in Stripe's bracket notation: {@code metadata[client_id]=7}, {@code
 * expand[]=latest_charge} or {@code expand[0]=latest_charge}. Keeps the raw pairs (for the request
 * log and idempotency comparison) and a nested tree (for the endpoints).
 */
final class Params {

  private final List<Map.Entry<String, String>> pairs;
  private final ObjectNode tree;

  private Params(List<Map.Entry<String, String>> pairs, ObjectNode tree) {
    this.pairs = pairs;
    this.tree = tree;
  }

  static Params parse(@Nullable String raw) {
    List<Map.Entry<String, String>> pairs = new ArrayList<>();
    ObjectNode tree = Json.object();
    if (raw != null && !raw.isEmpty()) {
      for (String part : raw.split("&", -1)) {
        if (part.isEmpty()) {
          continue;
        }
        int eq = part.indexOf('=');
        String key = decode(eq < 0 ? part : part.substring(0, eq));
        String value = eq < 0 ? "" : decode(part.substring(eq + 1));
        pairs.add(new SimpleImmutableEntry<>(key, value));
        insert(tree, key, value);
      }
    }
    return new Params(List.copyOf(pairs), (ObjectNode) arrays(tree));
  }

  /** Every raw {@code key=value} pair, in arrival order. */
  List<Map.Entry<String, String>> pairs() {
    return pairs;
  }

  /** First value of every raw key, in arrival order; card numbers and CVCs masked. */
  Map<String, String> flat() {
    Map<String, String> flat = new LinkedHashMap<>();
    pairs.forEach(p -> flat.putIfAbsent(p.getKey(), masked(p.getKey(), p.getValue())));
    return flat;
  }

  /**
   * An order-independent rendering used to compare the parameters of two requests; card numbers and
   * CVCs masked, so that the idempotency store never keeps them.
   */
  String canonical() {
    return pairs.stream()
        .map(p -> Map.entry(p.getKey(), masked(p.getKey(), p.getValue())))
        .sorted(Map.Entry.<String, String>comparingByKey().thenComparing(Map.Entry::getValue))
        .map(p -> p.getKey() + "=" + p.getValue())
        .collect(Collectors.joining("&"));
  }

  /** These parameters without the named ones (the browser's key and account, a client secret). */
  Params without(String... names) {
    List<String> removed = List.of(names);
    List<Map.Entry<String, String>> rest = new ArrayList<>();
    ObjectNode restTree = Json.object();
    for (Map.Entry<String, String> pair : pairs) {
      if (!removed.contains(pair.getKey())) {
        rest.add(pair);
        insert(restTree, pair.getKey(), pair.getValue());
      }
    }
    return rest.size() == pairs.size()
        ? this
        : new Params(List.copyOf(rest), (ObjectNode) arrays(restTree));
  }

  /** A card number as {@code ************4242}, a CVC as {@code ***}; other values as they are. */
  static String masked(String key, String value) {
    if (key.equals("card[number]")) {
      String digits = value.replaceAll("[^0-9]", "");
      return digits.length() <= 4
          ? "*".repeat(digits.length())
          : "*".repeat(digits.length() - 4) + digits.substring(digits.length() - 4);
    }
    if (key.equals("card[cvc]")) {
      return "*".repeat(value.length());
    }
    return value;
  }

  boolean has(String name) {
    return tree.has(name);
  }

  @Nullable String text(String name) {
    JsonNode node = tree.get(name);
    return node == null || !node.isValueNode() || node.asText().isEmpty() ? null : node.asText();
  }

  String required(String name) {
    String value = text(name);
    if (value == null) {
      throw ApiError.missingParam(name);
    }
    return value;
  }

  @Nullable Long integer(String name) {
    String value = text(name);
    if (value == null) {
      return null;
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw ApiError.invalidRequest("Invalid integer: " + value, name, "parameter_invalid_integer");
    }
  }

  boolean bool(String name) {
    String value = text(name);
    return value != null && !"false".equals(value);
  }

  /** A nested object parameter such as {@code metadata} or {@code card}; empty when absent. */
  ObjectNode object(String name) {
    JsonNode node = tree.get(name);
    return node instanceof ObjectNode object ? object : Json.object();
  }

  /** A list parameter such as {@code expand}; empty when absent. */
  List<String> list(String name) {
    JsonNode node = tree.get(name);
    List<String> values = new ArrayList<>();
    if (node instanceof ArrayNode array) {
      array.forEach(v -> values.add(v.asText()));
    } else if (node != null && node.isValueNode() && !node.asText().isEmpty()) {
      values.add(node.asText());
    }
    return values;
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  private static void insert(ObjectNode root, String key, String value) {
    List<String> path = new ArrayList<>();
    int bracket = key.indexOf('[');
    path.add(bracket < 0 ? key : key.substring(0, bracket));
    while (bracket >= 0) {
      int close = key.indexOf(']', bracket);
      if (close < 0) {
        break;
      }
      path.add(key.substring(bracket + 1, close));
      bracket = key.indexOf('[', close);
    }
    ObjectNode node = root;
    for (int i = 0; i < path.size(); i++) {
      String segment = path.get(i).isEmpty() ? String.valueOf(node.size()) : path.get(i);
      if (i == path.size() - 1) {
        node.put(segment, value);
      } else {
        JsonNode child = node.get(segment);
        if (!(child instanceof ObjectNode)) {
          child = node.putObject(segment);
        }
        node = (ObjectNode) child;
      }
    }
  }

  /** Turns objects keyed 0, 1, 2… into arrays, depth first. */
  private static JsonNode arrays(JsonNode node) {
    if (!(node instanceof ObjectNode object)) {
      return node;
    }
    boolean numeric = object.size() > 0;
    for (Map.Entry<String, JsonNode> field : object.properties()) {
      field.setValue(arrays(field.getValue()));
      numeric &= field.getKey().chars().allMatch(Character::isDigit);
    }
    if (!numeric) {
      return object;
    }
    ArrayNode array = Json.array();
    List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(object.properties());
    fields.sort(Comparator.comparingInt(f -> Integer.parseInt(f.getKey())));
    fields.forEach(f -> array.add(f.getValue()));
    return array;
  }
}
