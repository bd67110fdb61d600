package org.electronicpayments.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.electronicpayments.AgencyId;
import org.electronicpayments.CardChoice;
import org.electronicpayments.ClientId;
import org.electronicpayments.Consent;
import org.electronicpayments.ConsentChannel;
import org.electronicpayments.ConsentGiver;
import org.electronicpayments.FieldError;
import org.electronicpayments.Money;
import org.electronicpayments.Payer;
import org.electronicpayments.Payment;
import org.electronicpayments.PaymentRequest;
import org.electronicpayments.PaymentResult;
import org.electronicpayments.PaymentStatus;
import org.electronicpayments.PaymentValidationException;
import org.electronicpayments.testkit.SamplePayments;
import org.junit.jupiter.api.Test;

class ElectronicPaymentsModuleTest {

  private static final Instant AT = Instant.parse("2026-01-01T15:00:00Z");
  private final ObjectMapper json =
      new ObjectMapper().registerModule(new ElectronicPaymentsModule());

  @Test
  void moneyIsAnAmountWithCentsAndACurrency() throws Exception {
    assertThat(json.writeValueAsString(Money.usd("10.00")))
        .isEqualTo("{\"amount\":\"10.00\",\"currency\":\"USD\"}");
  }

  @Test
  void aPaymentHasIdsAsStringsAndNeverItsNoteOrEmail() throws Exception {
    Payment p =
        SamplePayments.settledWithHistory(
            SamplePayments.cardPayment(AgencyId.of("riverside"), ClientId.of("1000"), "R-1", AT),
            AT);
    JsonNode node = json.readTree(json.writeValueAsString(p));
    assertThat(node.get("id").textValue()).isEqualTo(p.id().value());
    assertThat(node.get("clientId").textValue()).isEqualTo("1000");
    assertThat(node.get("amount").get("amount").textValue()).isEqualTo("10.00");
    assertThat(node.get("refunded").get("amount").textValue()).isEqualTo("4.00");
    assertThat(node.get("card").get("last4").textValue()).isEqualTo("4242");
    assertThat(node.get("card").get("expiry").textValue()).isEqualTo("2030-12");
    assertThat(node.get("status").textValue()).isEqualTo("PARTIALLY_REFUNDED");
    assertThat(node.get("posted").booleanValue()).isTrue();
    String text = node.toString();
    assertThat(text)
        .doesNotContain("DOS 90837")
        .doesNotContain("client@example.org")
        .doesNotContain("pi_second")
        .doesNotContain("fp_visa");
  }

  @Test
  void resultsCarryAStatusAndTheClientSecretOnlyWhenTheBrowserNeedsIt() throws Exception {
    Payment pending =
        SamplePayments.cardPayment(AgencyId.of("riverside"), ClientId.of("1000"), "R-2", AT);
    Payment waiting = pending.change().status(PaymentStatus.REQUIRES_ACTION).at(AT);
    JsonNode action =
        json.readTree(
            json.writeValueAsString(new PaymentResult.RequiresAction(waiting, "pi_1_secret_2")));
    assertThat(action.get("status").textValue()).isEqualTo("REQUIRES_ACTION");
    assertThat(action.get("clientSecret").textValue()).isEqualTo("pi_1_secret_2");
    JsonNode doubt = json.readTree(json.writeValueAsString(new PaymentResult.InDoubt(pending)));
    assertThat(doubt.get("status").textValue()).isEqualTo("IN_DOUBT");
    assertThat(doubt.has("clientSecret")).isFalse();
    assertThat(doubt.get("payment").get("status").textValue()).isEqualTo("PENDING");
  }

  @Test
  void aWellFormedRequestIsRead() throws Exception {
    PaymentRequest r =
        json.readValue(
            """
        {"clientId":"1000","reference":"1.1.2026 1000 CC","payer":"co_pay","amountReceived":"10.00",
         "electronic":true,"card":{"saveNew":"pm_card_visa","nickname":"Visa 1000",
         "consent":{"givenBy":"client","channel":"front_desk"}}}""",
            PaymentRequest.class);
    assertThat(r.clientId()).isEqualTo(ClientId.of("1000"));
    assertThat(r.payer()).isEqualTo(Payer.CO_PAY);
    assertThat(r.amountReceived()).isEqualTo(Money.usd("10.00"));
    assertThat(r.card())
        .isEqualTo(
            CardChoice.saveNew(
                "pm_card_visa",
                "Visa 1000",
                Consent.of(ConsentGiver.CLIENT, ConsentChannel.FRONT_DESK)));
  }

  @Test
  void everyFieldErrorIsReportedAtOnceWithoutTheRejectedValues() throws Exception {
    JsonNode body =
        json.readTree(
            """
        {"clientId":7,"payer":"uncle","amountReceived":"10.5","datePosted":"yesterday","electronic":"yes",
         "card":{"oneTime":42},"reference":"4242424242424242"}""");
    assertThatThrownBy(() -> PaymentRequestJson.read(body))
        .isInstanceOfSatisfying(
            PaymentValidationException.class,
            e -> {
              assertThat(e.errors())
                  .extracting(FieldError::field)
                  .contains(
                      "clientId",
                      "payer",
                      "amountReceived",
                      "datePosted",
                      "electronic",
                      "card",
                      "reference");
              assertThat(e.errors())
                  .filteredOn(err -> err.field().equals("payer"))
                  .singleElement()
                  .extracting(FieldError::message)
                  .asString()
                  .contains("CO_PAY, CO_INSURANCE, DEDUCTIBLE");
              assertThat(e.getMessage())
                  .doesNotContain("4242424242424242")
                  .doesNotContain("uncle")
                  .doesNotContain("yesterday");
            });
  }
}
