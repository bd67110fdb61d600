package org.electronicpayments.testkit.stripe;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** {@code /v1/events}: list (by {@code type} or {@code types[]}) and retrieve. */
final class EventApi {

  /** {@code GET /v1/events}. */
  static final ParamSpec LIST = ParamSpec.list(ParamSpec.string("type"), ParamSpec.list("types"));

  private EventApi() {}

  static ObjectNode retrieve(Call call) {
    ObjectNode event = call.data().events.get(call.pathId());
    if (event == null) {
      throw ApiError.noSuch("event", call.pathId(), null);
    }
    return Json.snapshot(event);
  }

  static ObjectNode list(Call call) {
    String type = call.params().text("type");
    List<String> types = call.params().list("types");
    return Lists.page(
        call.data().events.newestFirst(),
        e ->
            matches(e.path("type").asText(), type)
                && (types.isEmpty() || types.contains(e.path("type").asText())),
        call.params(),
        "/v1/events");
  }

  /** Stripe's {@code type} filter: exact, or a prefix ending in {@code .*}. */
  private static boolean matches(String eventType, @Nullable String filter) {
    if (filter == null) {
      return true;
    }
    if (filter.endsWith("*")) {
      return eventType.startsWith(filter.substring(0, filter.length() - 1));
    }
    return eventType.equals(filter);
  }
}
