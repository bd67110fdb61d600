package org.electronicpayments.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.electronicpayments.testkit.StripeTestCard.Behaviour;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StripeTestCardsTest {

  @ParameterizedTest(name = "{0} and {1} name the same card")
  @CsvSource({
    "pm_card_visa, tok_visa",
    "pm_card_visa_chargeDeclined, pm_card_chargeDeclined",
    "pm_card_visa_chargeDeclined, tok_chargeDeclined",
    "pm_card_visa_chargeDeclinedLostCard, pm_card_chargeDeclinedLostCard",
    "pm_card_visa_chargeDeclinedStolenCard, tok_chargeDeclinedStolenCard",
    "pm_card_chargeDeclinedInsufficientFunds, tok_visa_chargeDeclinedInsufficientFunds",
    "pm_card_authenticationRequiredOnSetup, tok_authenticationRequiredOnSetup"
  })
  void legacyAliasesAndTokFormsNameTheSameCard(String id, String alias) {
    assertThat(StripeTestCards.find(alias))
        .isPresent()
        .get()
        .isSameAs(StripeTestCards.find(id).orElseThrow());
  }

  @ParameterizedTest(name = "{0} is {1} {2}, {3}")
  @CsvSource(
      nullValues = "none",
      value = {
        "4242 4242 4242 4242, visa, 4242, SUCCEEDS, none",
        "5555555555554444, mastercard, 4444, SUCCEEDS, none",
        "378282246310005, amex, 8431, SUCCEEDS, none",
        "4000000000000002, visa, 0002, DECLINES, generic_decline",
        "4000000000009995, visa, 9995, DECLINES, insufficient_funds",
        "4000000000000069, visa, 0069, DECLINES, none",
        "4000000000000127, visa, 0127, DECLINES, none",
        "4000002760003184, visa, 3184, REQUIRES_AUTHENTICATION, none",
        "4000000000000341, visa, 0341, ATTACHES_THEN_DECLINES, generic_decline"
      })
  void publishedNumbersMapToTheirBehaviour(
      String number, String brand, String last4, Behaviour behaviour, String declineCode) {
    StripeTestCard card = StripeTestCards.byNumber(number).orElseThrow();

    assertThat(card.brand()).isEqualTo(brand);
    assertThat(card.last4()).isEqualTo(last4);
    assertThat(card.behaviour()).isEqualTo(behaviour);
    assertThat(card.decline() == null ? null : card.decline().declineCode()).isEqualTo(declineCode);
  }

  @Test
  void everyNumberIsAValidCardNumberAndEveryNumberHasItsOwnFingerprint() {
    List<String> numbers =
        StripeTestCards.all().stream().flatMap(c -> c.numbers().stream()).toList();

    assertThat(numbers).allSatisfy(n -> assertThat(luhn(n)).as(n).isTrue());
    assertThat(numbers.stream().map(StripeTestCard::fingerprintOf).distinct())
        .hasSameSizeAs(numbers);
    assertThat(StripeTestCards.all())
        .allSatisfy(
            c ->
                assertThat(c.fingerprint())
                    .isEqualTo(StripeTestCard.fingerprintOf(c.number()))
                    .hasSize(16));
  }

  @Test
  void onlyCardsThatAlwaysDeclineCannotBeAttached() {
    assertThat(StripeTestCards.all())
        .allSatisfy(c -> assertThat(c.attachable()).isEqualTo(c.behaviour() != Behaviour.DECLINES));
  }

  @Test
  void unknownIdsAndNumbersNameNoCard() {
    assertThat(StripeTestCards.find("pm_card_unknown")).isEmpty();
    assertThat(StripeTestCards.find("tok_unknown")).isEmpty();
    assertThat(StripeTestCards.byNumber("4111111111111111")).isEmpty();
  }

  @Test
  void aDecliningCardMustSayHowItDeclines() {
    assertThatThrownBy(
            () ->
                new StripeTestCard(
                    "pm_card_x", List.of(), List.of("4242"), "visa", Behaviour.DECLINES, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("decline");
  }

  private static boolean luhn(String number) {
    int sum = 0;
    for (int i = 0; i < number.length(); i++) {
      int digit = number.charAt(number.length() - 1 - i) - '0';
      sum += i % 2 == 1 ? (digit * 2 > 9 ? digit * 2 - 9 : digit * 2) : digit;
    }
    return sum % 10 == 0;
  }
}
