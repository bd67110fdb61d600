package org.electronicpayments.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

public class CardNumbersTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "4242424242424242",
        "4242 4242 4242 4242",
        "4242-4242-4242-4242",
        "card 4000056655665556 exp",
        "5555555555554444",
        "378282246310005",
        "3782 822463 10005",
        "6011111111111117",
        "4242424242424242 0125",
        "paid with 4111-1111-1111-1111 today",
        "4000002500003155",
        "30569309025904",
        "6200000000000005",
        "4212345678901234561"
      })
  public void luhnValidDigitRunsAreFound(String text) {
    assertThat(CardNumbers.containsCardNumber(text)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1/1/2026 DOS 90837",
        "1.1.2026 1000 CC",
        "4242424242424241",
        "424242424242",
        "Visa 1000",
        "phone 555-010-2000",
        "4242  4242  4242  4242",
        "4242/4242/4242/4242",
        "",
        "invoice 2026010100001",
        "4242424242424242424"
      })
  public void datesCodesAndNonLuhnRunsPass(String text) {
    assertThat(CardNumbers.containsCardNumber(text)).isFalse();
  }
}
