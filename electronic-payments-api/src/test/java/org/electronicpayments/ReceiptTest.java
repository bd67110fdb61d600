package org.electronicpayments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReceiptTest {

  static final AgencyDetails AGENCY =
      new AgencyDetails(
          AgencyId.of("agency-1"),
          "Riverside <Counseling>",
          List.of("12 Main St", "Springfield, IL 62701"),
          "(555) 010-2000",
          ZoneId.of("America/Chicago"));

  static Receipt receipt(PaymentType type, CardDetails card, Money refunded) {
    return new Receipt(
        AGENCY,
        PaymentId.of("pay_1"),
        "1.1.2026 1000 CC",
        "Pat & Sam Doe",
        LocalDate.of(2026, 1, 1),
        Money.usd("10.00"),
        refunded,
        Payer.CO_PAY,
        type,
        card,
        "ch_123",
        PaymentStatus.POSTED,
        Instant.parse("2026-01-01T15:00:00Z"));
  }

  @Test
  void plainTextShowsAgencyAmountCardAsBrandAndLastFourAndConfirmation() {
    String text =
        receipt(
                PaymentType.CREDIT_CARD,
                new CardDetails("visa", "4242", YearMonth.of(2030, 1), "fp"),
                Money.ofMinor(0, Money.USD))
            .toPlainText();
    assertThat(text)
        .startsWith("Riverside <Counseling>\n12 Main St\nSpringfield, IL 62701\n(555) 010-2000\n")
        .contains("Client:       Pat & Sam Doe\n")
        .contains("Date posted:  January 1, 2026\n")
        .contains("Payer:        Co-Pay\n")
        .contains("Paid with:    Visa •••• 4242\n")
        .contains("Amount:       $10.00\n")
        .contains("Confirmation: ch_123\n")
        .contains("Status:       Paid\n")
        .doesNotContain("Refunded");
  }

  @Test
  void htmlIsAPrintablePageWithEscapedText() {
    String html =
        receipt(
                PaymentType.CREDIT_CARD,
                new CardDetails("mastercard", "4444", YearMonth.of(2030, 1), null),
                Money.usd("4.00"))
            .toHtml();
    assertThat(html)
        .startsWith("<!DOCTYPE html>")
        .contains("@media print")
        .contains("<h1>Riverside &lt;Counseling&gt;</h1>")
        .contains("<td>Pat &amp; Sam Doe</td>")
        .contains("<td>Mastercard •••• 4444</td>")
        .contains("<th>Refunded</th><td>$4.00</td>")
        .doesNotContain("<script");
  }

  @Test
  void emailHtmlIsThePageWithoutThePrintButton() {
    Receipt r =
        receipt(
            PaymentType.CREDIT_CARD,
            new CardDetails("visa", "4242", YearMonth.of(2030, 1), null),
            Money.ofMinor(0, Money.USD));
    assertThat(r.toHtml()).contains("window.print()");
    assertThat(r.toEmailHtml())
        .doesNotContain("window.print", "<button", "onclick", "<script")
        .isEqualTo(
            r.toHtml()
                .replace(
                    "<button class=\"print\" onclick=\"window.print()\">Print</button>\n", ""));
  }

  @Test
  void cashReceiptsSayCash() {
    assertThat(receipt(PaymentType.CASH, null, Money.ofMinor(0, Money.USD)).toPlainText())
        .contains("Paid with:    Cash\n");
  }
}
