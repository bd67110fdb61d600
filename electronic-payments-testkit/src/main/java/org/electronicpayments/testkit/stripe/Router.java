package org.electronicpayments.testkit.stripe;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Maps {@code METHOD /v1/path/{id}} to the endpoint that serves it. */
final class Router {

  /** Every endpoint the emulator speaks. */
  static final Router STRIPE = new Router()
      .add("POST", "/v1/customers", CustomerApi::create)
      .add("GET", "/v1/customers", CustomerApi::list)
      .add("GET", "/v1/customers/{id}", CustomerApi::retrieve)
      .add("POST", "/v1/customers/{id}", CustomerApi::update)
      .add("GET", "/v1/customers/{id}/payment_methods", PaymentMethodApi::listForCustomer)
      .add("GET", "/v1/payment_methods", PaymentMethodApi::list)
      .add("GET", "/v1/payment_methods/{id}", PaymentMethodApi::retrieve)
      .add("POST", "/v1/payment_methods/{id}", PaymentMethodApi::update)
      .add("POST", "/v1/payment_methods/{id}/attach", PaymentMethodApi::attach)
      .add("POST", "/v1/payment_methods/{id}/detach", PaymentMethodApi::detach)
      .add("POST", "/v1/payment_intents", PaymentIntentApi::create)
      .add("GET", "/v1/payment_intents/{id}", PaymentIntentApi::retrieve)
      .add("POST", "/v1/payment_intents/{id}/confirm", PaymentIntentApi::confirm)
      .add("POST", "/v1/payment_intents/{id}/cancel", PaymentIntentApi::cancel)
      .add("GET", "/v1/charges", ChargeApi::list)
      .add("GET", "/v1/charges/{id}", ChargeApi::retrieve)
      .add("POST", "/v1/refunds", RefundApi::create)
      .add("GET", "/v1/refunds", RefundApi::list)
      .add("GET", "/v1/refunds/{id}", RefundApi::retrieve)
      .add("GET", "/v1/events", EventApi::list)
      .add("GET", "/v1/events/{id}", EventApi::retrieve);

  private final List<Route> routes = new ArrayList<>();

  private Router add(String method, String template, Endpoint endpoint) {
    routes.add(new Route(method, template.substring(1).split("/"), endpoint));
    return this;
  }

  /** The endpoint for a request, with the {@code {id}} of its path; null if none. */
  @SuppressWarnings("StringSplitter") // split drops a trailing empty segment: a trailing slash is ignored
  @Nullable Match match(String method, String path) {
    String[] segments = (path.startsWith("/") ? path.substring(1) : path).split("/");
    for (Route route : routes) {
      if (!route.method.equals(method) || route.segments.length != segments.length) {
        continue;
      }
      String id = "";
      boolean matches = true;
      for (int i = 0; i < segments.length && matches; i++) {
        if (route.segments[i].equals("{id}")) {
          id = segments[i];
          matches = !id.isEmpty();
        } else {
          matches = route.segments[i].equals(segments[i]);
        }
      }
      if (matches) {
        return new Match(route.endpoint, id);
      }
    }
    return null;
  }

  /** An API operation. */
  interface Endpoint {
    ObjectNode handle(Call call);
  }

  /** A matched request: the endpoint and the id in its path. */
  record Match(Endpoint endpoint, String pathId) {}

  @SuppressWarnings("ArrayRecordComponent") // never compared; only the router reads the segments
  private record Route(String method, String[] segments, Endpoint endpoint) {}
}
