package org.electronicpayments.testkit.stripe;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Maps {@code METHOD /v1/path/{id}} to the endpoint that serves it. */
final class Router {

  /** Every endpoint the emulator speaks, with the parameters each accepts. */
  static final Router STRIPE =
      new Router()
          .add("POST", "/v1/customers", CustomerApi::create, CustomerApi.CREATE)
          .add("GET", "/v1/customers", CustomerApi::list, CustomerApi.LIST)
          .add("GET", "/v1/customers/{id}", CustomerApi::retrieve, ParamSpec.of())
          .add("POST", "/v1/customers/{id}", CustomerApi::update, CustomerApi.UPDATE)
          .add(
              "GET",
              "/v1/customers/{id}/payment_methods",
              PaymentMethodApi::listForCustomer,
              PaymentMethodApi.LIST_FOR_CUSTOMER)
          .add(
              "POST",
              "/v1/payment_methods",
              PaymentMethodCreation::create,
              PaymentMethodCreation.CREATE)
          .add("GET", "/v1/payment_methods", PaymentMethodApi::list, PaymentMethodApi.LIST)
          .add("GET", "/v1/payment_methods/{id}", PaymentMethodApi::retrieve, ParamSpec.of())
          .add(
              "POST", "/v1/payment_methods/{id}", PaymentMethodApi::update, PaymentMethodApi.UPDATE)
          .add(
              "POST",
              "/v1/payment_methods/{id}/attach",
              PaymentMethodApi::attach,
              PaymentMethodApi.ATTACH)
          .add("POST", "/v1/payment_methods/{id}/detach", PaymentMethodApi::detach, ParamSpec.of())
          .add("POST", "/v1/payment_intents", PaymentIntentApi::create, PaymentIntentApi.CREATE)
          .add(
              "GET",
              "/v1/payment_intents/{id}",
              PaymentIntentApi::retrieve,
              PaymentIntentApi.RETRIEVE)
          .add(
              "POST",
              "/v1/payment_intents/{id}/confirm",
              PaymentIntentApi::confirm,
              PaymentIntentApi.CONFIRM)
          .add(
              "POST",
              "/v1/payment_intents/{id}/cancel",
              PaymentIntentApi::cancel,
              PaymentIntentApi.CANCEL)
          .add("POST", "/v1/setup_intents", SetupIntentApi::create, SetupIntentApi.CREATE)
          .add("GET", "/v1/setup_intents/{id}", SetupIntentApi::retrieve, SetupIntentApi.RETRIEVE)
          .add(
              "POST",
              "/v1/setup_intents/{id}/confirm",
              SetupIntentApi::confirm,
              SetupIntentApi.CONFIRM)
          .add(
              "POST",
              "/v1/setup_intents/{id}/cancel",
              SetupIntentApi::cancel,
              SetupIntentApi.CANCEL)
          .add("GET", "/v1/charges", ChargeApi::list, ChargeApi.LIST)
          .add("GET", "/v1/charges/{id}", ChargeApi::retrieve, ParamSpec.of())
          .add("POST", "/v1/refunds", RefundApi::create, RefundApi.CREATE)
          .add("GET", "/v1/refunds", RefundApi::list, RefundApi.LIST)
          .add("GET", "/v1/refunds/{id}", RefundApi::retrieve, ParamSpec.of())
          .add("GET", "/v1/disputes", DisputeApi::list, DisputeApi.LIST)
          .add("GET", "/v1/disputes/{id}", DisputeApi::retrieve, ParamSpec.of())
          .add("GET", "/v1/events", EventApi::list, EventApi.LIST)
          .add("GET", "/v1/events/{id}", EventApi::retrieve, ParamSpec.of());

  private final List<Route> routes = new ArrayList<>();

  /**
   * Declares an endpoint: its method, its path ({@code {id}} for the object's id), the code that
   * serves it and the parameters it accepts (anything else is refused before it runs).
   */
  private Router add(String method, String template, Endpoint endpoint, ParamSpec params) {
    routes.add(new Route(method, List.of(template.substring(1).split("/")), endpoint, params));
    return this;
  }

  /** The endpoint for a request, with the {@code {id}} of its path; null if none. */
  @Nullable Match match(String method, String path) {
    // Limit 0, as before: a trailing slash adds no segment.
    String[] segments = (path.startsWith("/") ? path.substring(1) : path).split("/", 0);
    for (Route route : routes) {
      if (!route.method.equals(method) || route.segments.size() != segments.length) {
        continue;
      }
      String id = "";
      boolean matches = true;
      for (int i = 0; i < segments.length && matches; i++) {
        if (route.segments.get(i).equals("{id}")) {
          id = segments[i];
          matches = !id.isEmpty();
        } else {
          matches = route.segments.get(i).equals(segments[i]);
        }
      }
      if (matches) {
        return new Match(route.endpoint, id, route.params);
      }
    }
    return null;
  }

  /** An API operation. */
  interface Endpoint {
    ObjectNode handle(Call call);
  }

  /** A matched request: the endpoint, the id in its path and the parameters it accepts. */
  record Match(Endpoint endpoint, String pathId, ParamSpec params) {}

  private record Route(String method, List<String> segments, Endpoint endpoint, ParamSpec params) {}
}
