package org.electronicpayments.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.UUID;
import org.electronicpayments.AgencyId;
import org.electronicpayments.ClientId;
import org.electronicpayments.ElectronicPayments;
import org.electronicpayments.Payment;
import org.electronicpayments.PaymentFailure;
import org.electronicpayments.PaymentStatus;
import org.electronicpayments.ReconcileReport;
import org.electronicpayments.testkit.CrashingPaymentStore;
import org.electronicpayments.testkit.CrashingPaymentStore.SimulatedCrash;
import org.electronicpayments.testkit.CrashingPaymentStore.When;
import org.electronicpayments.testkit.FakePaymentProcessor;
import org.electronicpayments.testkit.TestClock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A host dies between two steps of a payment; a new host on the same database (a new store, a new
 * facade) reconciles after the lease, and the payment is neither lost nor charged twice.
 */
class CrashRecoveryTest {

  private final String n = UUID.randomUUID().toString().substring(0, 8);
  private final AgencyId agency = AgencyId.of("agency-" + n);
  private final ClientId client = ClientId.of("client-" + n);
  private final FakePaymentProcessor stripe = FakePaymentProcessor.create();
  private final TestClock clock = TestClock.at("2026-01-01T15:00:00Z");

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  @DisplayName(
      "died after journaling, before the processor's reference was stored: recovered as failed, nothing charged")
  void crashBeforeTheReferenceIsStored(TestDatabase db) {
    Payment recovered = crashThenRecover(db, 1);
    assertThat(recovered.status()).isEqualTo(PaymentStatus.FAILED);
    assertThat(recovered.failure().kind()).isEqualTo(PaymentFailure.Kind.CANCELLED);
    assertThat(stripe.chargeCount()).isZero();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  @DisplayName(
      "died after the card was charged, before the outcome was stored: recovered as succeeded, charged once")
  void crashAfterTheChargeBeforeTheOutcome(TestDatabase db) {
    Payment recovered = crashThenRecover(db, 2);
    assertThat(recovered.status()).isEqualTo(PaymentStatus.SUCCEEDED);
    assertThat(stripe.succeededChargesFor(recovered.id())).hasSize(1);
    assertThat(recovered.confirmationNumber())
        .isEqualTo(stripe.succeededChargesFor(recovered.id()).get(0).chargeReference());
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  @DisplayName(
      "died before Save: the charged payment is listed as unsaved by the next host and can be saved")
  void crashBeforeSave(TestDatabase db) {
    CrashingPaymentStore dying =
        CrashingPaymentStore.over(db.store()).crashOnUpdate(3, When.BEFORE);
    try (ElectronicPayments first = Node.facade(agency, dying, stripe, clock)) {
      Payment charged = first.process(Node.STAFF, Node.visaPayment(client, "REF-SAVE")).payment();
      assertThat(charged.status()).isEqualTo(PaymentStatus.SUCCEEDED);
      assertThatThrownBy(() -> first.save(Node.STAFF, charged.id()))
          .isInstanceOf(SimulatedCrash.class);
    }
    try (ElectronicPayments next = Node.facade(agency, db.store(), stripe, clock)) {
      assertThat(next.unsaved(Node.STAFF))
          .extracting(Payment::request)
          .extracting(r -> r.reference())
          .containsExactly("REF-SAVE");
      Payment p = next.unsaved(Node.STAFF).get(0);
      assertThat(next.save(Node.STAFF, p.id()).status()).isEqualTo(PaymentStatus.POSTED);
      assertThat(stripe.chargeCount()).isEqualTo(1);
    }
  }

  private Payment crashThenRecover(TestDatabase db, int crashAtUpdate) {
    CrashingPaymentStore dying =
        CrashingPaymentStore.over(db.store()).crashOnUpdate(crashAtUpdate, When.BEFORE);
    try (ElectronicPayments first = Node.facade(agency, dying, stripe, clock)) {
      assertThatThrownBy(() -> first.process(Node.STAFF, Node.visaPayment(client, "REF-CRASH")))
          .isInstanceOf(SimulatedCrash.class);
    }
    clock.advance(Duration.ofMinutes(10));
    try (ElectronicPayments next = Node.facade(agency, db.store(), stripe, clock)) {
      Payment left = db.store().findByReference(agency, "REF-CRASH").orElseThrow();
      assertThat(left.status()).isIn(PaymentStatus.PENDING, PaymentStatus.PROCESSING);
      ReconcileReport report = next.reconcile(Node.RECONCILER);
      assertThat(report.examined()).isEqualTo(1);
      assertThat(next.reconcile(Node.RECONCILER).examined()).isZero();
      return db.store().find(left.id()).orElseThrow();
    }
  }
}
