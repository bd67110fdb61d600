package org.electronicpayments.testkit.stripe;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import org.electronicpayments.testkit.StripeTestCard;

/** The {@code card} hash of a PaymentMethod and the {@code payment_method_details} of a charge. */
final class CardDetails {

  private CardDetails() {}

  /** The {@code card} of a fresh PaymentMethod made from a test card. */
  static ObjectNode of(StripeTestCard card, Instant now) {
    ObjectNode json = Json.object();
    json.put("brand", card.brand());
    ObjectNode checks = json.putObject("checks");
    checks.putNull("address_line1_check");
    checks.putNull("address_postal_code_check");
    checks.put("cvc_check", "unchecked");
    json.put("country", "US");
    json.put("display_brand", card.brand());
    json.put("exp_month", 12);
    json.put("exp_year", now.atZone(ZoneOffset.UTC).getYear() + 3);
    json.put("fingerprint", card.fingerprint());
    json.put("funding", "credit");
    json.putNull("generated_from");
    json.put("last4", card.last4());
    ObjectNode networks = json.putObject("networks");
    networks.putArray("available").add(card.brand());
    networks.putNull("preferred");
    json.put("regulated_status", "unregulated");
    json.putObject("three_d_secure_usage").put("supported", true);
    json.putNull("wallet");
    return json;
  }

  /** A charge's {@code payment_method_details} from the PaymentMethod's {@code card} hash. */
  static ObjectNode forCharge(ObjectNode pmCard) {
    ObjectNode details = Json.object();
    ObjectNode card = details.putObject("card");
    for (String field :
        new String[] {
          "brand",
          "checks",
          "country",
          "exp_month",
          "exp_year",
          "fingerprint",
          "funding",
          "last4",
          "regulated_status",
          "wallet"
        }) {
      card.set(field, pmCard.get(field));
    }
    card.put("network", pmCard.path("brand").asText());
    card.putNull("network_transaction_id");
    card.putNull("three_d_secure");
    details.put("type", "card");
    return details;
  }
}
