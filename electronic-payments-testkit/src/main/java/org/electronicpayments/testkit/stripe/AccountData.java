package org.electronicpayments.testkit.stripe;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jspecify.annotations.Nullable;

/**
 * Every object of one Stripe account: the platform ({@code account == null}) or a connected one.
 */
final class AccountData {

  final @Nullable String account;
  final ObjectStore<ObjectNode> customers = new ObjectStore<>();
  final ObjectStore<StoredPaymentMethod> paymentMethods = new ObjectStore<>();
  final ObjectStore<ObjectNode> paymentIntents = new ObjectStore<>();
  final ObjectStore<ObjectNode> setupIntents = new ObjectStore<>();
  final ObjectStore<ObjectNode> charges = new ObjectStore<>();
  final ObjectStore<ObjectNode> refunds = new ObjectStore<>();
  final ObjectStore<ObjectNode> disputes = new ObjectStore<>();
  final ObjectStore<ObjectNode> events = new ObjectStore<>();

  AccountData(@Nullable String account) {
    this.account = account;
  }

  /** Any stored object by id, chosen by its prefix; used to expand references. */
  @Nullable ObjectNode find(String id) {
    int underscore = id.indexOf('_');
    String prefix = underscore < 0 ? "" : id.substring(0, underscore);
    return switch (prefix) {
      case "cus" -> customers.get(id);
      case "pm" -> {
        StoredPaymentMethod pm = paymentMethods.get(id);
        yield pm == null ? null : pm.json;
      }
      case "pi" -> paymentIntents.get(id);
      case "seti" -> setupIntents.get(id);
      case "ch" -> charges.get(id);
      case "re" -> refunds.get(id);
      case "du" -> disputes.get(id);
      case "evt" -> events.get(id);
      default -> null;
    };
  }

  ObjectNode customer(String id, @Nullable String param) {
    ObjectNode customer = customers.get(id);
    if (customer == null) {
      throw ApiError.noSuch("customer", id, param);
    }
    return customer;
  }

  ObjectNode setupIntent(String id) {
    ObjectNode seti = setupIntents.get(id);
    if (seti == null) {
      throw ApiError.noSuch("setup_intent", id, null);
    }
    return seti;
  }

  ObjectNode paymentIntent(String id) {
    ObjectNode pi = paymentIntents.get(id);
    if (pi == null) {
      throw ApiError.noSuch("payment_intent", id, null);
    }
    return pi;
  }
}
