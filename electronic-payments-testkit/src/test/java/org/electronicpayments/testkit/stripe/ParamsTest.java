package org.electronicpayments.testkit.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ParamsTest {

  @Test
  void bracketNotationBecomesNestedObjectsAndLists() {
    Params p =
        Params.parse(
            "amount=1000&metadata%5Bclient_id%5D=7&metadata[visit]=a%20b"
                + "&expand[0]=latest_charge&expand[1]=customer&payment_method_types[]=card");

    assertThat(p.integer("amount")).isEqualTo(1000L);
    assertThat(p.object("metadata").path("client_id").asText()).isEqualTo("7");
    assertThat(p.object("metadata").path("visit").asText()).isEqualTo("a b");
    assertThat(p.list("expand")).containsExactly("latest_charge", "customer");
    assertThat(p.list("payment_method_types")).containsExactly("card");
    assertThat(p.flat()).containsEntry("metadata[client_id]", "7");
  }

  @Test
  void canonicalFormIgnoresParameterOrder() {
    assertThat(Params.parse("a=1&b=2").canonical())
        .isEqualTo(Params.parse("b=2&a=1").canonical())
        .isNotEqualTo(Params.parse("a=1&b=3").canonical());
  }

  @Test
  void emptyValueReadsAsAbsentAndMissingRequiredParamIsA400() {
    Params p = Params.parse("description=");

    assertThat(p.has("description")).isTrue();
    assertThat(p.text("description")).isNull();
    assertThatThrownBy(() -> p.required("currency"))
        .isInstanceOfSatisfying(
            ApiError.class,
            e -> {
              assertThat(e.status).isEqualTo(400);
              assertThat(e.error.path("code").asText()).isEqualTo("parameter_missing");
              assertThat(e.error.path("param").asText()).isEqualTo("currency");
            });
  }

  @Test
  void faultPatternsMatchOneSegmentPerStarAndTheRestForDoubleStar() {
    assertThat(
            Faults.matches(
                "POST /v1/payment_intents/*/confirm", "POST", "/v1/payment_intents/pi_1/confirm"))
        .isTrue();
    assertThat(
            Faults.matches(
                "POST /v1/payment_intents/*/confirm", "POST", "/v1/payment_intents/pi_1/cancel"))
        .isFalse();
    assertThat(Faults.matches("POST /v1/payment_intents/*", "POST", "/v1/payment_intents"))
        .isFalse();
    assertThat(Faults.matches("GET /v1/**", "GET", "/v1/customers/cus_1")).isTrue();
    assertThat(Faults.matches("GET /v1/**", "POST", "/v1/customers")).isFalse();
    assertThat(Faults.matches("* /v1/refunds", "POST", "/v1/refunds")).isTrue();
  }
}
