package org.electronicpayments.testkit.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Stripe's list pagination ({@code limit}, {@code starting_after}, {@code ending_before}) and
 * expansion.
 */
final class Lists {

  private Lists() {}

  static ObjectNode page(
      Stream<ObjectNode> newestFirst, Predicate<ObjectNode> filter, Params params, String url) {
    Long limitParam = params.integer("limit");
    long limit = limitParam == null ? 10 : limitParam;
    if (limit < 1 || limit > 100) {
      throw ApiError.invalidRequest(
          "This value must be greater than or equal to 1 and less than" + " or equal to 100.",
          "limit",
          "parameter_invalid_integer");
    }
    List<ObjectNode> all = newestFirst.map(Json::snapshot).filter(filter).toList();
    int from = 0;
    int to = all.size();
    String after = params.text("starting_after");
    String before = params.text("ending_before");
    if (after != null) {
      from = indexOf(all, after, "starting_after") + 1;
    }
    if (before != null) {
      to = indexOf(all, before, "ending_before");
      from = (int) Math.max(from, to - limit);
      return Json.list(url, all.subList(from, to), from > 0);
    }
    int end = (int) Math.min(to, from + limit);
    return Json.list(url, all.subList(from, end), end < to);
  }

  /**
   * Replaces ids by the objects they name for each {@code expand[]} path, such as {@code
   * latest_charge}, {@code payment_method} or {@code data.customer}.
   */
  static void expand(ObjectNode response, List<String> paths, AccountData data) {
    for (String path : paths) {
      expand(response, path.split("\\."), 0, data);
    }
  }

  private static void expand(ObjectNode node, String[] path, int index, AccountData data) {
    JsonNode child = node.get(path[index]);
    if (child != null && child.isTextual()) {
      ObjectNode found = data.find(child.asText());
      if (found == null) {
        return;
      }
      child = Json.snapshot(found);
      node.set(path[index], child);
    }
    if (index == path.length - 1 || child == null) {
      return;
    }
    if (child instanceof ObjectNode object) {
      expand(object, path, index + 1, data);
    } else if (child instanceof ArrayNode array) {
      for (JsonNode element : array) {
        if (element instanceof ObjectNode object) {
          expand(object, path, index + 1, data);
        }
      }
    }
  }

  private static int indexOf(List<ObjectNode> all, String id, String param) {
    for (int i = 0; i < all.size(); i++) {
      if (id.equals(all.get(i).path("id").asText())) {
        return i;
      }
    }
    throw ApiError.noSuch("object", id, param);
  }
}
