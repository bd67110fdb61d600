package org.electronicpayments.testkit.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.Charge;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.PaymentIntentCancelParams;
import com.stripe.param.PaymentIntentConfirmParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PaymentIntentCreateParams.SetupFutureUsage;
import com.stripe.param.PaymentIntentRetrieveParams;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.RefundListParams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@ExtendWith(StripeEmulatorExtension.class)
class PaymentIntentsAndRefundsTest {

  private final StripeEmulator emulator;
  private final StripeClient stripe;

  PaymentIntentsAndRefundsTest(StripeEmulator emulator) {
    this.emulator = emulator;
    this.stripe = Clients.client(emulator);
  }

  @Test
  void paymentIntentCreatedUnconfirmedChargesNothingUntilConfirmed() throws StripeException {
    PaymentIntent created =
        stripe.v1().paymentIntents().create(params(1000L).setPaymentMethod("pm_card_visa").build());

    assertThat(created.getId()).startsWith("pi_");
    assertThat(created.getStatus()).isEqualTo("requires_confirmation");
    assertThat(created.getClientSecret()).startsWith(created.getId() + "_secret_");
    assertThat(created.getLatestCharge()).isNull();
    assertThat(emulator.charges()).isEmpty();

    PaymentIntent confirmed = stripe.v1().paymentIntents().confirm(created.getId());

    assertThat(confirmed.getStatus()).isEqualTo("succeeded");
    assertThat(confirmed.getLatestCharge()).startsWith("ch_");
    assertThat(emulator.succeededCharges())
        .extracting(ChargeRecord::paymentIntent)
        .containsExactly(created.getId());
  }

  @Test
  void paymentIntentWithoutPaymentMethodWaitsForOneAtConfirm() throws StripeException {
    PaymentIntent created = stripe.v1().paymentIntents().create(params(1000L).build());

    assertThat(created.getStatus()).isEqualTo("requires_payment_method");
    assertThatThrownBy(() -> stripe.v1().paymentIntents().confirm(created.getId()))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> assertThat(e.getParam()).isEqualTo("payment_method"));
    PaymentIntent confirmed =
        stripe
            .v1()
            .paymentIntents()
            .confirm(
                created.getId(),
                PaymentIntentConfirmParams.builder()
                    .setPaymentMethod("pm_card_mastercard")
                    .build());
    assertThat(confirmed.getStatus()).isEqualTo("succeeded");
  }

  @Test
  void chargeCarriesTheIntentsDescriptionMetadataReceiptEmailAndDescriptorSuffix()
      throws StripeException {
    PaymentIntent pi =
        stripe
            .v1()
            .paymentIntents()
            .create(
                params(4200L)
                    .setPaymentMethod("pm_card_visa")
                    .setDescription("Visit 7")
                    .setReceiptEmail("a@b.test")
                    .setStatementDescriptorSuffix("VISIT 7")
                    .putMetadata("payment_id", "pay_1")
                    .setCaptureMethod(PaymentIntentCreateParams.CaptureMethod.AUTOMATIC)
                    .setAutomaticPaymentMethods(
                        PaymentIntentCreateParams.AutomaticPaymentMethods.builder()
                            .setEnabled(true)
                            .setAllowRedirects(
                                PaymentIntentCreateParams.AutomaticPaymentMethods.AllowRedirects
                                    .NEVER)
                            .build())
                    .setConfirm(true)
                    .addExpand("latest_charge")
                    .build());

    Charge charge = pi.getLatestChargeObject();
    assertThat(charge.getAmount()).isEqualTo(4200L);
    assertThat(charge.getDescription()).isEqualTo("Visit 7");
    assertThat(charge.getReceiptEmail()).isEqualTo("a@b.test");
    assertThat(charge.getStatementDescriptorSuffix()).isEqualTo("VISIT 7");
    assertThat(charge.getMetadata()).containsEntry("payment_id", "pay_1");
    assertThat(charge.getPaymentIntent()).isEqualTo(pi.getId());
    assertThat(emulator.succeededCharges().get(0).metadata()).containsEntry("payment_id", "pay_1");
  }

  @Test
  void newCardWithSetupFutureUsageIsSavedToTheCustomerAsAFreshPaymentMethod()
      throws StripeException {
    String customer =
        stripe.v1().customers().create(CustomerCreateParams.builder().build()).getId();

    PaymentIntent pi =
        stripe
            .v1()
            .paymentIntents()
            .create(
                params(1000L)
                    .setCustomer(customer)
                    .setPaymentMethod("pm_card_visa")
                    .setSetupFutureUsage(SetupFutureUsage.OFF_SESSION)
                    .setConfirm(true)
                    .build());
    PaymentIntent offSession =
        stripe
            .v1()
            .paymentIntents()
            .create(
                params(500L)
                    .setCustomer(customer)
                    .setPaymentMethod(pi.getPaymentMethod())
                    .setOffSession(true)
                    .setConfirm(true)
                    .build());

    assertThat(pi.getPaymentMethod()).startsWith("pm_").isNotEqualTo("pm_card_visa");
    assertThat(stripe.v1().customers().paymentMethods().list(customer).getData())
        .singleElement()
        .satisfies(pm -> assertThat(pm.getId()).isEqualTo(pi.getPaymentMethod()));
    assertThat(offSession.getStatus()).isEqualTo("succeeded");
  }

  @Test
  void cardUsedWithoutACustomerCannotBeUsedAgain() throws StripeException {
    PaymentIntent pi =
        stripe
            .v1()
            .paymentIntents()
            .create(params(1000L).setPaymentMethod("pm_card_visa").setConfirm(true).build());

    assertThatThrownBy(
            () ->
                stripe
                    .v1()
                    .paymentIntents()
                    .create(
                        params(1000L)
                            .setPaymentMethod(pi.getPaymentMethod())
                            .setConfirm(true)
                            .build()))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> assertThat(e.getMessage()).contains("may not be used again"));
  }

  @Test
  void succeededIntentCannotBeConfirmedOrCanceledAgain() throws StripeException {
    PaymentIntent pi =
        stripe
            .v1()
            .paymentIntents()
            .create(params(1000L).setPaymentMethod("pm_card_visa").setConfirm(true).build());

    assertThatThrownBy(() -> stripe.v1().paymentIntents().confirm(pi.getId()))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> assertThat(e.getCode()).isEqualTo("payment_intent_unexpected_state"));
    assertThatThrownBy(() -> stripe.v1().paymentIntents().cancel(pi.getId()))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> assertThat(e.getCode()).isEqualTo("payment_intent_unexpected_state"));
    assertThat(emulator.chargesFor(pi.getId())).hasSize(1);
  }

  @Test
  void canceledIntentIsCanceledWithItsReasonAndCannotBeConfirmed() throws StripeException {
    PaymentIntent pi =
        stripe.v1().paymentIntents().create(params(1000L).setPaymentMethod("pm_card_visa").build());

    PaymentIntent canceled =
        stripe
            .v1()
            .paymentIntents()
            .cancel(
                pi.getId(),
                PaymentIntentCancelParams.builder()
                    .setCancellationReason(PaymentIntentCancelParams.CancellationReason.ABANDONED)
                    .build());

    assertThat(canceled.getStatus()).isEqualTo("canceled");
    assertThat(canceled.getCancellationReason()).isEqualTo("abandoned");
    assertThat(canceled.getCanceledAt()).isPositive();
    assertThatThrownBy(() -> stripe.v1().paymentIntents().confirm(pi.getId()))
        .isInstanceOf(InvalidRequestException.class);
    assertThat(emulator.charges()).isEmpty();
  }

  @ParameterizedTest(name = "amount {0} {1} is refused: {2}")
  @CsvSource({
    "49, usd, amount_too_small",
    "0, usd, amount_too_small",
    "29, gbp, amount_too_small",
    "100000000, usd, amount_too_large"
  })
  void amountsOutsideStripesLimitsAreA400(long amount, String currency, String code) {
    assertThatThrownBy(
            () ->
                stripe
                    .v1()
                    .paymentIntents()
                    .create(
                        PaymentIntentCreateParams.builder()
                            .setAmount(amount)
                            .setCurrency(currency)
                            .build()))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> {
              assertThat(e.getStatusCode()).isEqualTo(400);
              assertThat(e.getCode()).isEqualTo(code);
              assertThat(e.getParam()).isEqualTo("amount");
            });
  }

  @Test
  void limitAmountsThemselvesAreAccepted() throws StripeException {
    assertThat(stripe.v1().paymentIntents().create(params(50L).build()).getAmount()).isEqualTo(50L);
    assertThat(stripe.v1().paymentIntents().create(params(99_999_999L).build()).getAmount())
        .isEqualTo(99_999_999L);
  }

  @Test
  void missingParamsAndUnknownCustomerAreA400() {
    assertThatThrownBy(
            () ->
                stripe
                    .v1()
                    .paymentIntents()
                    .create(PaymentIntentCreateParams.builder().setCurrency("usd").build()))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> {
              assertThat(e.getCode()).isEqualTo("parameter_missing");
              assertThat(e.getParam()).isEqualTo("amount");
            });
    assertThatThrownBy(
            () ->
                stripe.v1().paymentIntents().create(params(1000L).setCustomer("cus_nope").build()))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> {
              assertThat(e.getStatusCode()).isEqualTo(400);
              assertThat(e.getCode()).isEqualTo("resource_missing");
              assertThat(e.getParam()).isEqualTo("customer");
            });
    assertThatThrownBy(
            () ->
                stripe
                    .v1()
                    .paymentIntents()
                    .create(params(1000L).setPaymentMethod("pm_nope").build()))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> assertThat(e.getParam()).isEqualTo("payment_method"));
    assertThatThrownBy(() -> stripe.v1().paymentIntents().retrieve("pi_nope"))
        .isInstanceOfSatisfying(
            InvalidRequestException.class, e -> assertThat(e.getStatusCode()).isEqualTo(404));
  }

  @Test
  void retrieveExpandsThePaymentMethodAndCustomer() throws StripeException {
    String customer =
        stripe.v1().customers().create(CustomerCreateParams.builder().build()).getId();
    PaymentIntent pi =
        stripe
            .v1()
            .paymentIntents()
            .create(params(1000L).setCustomer(customer).setPaymentMethod("pm_card_visa").build());

    PaymentIntent expanded =
        stripe
            .v1()
            .paymentIntents()
            .retrieve(
                pi.getId(),
                PaymentIntentRetrieveParams.builder()
                    .addExpand("payment_method")
                    .addExpand("customer")
                    .build());

    assertThat(expanded.getPaymentMethodObject().getCard().getLast4()).isEqualTo("4242");
    assertThat(expanded.getCustomerObject().getId()).isEqualTo(customer);
  }

  @Test
  void partialThenFullRefundsUpdateTheChargeAndOverRefundingIsRefused() throws StripeException {
    PaymentIntent pi =
        stripe
            .v1()
            .paymentIntents()
            .create(params(1000L).setPaymentMethod("pm_card_visa").setConfirm(true).build());

    Refund partial =
        stripe
            .v1()
            .refunds()
            .create(
                RefundCreateParams.builder().setPaymentIntent(pi.getId()).setAmount(300L).build());
    assertThatThrownBy(
            () ->
                stripe
                    .v1()
                    .refunds()
                    .create(
                        RefundCreateParams.builder()
                            .setPaymentIntent(pi.getId())
                            .setAmount(701L)
                            .build()))
        .isInstanceOfSatisfying(
            InvalidRequestException.class, e -> assertThat(e.getParam()).isEqualTo("amount"));
    Refund rest =
        stripe
            .v1()
            .refunds()
            .create(
                RefundCreateParams.builder()
                    .setPaymentIntent(pi.getId())
                    .setReason(RefundCreateParams.Reason.REQUESTED_BY_CUSTOMER)
                    .build());

    assertThat(partial.getId()).startsWith("re_");
    assertThat(partial.getAmount()).isEqualTo(300L);
    assertThat(partial.getStatus()).isEqualTo("succeeded");
    assertThat(rest.getAmount()).isEqualTo(700L);
    assertThat(rest.getCharge()).isEqualTo(pi.getLatestCharge());
    Charge charge = stripe.v1().charges().retrieve(pi.getLatestCharge());
    assertThat(charge.getAmountRefunded()).isEqualTo(1000L);
    assertThat(charge.getRefunded()).isTrue();
    assertThat(stripe.v1().refunds().retrieve(partial.getId()).getPaymentIntent())
        .isEqualTo(pi.getId());
    assertThat(
            stripe
                .v1()
                .refunds()
                .list(RefundListParams.builder().setPaymentIntent(pi.getId()).build())
                .getData())
        .extracting(Refund::getId)
        .containsExactly(rest.getId(), partial.getId());
    assertThat(emulator.chargesFor(pi.getId()).get(0).amountRefunded()).isEqualTo(1000L);
    assertThatThrownBy(
            () ->
                stripe
                    .v1()
                    .refunds()
                    .create(RefundCreateParams.builder().setPaymentIntent(pi.getId()).build()))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> assertThat(e.getCode()).isEqualTo("charge_already_refunded"));
  }

  @Test
  void unpaidIntentCannotBeRefunded() throws StripeException {
    PaymentIntent pi = stripe.v1().paymentIntents().create(params(1000L).build());

    assertThatThrownBy(
            () ->
                stripe
                    .v1()
                    .refunds()
                    .create(RefundCreateParams.builder().setPaymentIntent(pi.getId()).build()))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> stripe.v1().refunds().retrieve("re_nope"))
        .isInstanceOfSatisfying(
            InvalidRequestException.class, e -> assertThat(e.getStatusCode()).isEqualTo(404));
  }

  private static PaymentIntentCreateParams.Builder params(long amount) {
    return PaymentIntentCreateParams.builder().setAmount(amount).setCurrency("usd");
  }
}
