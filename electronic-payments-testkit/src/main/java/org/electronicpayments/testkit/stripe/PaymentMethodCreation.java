package org.electronicpayments.testkit.stripe;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.YearMonth;
import java.time.ZoneOffset;
import org.electronicpayments.testkit.StripeTestCard;
import org.electronicpayments.testkit.StripeTestCards;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /v1/payment_methods}: a card typed into a page becomes a {@code pm_…}. The number
 * must be one of the test cards; only its brand, last 4, expiry and fingerprint are kept (the
 * number and CVC are used for the checks below and then dropped; the request log masks them).
 * Stripe.js calls it with the publishable key.
 */
final class PaymentMethodCreation {

  private static final String[] ADDRESS_FIELDS = {
    "city", "country", "line1", "line2", "postal_code", "state"
  };

  /** {@code POST /v1/payment_methods}. */
  static final ParamSpec CREATE =
      ParamSpec.of(
          ParamSpec.oneOf("type", "card"),
          ParamSpec.object(
              "card",
              ParamSpec.string("number"),
              ParamSpec.string("exp_month"),
              ParamSpec.string("exp_year"),
              ParamSpec.string("cvc")),
          ParamSpec.object(
              "billing_details",
              ParamSpec.string("name"),
              ParamSpec.email("email"),
              ParamSpec.string("phone"),
              ParamSpec.object(
                  "address",
                  ParamSpec.string("city"),
                  ParamSpec.string("country"),
                  ParamSpec.string("line1"),
                  ParamSpec.string("line2"),
                  ParamSpec.string("postal_code"),
                  ParamSpec.string("state"))),
          ParamSpec.metadata());

  private PaymentMethodCreation() {}

  static ObjectNode create(Call call) {
    Params p = call.params();
    String type = p.required("type");
    if (!type.equals("card")) {
      throw ApiError.invalidRequest(
          "The emulator supports type=card only.", "type", "parameter_invalid_string");
    }
    ObjectNode card = p.object("card");
    String number = card.path("number").asText("").replace(" ", "");
    if (number.isEmpty()) {
      throw ApiError.missingParam("card[number]");
    }
    StripeTestCard testCard =
        number.matches("[0-9]{12,19}") && luhn(number)
            ? StripeTestCards.byNumber(number).orElse(null)
            : null;
    if (testCard == null) {
      throw cardError("Your card number is invalid.", "invalid_number", "card[number]");
    }
    int month = integer(card, "exp_month");
    int year = integer(card, "exp_year");
    if (year >= 0 && year < 100) {
      year += 2000;
    }
    if (month < 1 || month > 12) {
      throw cardError(
          "Your card's expiration month is invalid.", "invalid_expiry_month", "card[exp_month]");
    }
    YearMonth now = YearMonth.from(call.now().atZone(ZoneOffset.UTC));
    if (year < now.getYear() || year > now.getYear() + 50) {
      throw cardError(
          "Your card's expiration year is invalid.", "invalid_expiry_year", "card[exp_year]");
    }
    if (YearMonth.of(year, month).isBefore(now)) {
      throw cardError(
          "Your card's expiration month is invalid.", "invalid_expiry_month", "card[exp_month]");
    }
    String cvc = card.path("cvc").asText("");
    int cvcLength = testCard.brand().equals("amex") ? 4 : 3;
    if (card.has("cvc") && !cvc.matches("[0-9]{" + cvcLength + "}")) {
      throw cardError("Your card's security code is invalid.", "invalid_cvc", "card[cvc]");
    }
    StoredPaymentMethod stored = PaymentMethodApi.create(call, testCard);
    synchronized (stored.json) {
      ObjectNode json = (ObjectNode) stored.json.get("card");
      json.put("exp_month", month);
      json.put("exp_year", year);
      // A test card with several numbers: the PaymentMethod carries the typed one's.
      json.put("last4", StripeTestCard.lastFour(number));
      json.put("fingerprint", StripeTestCard.fingerprintOf(number));
      ((ObjectNode) json.get("checks")).put("cvc_check", card.has("cvc") ? "pass" : null);
      ObjectNode billing = p.object("billing_details");
      ObjectNode target = (ObjectNode) stored.json.get("billing_details");
      for (String field : new String[] {"name", "email", "phone"}) {
        target.put(field, text(billing, field));
      }
      ObjectNode address = billing.path("address") instanceof ObjectNode a ? a : Json.object();
      ObjectNode targetAddress = (ObjectNode) target.get("address");
      for (String field : ADDRESS_FIELDS) {
        targetAddress.put(field, text(address, field));
      }
      Metadata.apply(p, stored.json);
      return stored.json.deepCopy();
    }
  }

  private static @Nullable String text(ObjectNode node, String field) {
    String value = node.path(field).asText("");
    return value.isEmpty() ? null : value;
  }

  private static int integer(ObjectNode card, String field) {
    String value = card.path(field).asText("");
    if (value.isEmpty()) {
      throw ApiError.missingParam("card[" + field + "]");
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw ApiError.invalidRequest(
          "Invalid integer: " + value, "card[" + field + "]", "parameter_invalid_integer");
    }
  }

  private static ApiError cardError(String message, String code, String param) {
    return ApiError.of(402, "card_error", message, code, param, false);
  }

  /** The Luhn check digit test every card number passes. */
  static boolean luhn(String digits) {
    int sum = 0;
    boolean doubled = false;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int d = digits.charAt(i) - '0';
      if (doubled) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      doubled = !doubled;
    }
    return sum % 10 == 0;
  }
}
