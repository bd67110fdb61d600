package org.electronicpayments.mail;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.electronicpayments.AgencyDetails;
import org.electronicpayments.AgencyId;
import org.electronicpayments.CardDetails;
import org.electronicpayments.Money;
import org.electronicpayments.Payer;
import org.electronicpayments.PaymentId;
import org.electronicpayments.PaymentStatus;
import org.electronicpayments.PaymentType;
import org.electronicpayments.Receipt;

/** A receipt as the facade makes it, with an agency name outside ASCII. */
final class SampleReceipts {

  static final AgencyDetails AGENCY =
      new AgencyDetails(
          AgencyId.of("agency-mail"),
          "Clínica Riverside Counseling",
          List.of("12 Main St", "Springfield, IL 62701"),
          "(555) 010-2000",
          ZoneId.of("America/Chicago"));
  static final String REFERENCE = "1.1.2026 1000 CC";

  private SampleReceipts() {}

  static Receipt card() {
    return new Receipt(
        AGENCY,
        PaymentId.generate(),
        REFERENCE,
        "Pat Doe",
        LocalDate.of(2026, 1, 1),
        Money.usd("10.00"),
        Money.ofMinor(0, Money.USD),
        Payer.CO_PAY,
        PaymentType.CREDIT_CARD,
        new CardDetails("visa", "4242", YearMonth.of(2030, 12), "fp_1"),
        "ch_3Q0000000001",
        PaymentStatus.SUCCEEDED,
        Instant.parse("2026-01-01T15:00:00Z"));
  }
}
