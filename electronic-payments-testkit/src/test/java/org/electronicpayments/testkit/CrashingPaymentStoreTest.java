package org.electronicpayments.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.electronicpayments.AgencyId;
import org.electronicpayments.ClientId;
import org.electronicpayments.Payment;
import org.electronicpayments.PaymentStatus;
import org.electronicpayments.testkit.CrashingPaymentStore.SimulatedCrash;
import org.electronicpayments.testkit.CrashingPaymentStore.When;
import org.junit.jupiter.api.Test;

class CrashingPaymentStoreTest {

  private static final Instant T0 = Instant.parse("2026-01-01T15:00:00Z");
  private final InMemoryPaymentStore db = InMemoryPaymentStore.create();
  private final Payment payment =
      SamplePayments.cardPayment(AgencyId.of("a"), ClientId.of("c"), "REF", T0);

  @Test
  void aCrashBeforeTheWriteLosesItAndKillsTheHost() {
    CrashingPaymentStore host = CrashingPaymentStore.over(db).crashOnWrite(1, When.BEFORE);

    assertThatThrownBy(() -> host.insert(payment)).isInstanceOf(SimulatedCrash.class);

    assertThat(db.payments()).isEmpty();
    assertThat(host.isDead()).isTrue();
    assertThatThrownBy(() -> host.find(payment.id())).isInstanceOf(SimulatedCrash.class);
  }

  @Test
  void aCrashAfterTheWriteKeepsItButLosesTheAnswer() {
    CrashingPaymentStore host = CrashingPaymentStore.over(db);
    host.insert(payment);
    host.crashOnUpdate(1, When.AFTER);

    assertThatThrownBy(() -> host.update(payment.change().status(PaymentStatus.PROCESSING).at(T0)))
        .isInstanceOf(SimulatedCrash.class);

    assertThat(db.find(payment.id()).orElseThrow().status()).isEqualTo(PaymentStatus.PROCESSING);
    assertThatThrownBy(() -> host.insert(payment)).isInstanceOf(SimulatedCrash.class);
  }

  @Test
  void crashOnUpdateLetsInsertsThroughAndCountsOnlyUpdates() {
    CrashingPaymentStore host = CrashingPaymentStore.over(db).crashOnUpdate(2, When.BEFORE);
    host.insert(payment);
    Payment v1 = host.update(payment.change().status(PaymentStatus.PROCESSING).at(T0));

    assertThatThrownBy(() -> host.update(v1.change().status(PaymentStatus.IN_DOUBT).at(T0)))
        .isInstanceOf(SimulatedCrash.class);
    assertThat(db.find(payment.id()).orElseThrow().status()).isEqualTo(PaymentStatus.PROCESSING);
  }
}
