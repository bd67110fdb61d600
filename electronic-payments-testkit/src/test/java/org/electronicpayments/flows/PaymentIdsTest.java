package org.electronicpayments.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.electronicpayments.PaymentAttempt;
import org.electronicpayments.PaymentId;
import org.electronicpayments.PaymentResult;
import org.electronicpayments.testkit.FakePaymentProcessor;
import org.electronicpayments.testkit.PaymentsTestbed;
import org.junit.jupiter.api.Test;

/** A seeded payment-id supplier makes a run reproducible: same seed, same ids and keys. */
class PaymentIdsTest {

  private static Supplier<PaymentId> seeded(long seed) {
    Random random = new Random(seed);
    return () -> PaymentId.of("pay_" + Long.toUnsignedString(random.nextLong(), 36));
  }

  private static List<String> run(long seed) {
    List<String> seen = new ArrayList<>();
    try (PaymentsTestbed bed =
        PaymentsTestbed.create(FakePaymentProcessor.create(), b -> b.paymentIds(seeded(seed)))) {
      for (int i = 0; i < 3; i++) {
        PaymentResult r = bed.payments().process(bed.frontDesk(), Requests.oneTime("pm_card_visa"));
        seen.add(r.payment().id().value());
        seen.add(
            r.payment().attempts().stream()
                .map(PaymentAttempt::idempotencyKey)
                .findFirst()
                .orElseThrow());
      }
      PaymentResult cash =
          bed.payments().process(bed.frontDesk(), Requests.cash(PaymentsTestbed.CLIENT));
      seen.add(cash.payment().id().value());
    }
    return seen;
  }

  @Test
  void theSameSeedMakesTheSameIdsAndKeys() {
    List<String> first = run(42);

    assertThat(run(42)).isEqualTo(first);
    assertThat(run(43)).doesNotContainAnyElementsOf(first);
    assertThat(first.get(0)).isEqualTo(seeded(42).get().value());
  }

  @Test
  void aSupplierThatRepeatsAnIdMakesTheSecondPaymentFailInsteadOfOverwritingTheFirst() {
    PaymentId same = PaymentId.of("pay_fixed");
    try (PaymentsTestbed bed =
        PaymentsTestbed.create(FakePaymentProcessor.create(), b -> b.paymentIds(() -> same))) {
      PaymentResult first =
          bed.payments().process(bed.frontDesk(), Requests.oneTime("pm_card_visa"));

      assertThatThrownBy(
              () -> bed.payments().process(bed.frontDesk(), Requests.oneTime("pm_card_visa")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("pay_fixed is already stored");
      assertThat(bed.store().find(same).orElseThrow().request().reference())
          .isEqualTo(first.payment().request().reference());
      assertThat(bed.processor().chargeCount()).isEqualTo(1);
    }
  }
}
