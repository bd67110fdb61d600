package org.electronicpayments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PaymentRequestValidationTest {

  static PaymentRequestBuilder valid() {
    return PaymentRequest.builder()
        .client(ClientId.of("1000"))
        .origin(Origin.APPOINTMENTS)
        .appointment(AppointmentId.of("appt-1"))
        .emailReceiptTo("pat@example.org")
        .reference("1.1.2026 1000 CC")
        .type(PaymentType.CREDIT_CARD)
        .payer(Payer.CO_PAY)
        .amountReceived("10.00")
        .note("1/1/2026 DOS 90837")
        .electronic(true)
        .card(CardChoice.oneTime("pm_card_visa"));
  }

  static Arguments bad(
      String name, UnaryOperator<PaymentRequestBuilder> change, String field, String message) {
    return Arguments.of(name, change, field, message);
  }

  static Stream<Arguments> badInputs() {
    String card =
        "must not contain a card number; cards are entered only in the processor's card form";
    return Stream.of(
        bad(
            "amount without cents",
            b -> b.amountReceived("10"),
            "amountReceived",
            "must be written like 10.00"),
        bad(
            "amount with one decimal",
            b -> b.amountReceived("10.5"),
            "amountReceived",
            "must be written like 10.00"),
        bad(
            "amount with three decimals",
            b -> b.amountReceived("10.001"),
            "amountReceived",
            "must be written like 10.00"),
        bad(
            "negative amount",
            b -> b.amountReceived("-1"),
            "amountReceived",
            "must be written like 10.00"),
        bad(
            "zero amount",
            b -> b.amountReceived("0.00"),
            "amountReceived",
            "must be more than 0.00"),
        bad(
            "exponent amount",
            b -> b.amountReceived("1e3"),
            "amountReceived",
            "must be written like 10.00"),
        bad(
            "grouped amount",
            b -> b.amountReceived("1,000.00"),
            "amountReceived",
            "must be written like 10.00"),
        bad(
            "blank amount",
            b -> b.amountReceived("  "),
            "amountReceived",
            "is required and must be written like 10.00"),
        bad(
            "null amount text",
            b -> b.amountReceived((String) null),
            "amountReceived",
            "is required"),
        bad(
            "card amount below Stripe's minimum",
            b -> b.amountReceived("0.49"),
            "amountReceived",
            "must be at least 0.50 for a card payment"),
        bad(
            "card amount above Stripe's maximum",
            b -> b.amountReceived("1000000.00"),
            "amountReceived",
            "must be at most 999999.99 for a card payment"),
        bad("missing client", b -> b.client(null), "clientId", "is required"),
        bad("missing origin", b -> b.origin(null), "origin", "is required"),
        bad("missing type", b -> b.type(null), "type", "is required"),
        bad("missing payer", b -> b.payer(null), "payer", "is required"),
        bad("missing reference", b -> b.reference(null), "reference", "is required"),
        bad("blank reference", b -> b.reference("   "), "reference", "is required"),
        bad(
            "reference over 64 characters",
            b -> b.reference("R".repeat(65)),
            "reference",
            "must be at most 64 characters"),
        bad(
            "reference with a card number",
            b -> b.reference("4242 4242 4242 4242"),
            "reference",
            card),
        bad(
            "reference with a control character",
            b -> b.reference("REF\u0000-1"),
            "reference",
            "must not contain control characters"),
        bad(
            "reference with a newline",
            b -> b.reference("REF\n1"),
            "reference",
            "must not contain control characters"),
        bad(
            "email without @",
            b -> b.emailReceiptTo("pat.example.org"),
            "emailReceiptTo",
            "must be an email address like name@example.org"),
        bad(
            "email with spaces inside",
            b -> b.emailReceiptTo("pat doe@example.org"),
            "emailReceiptTo",
            "must be an email address like name@example.org"),
        bad(
            "email with a card number",
            b -> b.emailReceiptTo("4242424242424242@example.org"),
            "emailReceiptTo",
            card),
        bad(
            "email with an address literal",
            b -> b.emailReceiptTo("pat@[999.1.1.1]"),
            "emailReceiptTo",
            "must be an email address like name@example.org"),
        bad(
            "email too long",
            b -> b.emailReceiptTo("a".repeat(250) + "@x.org"),
            "emailReceiptTo",
            "must be at most 254 characters"),
        bad(
            "note over 500 characters",
            b -> b.note("n".repeat(501)),
            "note",
            "must be at most 500 characters"),
        bad("note with a card number", b -> b.note("paid with 4111-1111-1111-1111"), "note", card),
        bad(
            "note with a bell character",
            b -> b.note("DOS\u0007"),
            "note",
            "must not contain control characters"),
        bad(
            "electronic cash",
            b -> b.type(PaymentType.CASH),
            "electronic",
            "is only for credit card payments; cash and checks are recorded"),
        bad(
            "electronic check",
            b -> b.type(PaymentType.CHECK),
            "electronic",
            "is only for credit card payments; cash and checks are recorded"),
        bad(
            "electronic card without a card",
            b -> b.card(null),
            "card",
            "is required for an electronic payment: a one-time card, a new card to save, or a saved card"),
        bad(
            "card on a non-electronic payment",
            b -> b.electronic(false),
            "card",
            "must be empty unless the payment is electronic"),
        bad(
            "raw card number as token",
            b -> b.card(CardChoice.oneTime("4242424242424242")),
            "card.token",
            "must be a processor token or PaymentMethod id such as pm_… from the card form"),
        bad(
            "token with spaces",
            b -> b.card(CardChoice.oneTime("pm_card visa")),
            "card.token",
            "must be a processor token or PaymentMethod id such as pm_… from the card form"),
        bad(
            "blank nickname",
            b ->
                b.card(
                    CardChoice.saveNew(
                        "pm_card_visa",
                        " ",
                        Consent.of(ConsentGiver.CLIENT, ConsentChannel.FRONT_DESK))),
            "card.nickname",
            "is required, such as Visa 1000"),
        bad(
            "nickname over 40 characters",
            b ->
                b.card(
                    CardChoice.saveNew(
                        "pm_card_visa",
                        "V".repeat(41),
                        Consent.of(ConsentGiver.CLIENT, ConsentChannel.FRONT_DESK))),
            "card.nickname",
            "must be at most 40 characters"),
        bad(
            "nickname with a card number",
            b ->
                b.card(
                    CardChoice.saveNew(
                        "pm_card_visa",
                        "5555555555554444",
                        Consent.of(ConsentGiver.CLIENT, ConsentChannel.FRONT_DESK))),
            "card.nickname",
            card));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badInputs")
  void badInputIsRejectedWithAFieldLevelMessage(
      String name, UnaryOperator<PaymentRequestBuilder> change, String field, String message) {
    PaymentValidationException e =
        catchThrowableOfType(PaymentValidationException.class, () -> change.apply(valid()).build());
    assertThat(e).as(name).isNotNull();
    assertThat(e.errors()).as(name).contains(new FieldError(field, message));
  }

  @Test
  void aValidRequestBuildsAndTrimsItsReference() {
    PaymentRequest r =
        valid().reference("  1.1.2026 1000 CC  ").emailReceiptTo(" ").note("").build();
    assertThat(r.reference()).isEqualTo("1.1.2026 1000 CC");
    assertThat(r.emailReceiptTo()).isNull();
    assertThat(r.note()).isNull();
    assertThat(r.amountReceived()).isEqualTo(Money.usd("10.00"));
  }

  @Test
  void everyFieldErrorIsReportedAtOnce() {
    PaymentValidationException e =
        catchThrowableOfType(
            PaymentValidationException.class,
            () ->
                valid()
                    .amountReceived("10")
                    .reference("")
                    .emailReceiptTo("nope")
                    .note("4242424242424242")
                    .payer(null)
                    .build());
    assertThat(e.errors())
        .extracting(FieldError::field)
        .containsExactly("amountReceived", "emailReceiptTo", "note", "payer", "reference");
  }

  @Test
  void messagesNeverEchoTheRejectedValue() {
    assertThatThrownBy(
            () -> valid().note("card 4242 4242 4242 4242").reference("5555555555554444").build())
        .isInstanceOf(PaymentValidationException.class)
        .satisfies(t -> assertThat(t.getMessage()).doesNotContain("4242").doesNotContain("5555"));
  }

  @Test
  void cashAndChecksAreRecordedWithoutACardAndWithoutTheCardMinimum() {
    PaymentRequest cash =
        valid().type(PaymentType.CASH).electronic(false).card(null).amountReceived("0.25").build();
    assertThat(cash.chargesCard()).isFalse();
  }

  @Test
  void idsRejectForeignCharactersWithoutEchoingThem() {
    assertThatThrownBy(() -> ClientId.of("1000; DROP TABLE"))
        .hasMessage(
            "Invalid request: clientId may contain only letters, digits and _ - . : (found a character at position 5)");
    assertThatThrownBy(() -> ClientId.of(""))
        .hasMessageContaining("clientId must be 1 to 64 characters");
    assertThatThrownBy(() -> ClientId.of("x".repeat(65)))
        .hasMessageContaining("clientId must be 1 to 64 characters");
  }
}
