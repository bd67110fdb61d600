package org.electronicpayments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ReferencesTest {

  private static final LocalDate NEW_YEAR = LocalDate.of(2026, 1, 1);

  @Test
  @DisplayName(
      "builds the article's reference: day.month.year without leading zeros, client, type code")
  void buildsTheArticlesReference() {
    assertThat(References.of(NEW_YEAR, ClientId.of("1000"), PaymentType.CREDIT_CARD))
        .isEqualTo("1.1.2026 1000 CC");
    assertThat(References.of(LocalDate.of(2026, 12, 31), ClientId.of("7"), PaymentType.CASH))
        .isEqualTo("31.12.2026 7 CA");
    assertThat(References.of(NEW_YEAR, ClientId.of("1000"), PaymentType.CHECK))
        .isEqualTo("1.1.2026 1000 CK");
    assertThat(References.of(NEW_YEAR, ClientId.of("1000"), "EFT")).isEqualTo("1.1.2026 1000 EFT");
    assertThat(References.prefix(NEW_YEAR, ClientId.of("1000"))).isEqualTo("1.1.2026 1000 ");
    assertThat(References.prefix(NEW_YEAR)).isEqualTo("1.1.2026 ");
  }

  @Test
  @DisplayName("reads a reference back into its parts, and a standard code into its payment type")
  void parsesWhatItBuilds() {
    References.Parts parts = References.parse("1.1.2026 1000 CC").orElseThrow();
    assertThat(parts).isEqualTo(new References.Parts(NEW_YEAR, ClientId.of("1000"), "CC"));
    assertThat(parts.type()).contains(PaymentType.CREDIT_CARD);
    assertThat(References.parse(" 29.2.2028 c-9 EFT ").orElseThrow().type()).isEmpty();
    for (PaymentType t : PaymentType.values()) {
      String ref = References.of(LocalDate.of(2027, 10, 5), ClientId.of("1000"), t);
      assertThat(References.parse(ref).orElseThrow().type()).contains(t);
    }
  }

  @Test
  @DisplayName("text that does not follow the convention is not a conventional reference")
  void rejectsOtherText() {
    assertThat(References.parse("REF-1")).isEmpty();
    assertThat(References.parse("01.01.2026 1000 CC")).isEmpty();
    assertThat(References.parse("30.2.2026 1000 CC")).isEmpty();
    assertThat(References.parse("1.13.2026 1000 CC")).isEmpty();
    assertThat(References.parse("1.1.2026 1000")).isEmpty();
    assertThat(References.parse("1.1.2026 10 00 CC")).isEmpty();
    assertThat(References.parse("1.1.2026 bad/id CC")).isEmpty();
    assertThat(References.parse("1.1.2026  1000 CC")).isEmpty();
  }

  @Test
  @DisplayName("a type code must be 1 to 8 letters or digits, so the reference stays readable")
  void typeCodeIsChecked() {
    assertThatThrownBy(() -> References.of(NEW_YEAR, ClientId.of("1000"), "C C"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("typeCode");
    assertThatThrownBy(() -> References.of(NEW_YEAR, ClientId.of("1000"), ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("typeCode");
  }

  @Test
  @DisplayName(
      "queries trim references; a blank exact reference is refused, a blank prefix means any")
  void queryTrimsReferences() {
    assertThat(PaymentQuery.all().reference(" 1.1.2026 1000 CC ").reference())
        .isEqualTo("1.1.2026 1000 CC");
    assertThat(PaymentQuery.all().referenceStartingWith(" 1.1.2026 ").referencePrefix())
        .isEqualTo("1.1.2026 ");
    assertThat(PaymentQuery.all().referenceStartingWith("  ").referencePrefix()).isNull();
    assertThatThrownBy(() -> PaymentQuery.all().reference(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("reference");
  }
}
