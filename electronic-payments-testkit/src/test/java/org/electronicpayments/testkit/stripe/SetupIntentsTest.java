package org.electronicpayments.testkit.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.StripeClient;
import com.stripe.exception.CardException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.Customer;
import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import com.stripe.model.PaymentMethod;
import com.stripe.model.SetupIntent;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.EventListParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PaymentMethodListParams;
import com.stripe.param.SetupIntentCancelParams;
import com.stripe.param.SetupIntentConfirmParams;
import com.stripe.param.SetupIntentCreateParams;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(StripeEmulatorExtension.class)
class SetupIntentsTest {

  private final StripeEmulator emulator;
  private final StripeClient stripe;

  SetupIntentsTest(StripeEmulator emulator) {
    this.emulator = emulator;
    this.stripe = Clients.client(emulator);
  }

  @Test
  void setupIntentSavesTheCardToTheCustomerWithoutCharging() throws StripeException {
    Customer customer = customer();
    SetupIntent created =
        stripe
            .v1()
            .setupIntents()
            .create(
                SetupIntentCreateParams.builder()
                    .setCustomer(customer.getId())
                    .setUsage(SetupIntentCreateParams.Usage.OFF_SESSION)
                    .addPaymentMethodType("card")
                    .putMetadata("client", "1000")
                    .build());

    assertThat(created.getId()).startsWith("seti_");
    assertThat(created.getClientSecret()).startsWith(created.getId() + "_secret_");
    assertThat(created.getStatus()).isEqualTo("requires_payment_method");
    assertThat(created.getUsage()).isEqualTo("off_session");
    assertThat(created.getMetadata()).containsEntry("client", "1000");

    SetupIntent confirmed =
        stripe
            .v1()
            .setupIntents()
            .confirm(
                created.getId(),
                SetupIntentConfirmParams.builder().setPaymentMethod("pm_card_visa").build());

    assertThat(confirmed.getStatus()).isEqualTo("succeeded");
    assertThat(confirmed.getPaymentMethod()).startsWith("pm_");
    assertThat(savedCards(customer))
        .extracting(PaymentMethod::getId)
        .containsExactly(confirmed.getPaymentMethod());
    assertThat(emulator.charges()).isEmpty();
    assertThat(stripe.v1().setupIntents().retrieve(created.getId()).getStatus())
        .isEqualTo("succeeded");
    assertThat(eventTypes())
        .containsExactly(
            "setup_intent.succeeded", "payment_method.attached", "setup_intent.created");
  }

  @Test
  void usageDefaultsToOffSessionAndRejectsAnythingElse() throws StripeException {
    SetupIntent created =
        stripe.v1().setupIntents().create(SetupIntentCreateParams.builder().build());
    assertThat(created.getUsage()).isEqualTo("off_session");
    SetupIntent onSession =
        stripe
            .v1()
            .setupIntents()
            .create(
                SetupIntentCreateParams.builder()
                    .setUsage(SetupIntentCreateParams.Usage.ON_SESSION)
                    .build());
    assertThat(onSession.getUsage()).isEqualTo("on_session");
    assertThatThrownBy(
            () ->
                stripe
                    .v1()
                    .setupIntents()
                    .create(
                        SetupIntentCreateParams.builder()
                            .putExtraParam("usage", "sometimes")
                            .build()))
        .isInstanceOfSatisfying(
            InvalidRequestException.class, e -> assertThat(e.getParam()).isEqualTo("usage"));
    assertThatThrownBy(
            () ->
                stripe
                    .v1()
                    .setupIntents()
                    .create(
                        SetupIntentCreateParams.builder()
                            .putExtraParam("unknown_thing", "x")
                            .build()))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> assertThat(e.getCode()).isEqualTo("parameter_unknown"));
  }

  @Test
  void cardSavedThroughASetupIntentIsChargedOffSessionWithoutAuthentication()
      throws StripeException {
    Customer customer = customer();
    SetupIntent seti =
        stripe
            .v1()
            .setupIntents()
            .create(
                SetupIntentCreateParams.builder()
                    .setCustomer(customer.getId())
                    .setPaymentMethod("pm_card_authenticationRequiredOnSetup")
                    .setConfirm(true)
                    .build());

    assertThat(seti.getStatus()).isEqualTo("requires_action");
    assertThat(seti.getNextAction().getType()).isEqualTo("use_stripe_sdk");
    assertThat(savedCards(customer)).isEmpty();
    assertThat(eventTypes()).first().isEqualTo("setup_intent.requires_action");

    assertThat(emulator.completeSetupAuthentication(seti.getId())).isEqualTo("succeeded");

    assertThat(savedCards(customer))
        .extracting(PaymentMethod::getId)
        .containsExactly(seti.getPaymentMethod());
    PaymentIntent offSession =
        stripe
            .v1()
            .paymentIntents()
            .create(
                PaymentIntentCreateParams.builder()
                    .setAmount(2500L)
                    .setCurrency("usd")
                    .setCustomer(customer.getId())
                    .setPaymentMethod(seti.getPaymentMethod())
                    .setConfirm(true)
                    .setOffSession(true)
                    .build());
    assertThat(offSession.getStatus()).isEqualTo("succeeded");
  }

  @Test
  void failedAuthenticationLeavesNothingSavedAndReportsTheFailure() throws StripeException {
    Customer customer = customer();
    SetupIntent seti =
        stripe
            .v1()
            .setupIntents()
            .create(
                SetupIntentCreateParams.builder()
                    .setCustomer(customer.getId())
                    .setPaymentMethod("pm_card_authenticationRequired")
                    .setConfirm(true)
                    .build());
    assertThat(seti.getStatus()).isEqualTo("requires_action");

    assertThat(emulator.failSetupAuthentication(seti.getId())).isEqualTo("requires_payment_method");

    SetupIntent after = stripe.v1().setupIntents().retrieve(seti.getId());
    assertThat(after.getLastSetupError().getCode())
        .isEqualTo("setup_intent_authentication_failure");
    assertThat(after.getPaymentMethod()).isNull();
    assertThat(savedCards(customer)).isEmpty();
    assertThat(eventTypes()).first().isEqualTo("setup_intent.setup_failed");
  }

  @Test
  void authenticationUrlWithReturnUrlRedirectsWithTheSetupIntent() throws Exception {
    Customer customer = customer();
    SetupIntent seti =
        stripe
            .v1()
            .setupIntents()
            .create(
                SetupIntentCreateParams.builder()
                    .setCustomer(customer.getId())
                    .setPaymentMethod("pm_card_authenticationRequiredOnSetup")
                    .setConfirm(true)
                    .setReturnUrl("https://portal.example/cards")
                    .build());
    String url = seti.getNextAction().getRedirectToUrl().getUrl();

    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(response.headers().firstValue("Location"))
        .contains("https://portal.example/cards?setup_intent=" + seti.getId());
    assertThat(stripe.v1().setupIntents().retrieve(seti.getId()).getStatus())
        .isEqualTo("succeeded");
  }

  @Test
  void decliningCardIsRefusedAndNotAttached() throws StripeException {
    Customer customer = customer();
    SetupIntent seti =
        stripe
            .v1()
            .setupIntents()
            .create(SetupIntentCreateParams.builder().setCustomer(customer.getId()).build());

    assertThatThrownBy(
            () ->
                stripe
                    .v1()
                    .setupIntents()
                    .confirm(
                        seti.getId(),
                        SetupIntentConfirmParams.builder()
                            .setPaymentMethod("pm_card_visa_chargeDeclinedInsufficientFunds")
                            .build()))
        .isInstanceOfSatisfying(
            CardException.class,
            e -> {
              assertThat(e.getCode()).isEqualTo("card_declined");
              assertThat(e.getDeclineCode()).isEqualTo("insufficient_funds");
              assertThat(e.getStripeError().getSetupIntent().getStatus())
                  .isEqualTo("requires_payment_method");
            });

    assertThat(savedCards(customer)).isEmpty();
    SetupIntent after = stripe.v1().setupIntents().retrieve(seti.getId());
    assertThat(after.getLastSetupError().getDeclineCode()).isEqualTo("insufficient_funds");
    assertThat(eventTypes()).first().isEqualTo("setup_intent.setup_failed");

    SetupIntent retried =
        stripe
            .v1()
            .setupIntents()
            .confirm(
                seti.getId(),
                SetupIntentConfirmParams.builder().setPaymentMethod("pm_card_mastercard").build());
    assertThat(retried.getStatus()).isEqualTo("succeeded");
    assertThat(savedCards(customer)).hasSize(1);
  }

  @Test
  void cardThatFailsEveryChargeStillSavesAsStripeDoes() throws StripeException {
    Customer customer = customer();
    SetupIntent seti =
        stripe
            .v1()
            .setupIntents()
            .create(
                SetupIntentCreateParams.builder()
                    .setCustomer(customer.getId())
                    .setPaymentMethod("pm_card_chargeCustomerFail")
                    .setConfirm(true)
                    .build());

    assertThat(seti.getStatus()).isEqualTo("succeeded");
    assertThat(savedCards(customer)).hasSize(1);
  }

  @Test
  void cancelEndsTheSetupIntentAndASucceededOneCannotBeCanceled() throws StripeException {
    SetupIntent seti = stripe.v1().setupIntents().create(SetupIntentCreateParams.builder().build());
    SetupIntent canceled =
        stripe
            .v1()
            .setupIntents()
            .cancel(
                seti.getId(),
                SetupIntentCancelParams.builder()
                    .setCancellationReason(SetupIntentCancelParams.CancellationReason.ABANDONED)
                    .build());
    assertThat(canceled.getStatus()).isEqualTo("canceled");
    assertThat(canceled.getCancellationReason()).isEqualTo("abandoned");
    assertThat(eventTypes()).first().isEqualTo("setup_intent.canceled");
    assertThatThrownBy(
            () ->
                stripe
                    .v1()
                    .setupIntents()
                    .confirm(
                        seti.getId(),
                        SetupIntentConfirmParams.builder()
                            .setPaymentMethod("pm_card_visa")
                            .build()))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> assertThat(e.getCode()).isEqualTo("setup_intent_unexpected_state"));

    SetupIntent succeeded =
        stripe
            .v1()
            .setupIntents()
            .create(
                SetupIntentCreateParams.builder()
                    .setPaymentMethod("pm_card_visa")
                    .setConfirm(true)
                    .build());
    assertThatThrownBy(() -> stripe.v1().setupIntents().cancel(succeeded.getId()))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> assertThat(e.getCode()).isEqualTo("setup_intent_unexpected_state"));
  }

  @Test
  void unknownSetupIntentIs404AndConfirmWithoutCardNamesThePaymentMethod() throws StripeException {
    assertThatThrownBy(() -> stripe.v1().setupIntents().retrieve("seti_missing"))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> {
              assertThat(e.getStatusCode()).isEqualTo(404);
              assertThat(e.getCode()).isEqualTo("resource_missing");
            });
    SetupIntent seti = stripe.v1().setupIntents().create(SetupIntentCreateParams.builder().build());
    assertThatThrownBy(() -> stripe.v1().setupIntents().confirm(seti.getId()))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> assertThat(e.getParam()).isEqualTo("payment_method"));
  }

  private Customer customer() throws StripeException {
    return stripe
        .v1()
        .customers()
        .create(CustomerCreateParams.builder().setName("Client 1000").build());
  }

  private List<PaymentMethod> savedCards(Customer customer) throws StripeException {
    return stripe
        .v1()
        .paymentMethods()
        .list(
            PaymentMethodListParams.builder()
                .setCustomer(customer.getId())
                .setType(PaymentMethodListParams.Type.CARD)
                .build())
        .getData();
  }

  /** Event types, newest first. */
  private List<String> eventTypes() throws StripeException {
    return stripe
        .v1()
        .events()
        .list(EventListParams.builder().setLimit(100L).build())
        .getData()
        .stream()
        .map(Event::getType)
        .toList();
  }
}
