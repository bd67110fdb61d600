package org.electronicpayments.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.YearMonth;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.electronicpayments.AccessDeniedException;
import org.electronicpayments.CardChoice;
import org.electronicpayments.CardSetupRequest;
import org.electronicpayments.CardSetupResult;
import org.electronicpayments.ClientId;
import org.electronicpayments.Consent;
import org.electronicpayments.ConsentChannel;
import org.electronicpayments.ConsentGiver;
import org.electronicpayments.Payer;
import org.electronicpayments.PaymentMethod;
import org.electronicpayments.PaymentRequest;
import org.electronicpayments.PaymentResult;
import org.electronicpayments.PaymentStatus;
import org.electronicpayments.PaymentType;
import org.electronicpayments.PortalPosting;
import org.electronicpayments.RepresentativeId;
import org.electronicpayments.security.Actor;
import org.electronicpayments.spi.ProcessorCard;
import org.electronicpayments.testkit.PaymentsTestbed;
import org.electronicpayments.testkit.StripeTestCards;
import org.electronicpayments.testkit.stripe.StripeEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The client portal through the facade and the Stripe module over the emulator, as client and as
 * representative.
 */
class StripePortalTest {

  private final StripeEmulator emulator = StripeEmulator.start();
  private final StripePaymentProcessor processor = Fixtures.processor(emulator);

  @AfterEach
  void stop() {
    emulator.close();
  }

  static Stream<Actor> portalUsers() {
    return Stream.of(
        Actor.client(PaymentsTestbed.CLIENT),
        Actor.representative(RepresentativeId.of("parent-1"), Set.of(PaymentsTestbed.CLIENT)));
  }

  private PaymentsTestbed bed(PortalPosting posting) {
    return PaymentsTestbed.over(
        processor, b -> b.portalPosting(posting).deadline(Duration.ofSeconds(15)));
  }

  private static PaymentRequest pay(ClientId client, CardChoice card) {
    return PaymentRequest.builder()
        .client(client)
        .reference("portal " + UUID.randomUUID().toString().substring(0, 8))
        .type(PaymentType.CREDIT_CARD)
        .payer(Payer.CO_PAY)
        .amountReceived("15.00")
        .electronic(true)
        .card(card)
        .build();
  }

  @ParameterizedTest
  @MethodSource("portalUsers")
  void addsACardWithoutPaying_renamesIt_updatesItsExpiry_paysWithIt_andRemovesIt(Actor user) {
    try (PaymentsTestbed bed = bed(PortalPosting.STAFF_SAVES)) {
      var payments = bed.payments();
      Consent consent =
          Consent.of(
              user instanceof Actor.Client ? ConsentGiver.CLIENT : ConsentGiver.REPRESENTATIVE,
              ConsentChannel.PORTAL);
      PaymentMethod card =
          ((CardSetupResult.Saved)
                  payments.saveCard(
                      user,
                      new CardSetupRequest(
                          PaymentsTestbed.CLIENT, StripeTestCards.MASTERCARD, "My card", consent)))
              .card();
      String customer =
          bed.store()
              .customerReference(PaymentsTestbed.AGENCY.id(), PaymentsTestbed.CLIENT)
              .orElseThrow();
      assertThat(emulator.requests("POST /v1/payment_intents")).isEmpty();
      assertThat(payments.savedCards(user, PaymentsTestbed.CLIENT)).containsExactly(card);

      assertThat(payments.renameCard(user, card.id(), "Copays").nickname()).isEqualTo("Copays");
      YearMonth renewed = card.card().expiry().plusYears(2);
      assertThat(payments.updateCardExpiry(user, card.id(), renewed).card().expiry())
          .isEqualTo(renewed);
      assertThat(processor.listCards(customer))
          .singleElement()
          .satisfies(c -> assertThat(c.card().expiry()).isEqualTo(renewed));

      PaymentResult paid =
          payments.process(user, pay(PaymentsTestbed.CLIENT, CardChoice.saved(card.id())));
      assertThat(paid).isInstanceOf(PaymentResult.Succeeded.class);
      assertThat(paid.payment().status()).isEqualTo(PaymentStatus.SUCCEEDED);
      assertThat(paid.payment().confirmationNumber()).startsWith("ch_");

      payments.removeCard(user, card.id());
      assertThat(payments.savedCards(user, PaymentsTestbed.CLIENT)).isEmpty();
      assertThat(processor.listCards(customer))
          .extracting(ProcessorCard::id)
          .doesNotContain(card.id());
      assertThat(payments.removedCards(bed.frontDesk(), PaymentsTestbed.CLIENT))
          .singleElement()
          .satisfies(r -> assertThat(r.removedBy()).isEqualTo(user.auditName()));
    }
  }

  @Test
  void aRepresentativeIsDeniedForAClientTheyDoNotRepresent_andNothingReachesStripe() {
    try (PaymentsTestbed bed = bed(PortalPosting.STAFF_SAVES)) {
      Actor rep =
          Actor.representative(RepresentativeId.of("parent-1"), Set.of(PaymentsTestbed.CLIENT));
      ClientId other = ClientId.of("2000");
      int requests = emulator.requests().size();
      assertThatThrownBy(
              () ->
                  bed.payments()
                      .saveCard(
                          rep,
                          new CardSetupRequest(
                              other,
                              StripeTestCards.VISA,
                              "Visa",
                              Consent.of(ConsentGiver.REPRESENTATIVE, ConsentChannel.PORTAL))))
          .isInstanceOf(AccessDeniedException.class);
      assertThatThrownBy(() -> bed.payments().savedCards(rep, other))
          .isInstanceOf(AccessDeniedException.class);
      assertThatThrownBy(
              () ->
                  bed.payments().process(rep, pay(other, CardChoice.oneTime(StripeTestCards.VISA))))
          .isInstanceOf(AccessDeniedException.class);
      assertThat(emulator.requests()).hasSize(requests);
    }
  }

  @Test
  void withAutomaticPostingAClientsPaymentIsPostedAtOnce() {
    try (PaymentsTestbed bed = bed(PortalPosting.AUTOMATIC)) {
      Actor client = Actor.client(PaymentsTestbed.CLIENT);
      PaymentResult paid =
          bed.payments()
              .process(
                  client, pay(PaymentsTestbed.CLIENT, CardChoice.oneTime(StripeTestCards.VISA)));
      assertThat(paid.payment().status()).isEqualTo(PaymentStatus.POSTED);
      assertThat(paid.payment().postedBy()).isEqualTo(client.auditName());
      assertThat(bed.payments().unsaved(bed.frontDesk())).isEmpty();
    }
  }
}
