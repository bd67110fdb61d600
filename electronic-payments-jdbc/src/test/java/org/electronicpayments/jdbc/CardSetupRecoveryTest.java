package org.electronicpayments.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.UUID;
import org.electronicpayments.AgencyId;
import org.electronicpayments.CardSetup;
import org.electronicpayments.CardSetupRequest;
import org.electronicpayments.CardSetupStatus;
import org.electronicpayments.ClientId;
import org.electronicpayments.Consent;
import org.electronicpayments.ConsentChannel;
import org.electronicpayments.ConsentGiver;
import org.electronicpayments.ElectronicPayments;
import org.electronicpayments.PaymentFailure;
import org.electronicpayments.PaymentMethod;
import org.electronicpayments.testkit.CrashingPaymentStore;
import org.electronicpayments.testkit.CrashingPaymentStore.SimulatedCrash;
import org.electronicpayments.testkit.CrashingPaymentStore.When;
import org.electronicpayments.testkit.FakePaymentProcessor;
import org.electronicpayments.testkit.StripeTestCards;
import org.electronicpayments.testkit.TestClock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Saving a card without a payment on H2 and PostgreSQL: a host dies between two steps; the next
 * host on the same database reconciles after the lease, and the card is saved once, or not at all,
 * with its consent read back from the database.
 */
class CardSetupRecoveryTest {

  private final String n = UUID.randomUUID().toString().substring(0, 8);
  private final AgencyId agency = AgencyId.of("agency-" + n);
  private final ClientId client = ClientId.of("client-" + n);
  private final FakePaymentProcessor stripe = FakePaymentProcessor.create();
  private final TestClock clock = TestClock.at("2026-01-01T15:00:00Z");
  private final CardSetupRequest request =
      new CardSetupRequest(
          client,
          StripeTestCards.VISA,
          "Visa 4242",
          Consent.of(ConsentGiver.CLIENT, ConsentChannel.PHONE));

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  @DisplayName(
      "died before the processor's reference was stored: cancelled by reconcile, no card saved")
  void crashBeforeTheReferenceIsStored(TestDatabase db) {
    CardSetup recovered = crashThenRecover(db, 1);
    assertThat(recovered.status()).isEqualTo(CardSetupStatus.FAILED);
    assertThat(recovered.failure().kind()).isEqualTo(PaymentFailure.Kind.CANCELLED);
    assertThat(db.store().cards(agency, client)).isEmpty();
    assertThat(stripe.cards()).noneMatch(c -> c.attached());
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  @DisplayName(
      "died after the processor saved the card, before the outcome was stored: saved once, consent kept")
  void crashAfterTheCardWasSaved(TestDatabase db) {
    CardSetup recovered = crashThenRecover(db, 2);
    assertThat(recovered.status()).isEqualTo(CardSetupStatus.SUCCEEDED);
    PaymentMethod card = db.store().cards(agency, client).get(0);
    assertThat(db.store().cards(agency, client)).hasSize(1);
    assertThat(recovered.savedCard()).isEqualTo(card.id());
    assertThat(card.consent()).isNotNull();
    assertThat(card.consent().givenBy()).isEqualTo(ConsentGiver.CLIENT);
    assertThat(card.consent().channel()).isEqualTo(ConsentChannel.PHONE);
    assertThat(card.consent().recordedBy()).isEqualTo(Node.STAFF.auditName());
    assertThat(stripe.cards()).filteredOn(c -> c.attached()).hasSize(1);

    try (ElectronicPayments next = Node.facade(agency, db.store(), stripe, clock)) {
      next.removeCard(Node.STAFF, card.id());
      assertThat(next.removedCards(Node.STAFF, client))
          .singleElement()
          .satisfies(r -> assertThat(r.removedBy()).isEqualTo(Node.STAFF.auditName()));
    }
  }

  private CardSetup crashThenRecover(TestDatabase db, int crashAtUpdate) {
    CrashingPaymentStore dying =
        CrashingPaymentStore.over(db.store()).crashOnUpdate(crashAtUpdate, When.BEFORE);
    try (ElectronicPayments first = Node.facade(agency, dying, stripe, clock)) {
      assertThatThrownBy(() -> first.saveCard(Node.STAFF, request))
          .isInstanceOf(SimulatedCrash.class);
    }
    clock.advance(Duration.ofMinutes(10));
    try (ElectronicPayments next = Node.facade(agency, db.store(), stripe, clock)) {
      assertThat(next.reconcile(Node.RECONCILER).cardSetups()).isEqualTo(1);
      assertThat(next.reconcile(Node.RECONCILER).cardSetups()).isZero();
      var left =
          db.store()
              .setups(
                  agency,
                  java.util.EnumSet.allOf(CardSetupStatus.class),
                  clock.instant().plusSeconds(1),
                  10);
      assertThat(left).hasSize(1);
      return left.get(0);
    }
  }
}
