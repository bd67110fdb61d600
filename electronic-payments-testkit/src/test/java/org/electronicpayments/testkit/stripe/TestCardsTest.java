package org.electronicpayments.testkit.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import com.stripe.StripeClient;
import com.stripe.exception.CardException;
import com.stripe.exception.StripeException;
import com.stripe.model.Charge;
import com.stripe.model.PaymentIntent;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PaymentIntentCreateParams.SetupFutureUsage;
import com.stripe.param.PaymentMethodAttachParams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every kind of card in the test-card table ({@code StripeTestCards}), through stripe-java. */
@ExtendWith(StripeEmulatorExtension.class)
class TestCardsTest {

  private final StripeEmulator emulator;
  private final StripeClient stripe;

  TestCardsTest(StripeEmulator emulator) {
    this.emulator = emulator;
    this.stripe = Clients.client(emulator);
  }

  @ParameterizedTest(name = "{0} succeeds as {1} {2}")
  @CsvSource({
    "pm_card_visa, visa, 4242",
    "pm_card_mastercard, mastercard, 4444",
    "pm_card_amex, amex, 8431"
  })
  void succeedingCardsAreChargedOnce(String token, String brand, String last4)
      throws StripeException {
    PaymentIntent pi = pay(token, null, false);

    Charge charge = stripe.v1().charges().retrieve(pi.getLatestCharge());
    assertThat(pi.getStatus()).isEqualTo("succeeded");
    assertThat(pi.getAmountReceived()).isEqualTo(2500L);
    assertThat(charge.getPaymentMethodDetails().getCard().getBrand()).isEqualTo(brand);
    assertThat(charge.getPaymentMethodDetails().getCard().getLast4()).isEqualTo(last4);
    assertThat(emulator.chargesFor(pi.getId()))
        .singleElement()
        .satisfies(c -> assertThat(c.succeeded()).isTrue());
  }

  @ParameterizedTest(name = "{0} is declined: {1}/{2}")
  @CsvSource(
      nullValues = "none",
      value = {
        "pm_card_visa_chargeDeclined, card_declined, generic_decline",
        "pm_card_chargeDeclined, card_declined, generic_decline",
        "pm_card_visa_chargeDeclinedInsufficientFunds, card_declined, insufficient_funds",
        "pm_card_chargeDeclinedInsufficientFunds, card_declined, insufficient_funds",
        "pm_card_visa_chargeDeclinedLostCard, card_declined, lost_card",
        "pm_card_visa_chargeDeclinedStolenCard, card_declined, stolen_card",
        "pm_card_chargeDeclinedExpiredCard, expired_card, none",
        "pm_card_chargeDeclinedIncorrectCvc, incorrect_cvc, none",
        "pm_card_chargeDeclinedProcessingError, processing_error, none"
      })
  void decliningCardsRaiseACardErrorCarryingThePaymentIntentAndTakeNoMoney(
      String token, String code, String declineCode) throws StripeException {
    CardException e = catchCardError(() -> pay(token, null, false));

    assertThat(e.getStatusCode()).isEqualTo(402);
    assertThat(e.getCode()).isEqualTo(code);
    assertThat(e.getDeclineCode()).isEqualTo(declineCode);
    assertThat(e.getCharge()).startsWith("ch_");
    PaymentIntent pi = e.getStripeError().getPaymentIntent();
    assertThat(pi.getStatus()).isEqualTo("requires_payment_method");
    assertThat(pi.getLastPaymentError().getCode()).isEqualTo(code);
    assertThat(pi.getLastPaymentError().getDeclineCode()).isEqualTo(declineCode);
    assertThat(stripe.v1().paymentIntents().retrieve(pi.getId()).getStatus())
        .isEqualTo("requires_payment_method");
    assertThat(emulator.chargesFor(pi.getId()))
        .singleElement()
        .satisfies(c -> assertThat(c.succeeded()).isFalse());
    assertThat(emulator.succeededCharges()).isEmpty();
  }

  @Test
  void chargeCustomerFailAttachesThenEveryChargeIsDeclined() throws StripeException {
    String customer = customer();
    String pm = attach("pm_card_chargeCustomerFail", customer);

    for (boolean offSession : new boolean[] {false, true, false}) {
      CardException e = catchCardError(() -> pay(pm, customer, offSession));
      assertThat(e.getCode()).isEqualTo("card_declined");
      assertThat(e.getDeclineCode()).isEqualTo("generic_decline");
    }
    assertThat(emulator.succeededCharges()).isEmpty();
    assertThat(emulator.charges()).hasSize(3);
  }

  @Test
  void authenticationRequiredNeedsActionOnSessionAndIsDeclinedOffSession() throws StripeException {
    String customer = customer();
    String pm = attach("pm_card_authenticationRequired", customer);

    PaymentIntent onSession = pay(pm, customer, false);
    CardException offSession = catchCardError(() -> pay(pm, customer, true));

    assertThat(onSession.getStatus()).isEqualTo("requires_action");
    assertThat(onSession.getNextAction().getType()).isEqualTo("use_stripe_sdk");
    assertThat(onSession.getLatestCharge()).isNull();
    assertThat(offSession.getCode()).isEqualTo("authentication_required");
    assertThat(offSession.getDeclineCode()).isEqualTo("authentication_required");
    assertThat(offSession.getStripeError().getPaymentIntent().getStatus())
        .isEqualTo("requires_payment_method");
    assertThat(emulator.succeededCharges()).isEmpty();
  }

  @Test
  void completingAuthenticationChargesTheCardAndFailingItChargesNothing() throws StripeException {
    PaymentIntent completed = pay("pm_card_authenticationRequired", null, false);
    PaymentIntent failed = pay("pm_card_authenticationRequired", null, false);

    assertThat(emulator.completeAuthentication(completed.getId())).isEqualTo("succeeded");
    assertThat(emulator.failAuthentication(failed.getId())).isEqualTo("requires_payment_method");

    assertThat(stripe.v1().paymentIntents().retrieve(completed.getId()).getLatestCharge())
        .startsWith("ch_");
    assertThat(
            stripe.v1().paymentIntents().retrieve(failed.getId()).getLastPaymentError().getCode())
        .isEqualTo("payment_intent_authentication_failure");
    assertThat(emulator.succeededCharges())
        .extracting(ChargeRecord::paymentIntent)
        .containsExactly(completed.getId());
  }

  @Test
  void authenticationRequiredOnSetupSucceedsOffSessionOnlyOnceSavedForFutureUse()
      throws StripeException {
    String customer = customer();
    String merelyAttached = attach("pm_card_authenticationRequiredOnSetup", customer);
    CardException notSetUp = catchCardError(() -> pay(merelyAttached, customer, true));

    PaymentIntent setup =
        stripe
            .v1()
            .paymentIntents()
            .create(
                PaymentIntentCreateParams.builder()
                    .setAmount(2500L)
                    .setCurrency("usd")
                    .setCustomer(customer)
                    .setPaymentMethod("pm_card_authenticationRequiredOnSetup")
                    .setSetupFutureUsage(SetupFutureUsage.OFF_SESSION)
                    .setConfirm(true)
                    .build());
    assertThat(setup.getStatus()).isEqualTo("requires_action");
    assertThat(emulator.completeAuthentication(setup.getId())).isEqualTo("succeeded");
    String saved = stripe.v1().paymentIntents().retrieve(setup.getId()).getPaymentMethod();
    PaymentIntent later = pay(saved, customer, true);

    assertThat(notSetUp.getCode()).isEqualTo("authentication_required");
    assertThat(stripe.v1().paymentMethods().retrieve(saved).getCustomer()).isEqualTo(customer);
    assertThat(later.getStatus()).isEqualTo("succeeded");
  }

  @Test
  void authenticationUrlInNextActionCompletesAuthenticationWhenOpened() throws Exception {
    PaymentIntent pi =
        stripe
            .v1()
            .paymentIntents()
            .create(
                PaymentIntentCreateParams.builder()
                    .setAmount(2500L)
                    .setCurrency("usd")
                    .setPaymentMethod("pm_card_authenticationRequired")
                    .setReturnUrl("https://example.com/done")
                    .setConfirm(true)
                    .build());
    String url = pi.getNextAction().getRedirectToUrl().getUrl();

    var response =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());

    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(response.headers().firstValue("Location"))
        .hasValue("https://example.com/done?payment_intent=" + pi.getId());
    assertThat(stripe.v1().paymentIntents().retrieve(pi.getId()).getStatus())
        .isEqualTo("succeeded");
  }

  private PaymentIntent pay(String pm, String customer, boolean offSession) throws StripeException {
    PaymentIntentCreateParams.Builder params =
        PaymentIntentCreateParams.builder()
            .setAmount(2500L)
            .setCurrency("usd")
            .setPaymentMethod(pm)
            .setCustomer(customer)
            .setConfirm(true);
    if (offSession) {
      params.setOffSession(true);
    }
    return stripe.v1().paymentIntents().create(params.build());
  }

  private String customer() throws StripeException {
    return stripe.v1().customers().create(CustomerCreateParams.builder().build()).getId();
  }

  private String attach(String token, String customer) throws StripeException {
    return stripe
        .v1()
        .paymentMethods()
        .attach(token, PaymentMethodAttachParams.builder().setCustomer(customer).build())
        .getId();
  }

  private static CardException catchCardError(StripeCall call) {
    try {
      call.run();
    } catch (CardException e) {
      return e;
    } catch (StripeException e) {
      throw new AssertionError("expected a CardException, got " + e, e);
    }
    throw new AssertionError("expected a CardException, the call succeeded");
  }

  /** A stripe-java call. */
  interface StripeCall {
    void run() throws StripeException;
  }
}
