package org.electronicpayments.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.electronicpayments.AgencyId;
import org.electronicpayments.CardChoice;
import org.electronicpayments.ClientId;
import org.electronicpayments.Money;
import org.electronicpayments.Origin;
import org.electronicpayments.Payer;
import org.electronicpayments.Payment;
import org.electronicpayments.PaymentAttempt;
import org.electronicpayments.PaymentFailure;
import org.electronicpayments.PaymentId;
import org.electronicpayments.PaymentMethodId;
import org.electronicpayments.PaymentQuery;
import org.electronicpayments.PaymentRequest;
import org.electronicpayments.PaymentStatus;
import org.electronicpayments.PaymentType;
import org.electronicpayments.testkit.SamplePayments;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Values the compatibility kit's samples do not reach read back exactly too. */
class PaymentRoundTripTest {

  private final String n = UUID.randomUUID().toString().substring(0, 8);
  private final AgencyId agency = AgencyId.of("agency-" + n);
  private final ClientId client = ClientId.of("client-" + n);

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  @DisplayName("instants keep their nanoseconds, and updatedBefore compares at that precision")
  void instantsKeepNanoseconds(TestDatabase db) {
    Instant at = Instant.parse("2026-03-01T10:00:00.123456789Z");
    Payment p = SamplePayments.cardPayment(agency, client, "REF-NS", at);
    db.store().insert(p);
    assertThat(db.store().find(p.id())).contains(p);
    PaymentQuery all = PaymentQuery.all();
    assertThat(db.store().query(agency, all.updatedBefore(at))).isEmpty();
    assertThat(db.store().query(agency, all.updatedBefore(at.plusNanos(1)))).containsExactly(p);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  @DisplayName(
      "another currency, a large amount, unicode text and a long processor message read back exactly")
  void unusualValuesReadBack(TestDatabase db) {
    Instant at = Instant.parse("1999-12-31T23:59:59.999999999Z");
    PaymentId id = PaymentId.generate();
    PaymentRequest request =
        new PaymentRequest(
            client,
            null,
            Origin.CLIENTS,
            LocalDate.of(2099, 12, 31),
            null,
            "Réf ü 1.1.2026 1000 CC",
            PaymentType.CREDIT_CARD,
            Payer.CO_INSURANCE,
            Money.ofMinor(999_999_999_999L, Currency.getInstance("JPY")),
            "Notiz: ünïcödé ✓ 日本",
            true,
            CardChoice.saved(PaymentMethodId.of("pm_saved_" + n)),
            false);
    List<PaymentAttempt> attempts =
        List.of(
            new PaymentAttempt(
                1,
                PaymentAttempt.keyFor(id, 1),
                CardChoice.oneTime("tok_" + n),
                "pi_1",
                PaymentStatus.FAILED,
                at,
                at),
            new PaymentAttempt(
                2,
                PaymentAttempt.keyFor(id, 2),
                CardChoice.saved(PaymentMethodId.of("pm_saved_" + n)),
                null,
                PaymentStatus.IN_DOUBT,
                at,
                null));
    PaymentFailure failure =
        new PaymentFailure(PaymentFailure.Kind.REJECTED, null, null, "x".repeat(10_000), "");
    Payment p =
        new Payment(
            id,
            agency,
            request,
            PaymentStatus.IN_DOUBT,
            attempts,
            null,
            failure,
            null,
            null,
            List.of(),
            "client:" + client,
            at,
            at,
            null,
            null,
            0);
    db.store().insert(p);
    assertThat(db.store().find(id)).contains(p);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  @DisplayName(
      "a cash payment with no attempts, card or refunds reads back with empty lists and nulls")
  void sparsePaymentReadsBack(TestDatabase db) {
    Payment cash =
        SamplePayments.cashPayment(
            agency,
            client,
            "REF-CASH",
            LocalDate.of(2026, 1, 1),
            Instant.parse("2026-01-01T00:00:00Z"));
    db.store().insert(cash);
    assertThat(db.store().findByReference(agency, "REF-CASH")).contains(cash);
    assertThat(
            db.store()
                .query(
                    agency,
                    PaymentQuery.all()
                        .datePostedBetween(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 1))))
        .containsExactly(cash);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  @DisplayName("a payment with several attempts and refunds pages as one payment")
  void nestedRowsDoNotMultiplyPayments(TestDatabase db) {
    Instant t0 = Instant.parse("2026-01-01T15:00:00Z");
    Payment first = SamplePayments.cardPayment(agency, client, "REF-1", t0);
    Payment second = SamplePayments.cardPayment(agency, client, "REF-2", t0.plusSeconds(1));
    db.store().insert(first);
    db.store().insert(second);
    Payment rich = db.store().update(SamplePayments.settledWithHistory(first, t0.plusSeconds(2)));
    assertThat(db.store().query(agency, PaymentQuery.all().page(0, 1))).containsExactly(rich);
    assertThat(db.store().query(agency, PaymentQuery.all().page(1, 1))).containsExactly(second);
  }
}
