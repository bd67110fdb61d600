package org.electronicpayments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Currency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {

  private static final Currency JPY = Currency.getInstance("JPY");
  private static final Currency BHD = Currency.getInstance("BHD");

  @ParameterizedTest
  @CsvSource({"10.00, 1000", "0.50, 50", "999999.99, 99999999", "1234567.89, 123456789", "0.01, 1"})
  void amountsWithExactlyTwoDecimalsParseToCents(String text, long cents) {
    assertThat(Money.usd(text).minorUnits()).isEqualTo(cents);
    assertThat(Money.usd(text).toPlainString()).isEqualTo(text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "10",
        "10.5",
        "10.001",
        "-1",
        "-1.00",
        "1e3",
        "1,000.00",
        "$10.00",
        " 10.00",
        "10.00 ",
        "+10.00",
        ".50",
        "10.",
        "010.00",
        "1O.00",
        "10,00",
        "NaN",
        "Infinity",
        "0x10",
        "١٠.٠٠",
        "99999999999999.00"
      })
  void malformedAmountsAreRejectedShowingTheExpectedForm(String text) {
    assertThatThrownBy(() -> Money.usd(text))
        .isInstanceOf(PaymentValidationException.class)
        .hasMessageContaining("amount must be written like 10.00");
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   ", "\t"})
  void blankAmountsAreRejectedAsRequired(String text) {
    assertThatThrownBy(() -> Money.usd(text))
        .isInstanceOf(PaymentValidationException.class)
        .hasMessageContaining("amount is required and must be written like 10.00");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0.00", "0.00"})
  void zeroIsRejected(String text) {
    assertThatThrownBy(() -> Money.usd(text)).hasMessageContaining("amount must be more than 0.00");
  }

  @Test
  void zeroDecimalCurrenciesTakeNoFraction() {
    assertThat(Money.of("1000", JPY).minorUnits()).isEqualTo(1000);
    assertThatThrownBy(() -> Money.of("1000.00", JPY))
        .hasMessageContaining("must be written like 1000");
  }

  @Test
  void threeDecimalCurrenciesNeedThreeDigits() {
    assertThat(Money.of("1.250", BHD).minorUnits()).isEqualTo(1250);
    assertThatThrownBy(() -> Money.of("1.25", BHD))
        .hasMessageContaining("must be written like 10.000");
  }

  @Test
  void arithmeticStaysInMinorUnitsAndRefusesMixedCurrencies() {
    Money ten = Money.usd("10.00");
    assertThat(ten.plus(Money.usd("0.10"))).isEqualTo(Money.ofMinor(1010, Money.USD));
    assertThat(ten.minus(Money.usd("10.00")).isZero()).isTrue();
    assertThatThrownBy(() -> Money.usd("1.00").minus(ten))
        .isInstanceOf(PaymentValidationException.class);
    assertThatThrownBy(() -> ten.plus(Money.of("10", JPY)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(ten.compareTo(Money.usd("9.99"))).isPositive();
  }

  @Test
  void smallAmountsRenderWithLeadingZero() {
    assertThat(Money.ofMinor(5, Money.USD).toPlainString()).isEqualTo("0.05");
    assertThat(Money.ofMinor(5, Money.USD).toDisplayString()).isEqualTo("$0.05");
    assertThat(Money.ofMinor(5, JPY).toString()).isEqualTo("JPY 5");
  }
}
