package org.electronicpayments.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.electronicpayments.CardChoice;
import org.electronicpayments.CardDetails;
import org.electronicpayments.Consent;
import org.electronicpayments.ConsentChannel;
import org.electronicpayments.ConsentGiver;
import org.electronicpayments.ElectronicPayments;
import org.electronicpayments.Payment;
import org.electronicpayments.PaymentAttempt;
import org.electronicpayments.PaymentFailure;
import org.electronicpayments.PaymentMethod;
import org.electronicpayments.PaymentResult;
import org.electronicpayments.spi.PaymentProcessor;
import org.electronicpayments.testkit.FakePaymentProcessor;
import org.electronicpayments.testkit.StripeTestCard;
import org.electronicpayments.testkit.StripeTestCards;
import org.electronicpayments.testkit.stripe.StripeEmulator;
import org.electronicpayments.testkit.stripe.StripeEmulatorExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every entry of the one test-card table, under every name Stripe gives it, ends the same way on
 * the fake processor and on the Stripe module over the emulator: a one-time charge, saving it (3-D
 * Secure completed when asked), and an off-session charge of the saved card. Each step is also
 * checked against the table, so both backends agreeing on a wrong outcome fails too.
 */
@ExtendWith(StripeEmulatorExtension.class)
class TestCardsAcrossBackendsTest {

  private final StripeEmulator emulator;

  TestCardsAcrossBackendsTest(StripeEmulator emulator) {
    this.emulator = emulator;
  }

  static Stream<Arguments> everyNameOfEveryCard() {
    return StripeTestCards.all().stream()
        .flatMap(card -> card.ids().stream().map(id -> Arguments.of(id, card)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyNameOfEveryCard")
  void everyTestCardEndsTheSameOnTheFakeAndOnTheStripeModuleOverTheEmulator(
      String id, StripeTestCard card) {
    FakePaymentProcessor fake = FakePaymentProcessor.create();
    List<String> onFake =
        journey(fake, id, reference -> fake.completeAuthentication(reference, true));
    List<String> onStripe =
        journey(Fixtures.processor(emulator), id, emulator::completeAuthentication);

    assertThat(onStripe).isEqualTo(onFake);
    assertThat(onFake).isEqualTo(expected(card));
  }

  /** What the table says each step of the journey ends with. */
  private static List<String> expected(StripeTestCard card) {
    String charged = "succeeded " + card.brand() + " " + card.last4() + " " + card.fingerprint();
    String declined =
        card.decline() == null
            ? ""
            : declined(
                card.decline().code(), card.decline().declineCode(), card.decline().message());
    String offSessionAuthentication =
        declined(
            StripeTestCard.Decline.AUTHENTICATION_REQUIRED.code(),
            StripeTestCard.Decline.AUTHENTICATION_REQUIRED.declineCode(),
            StripeTestCard.Decline.AUTHENTICATION_REQUIRED.message());
    return switch (card.behaviour()) {
      case SUCCEEDS ->
          List.of(
              "one-time: " + charged,
              "save: " + charged,
              "saved cards: 1",
              "saved, off-session: " + charged);
      case DECLINES, ATTACHES_THEN_DECLINES ->
          List.of("one-time: " + declined, "save: " + declined, "saved cards: 0");
      case REQUIRES_AUTHENTICATION ->
          List.of(
              "one-time: requires action",
              "save: requires action",
              "save, authenticated: " + charged,
              "saved cards: 1",
              "saved, off-session: " + offSessionAuthentication);
      case REQUIRES_AUTHENTICATION_UNLESS_SET_UP ->
          List.of(
              "one-time: requires action",
              "save: requires action",
              "save, authenticated: " + charged,
              "saved cards: 1",
              "saved, off-session: " + charged);
    };
  }

  private static List<String> journey(
      PaymentProcessor processor, String id, Consumer<String> completeAuthentication) {
    List<String> steps = new ArrayList<>();
    try (ElectronicPayments payments = Facades.facade(processor)) {
      steps.add(
          "one-time: "
              + describe(
                  payments.process(
                      Facades.DESK, Facades.request(CardChoice.oneTime(id), true, "10.00"))));
      PaymentResult saving =
          payments.process(
              Facades.DESK,
              Facades.request(
                  CardChoice.saveNew(
                      id, "Card", Consent.of(ConsentGiver.CLIENT, ConsentChannel.FRONT_DESK)),
                  true,
                  "11.00"));
      steps.add("save: " + describe(saving));
      if (saving instanceof PaymentResult.RequiresAction) {
        List<PaymentAttempt> attempts = saving.payment().attempts();
        completeAuthentication.accept(
            Objects.requireNonNull(attempts.get(attempts.size() - 1).processorReference()));
        steps.add(
            "save, authenticated: "
                + describe(payments.refresh(Facades.DESK, saving.payment().id())));
      }
      List<PaymentMethod> saved = payments.savedCards(Facades.DESK, Fixtures.CLIENT);
      steps.add("saved cards: " + saved.size());
      if (!saved.isEmpty()) {
        steps.add(
            "saved, off-session: "
                + describe(
                    payments.process(
                        Facades.DESK,
                        Facades.request(CardChoice.saved(saved.get(0).id()), false, "12.00"))));
      }
    }
    return steps;
  }

  private static String describe(PaymentResult result) {
    Payment payment = result.payment();
    if (result instanceof PaymentResult.Succeeded) {
      CardDetails card = Objects.requireNonNull(payment.card());
      return "succeeded " + card.brand() + " " + card.last4() + " " + card.fingerprint();
    }
    if (result instanceof PaymentResult.Failed) {
      PaymentFailure failure = Objects.requireNonNull(payment.failure());
      return failure.kind() == PaymentFailure.Kind.DECLINED
          ? declined(failure.code(), failure.declineCode(), failure.processorResponse())
          : "failed " + failure.kind() + " " + failure.code() + ": " + failure.processorResponse();
    }
    return result instanceof PaymentResult.RequiresAction
        ? "requires action"
        : "in doubt " + payment.status();
  }

  private static String declined(String code, String declineCode, String message) {
    return "declined " + code + "/" + declineCode + ": " + message;
  }
}
