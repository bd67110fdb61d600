package org.electronicpayments.testkit.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.StripeClient;
import com.stripe.exception.CardException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.Customer;
import com.stripe.model.PaymentMethod;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.CustomerListParams;
import com.stripe.param.CustomerUpdateParams;
import com.stripe.param.PaymentMethodAttachParams;
import com.stripe.param.PaymentMethodListParams;
import com.stripe.param.PaymentMethodUpdateParams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@ExtendWith(StripeEmulatorExtension.class)
class CustomersAndPaymentMethodsTest {

  private final StripeEmulator emulator;
  private final StripeClient stripe;

  CustomersAndPaymentMethodsTest(StripeEmulator emulator) {
    this.emulator = emulator;
    this.stripe = Clients.client(emulator);
  }

  @Test
  void customerIsCreatedRetrievedUpdatedAndListedByEmail() throws StripeException {
    Customer created =
        stripe
            .v1()
            .customers()
            .create(
                CustomerCreateParams.builder()
                    .setEmail("jenny@example.com")
                    .setName("Jenny Rosen")
                    .putMetadata("client_id", "1000")
                    .putMetadata("clinic", "north")
                    .build());
    stripe
        .v1()
        .customers()
        .create(CustomerCreateParams.builder().setEmail("other@example.com").build());

    Customer updated =
        stripe
            .v1()
            .customers()
            .update(
                created.getId(),
                CustomerUpdateParams.builder()
                    .setName("Jenny R.")
                    .putMetadata("clinic", "")
                    .putMetadata("visit", "7")
                    .build());
    Customer retrieved = stripe.v1().customers().retrieve(created.getId());
    var listed =
        stripe
            .v1()
            .customers()
            .list(CustomerListParams.builder().setEmail("jenny@example.com").build());

    assertThat(created.getId()).startsWith("cus_");
    assertThat(created.getLivemode()).isFalse();
    assertThat(created.getCreated()).isPositive();
    assertThat(updated.getName()).isEqualTo("Jenny R.");
    assertThat(retrieved.getMetadata()).containsOnlyKeys("client_id", "visit");
    assertThat(listed.getData()).extracting(Customer::getId).containsExactly(created.getId());
  }

  @Test
  void listsPageNewestFirstSoStripeJavaAutoPaginationSeesEveryObjectOnce() throws StripeException {
    String oldest = customer();
    String middle = customer();
    String newest = customer();

    var firstPage = stripe.v1().customers().list(CustomerListParams.builder().setLimit(2L).build());
    var secondPage =
        stripe
            .v1()
            .customers()
            .list(CustomerListParams.builder().setLimit(2L).setStartingAfter(middle).build());
    java.util.List<String> all = new java.util.ArrayList<>();
    firstPage.autoPagingIterable().forEach(c -> all.add(c.getId()));

    assertThat(firstPage.getData()).extracting(Customer::getId).containsExactly(newest, middle);
    assertThat(firstPage.getHasMore()).isTrue();
    assertThat(secondPage.getData()).extracting(Customer::getId).containsExactly(oldest);
    assertThat(secondPage.getHasMore()).isFalse();
    assertThat(all).containsExactly(newest, middle, oldest);
  }

  @Test
  void unknownCustomerIsA404ResourceMissing() {
    assertThatThrownBy(() -> stripe.v1().customers().retrieve("cus_nope"))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> {
              assertThat(e.getStatusCode()).isEqualTo(404);
              assertThat(e.getCode()).isEqualTo("resource_missing");
              assertThat(e.getStripeError().getMessage()).isEqualTo("No such customer: 'cus_nope'");
            });
  }

  @Test
  void attachingATestCardMakesAFreshPaymentMethodWithTheSameFingerprintEachTime()
      throws StripeException {
    String customer = customer();

    PaymentMethod first = attach("pm_card_visa", customer);
    PaymentMethod second = attach("pm_card_visa", customer);
    PaymentMethod mastercard = attach("pm_card_mastercard", customer);

    assertThat(first.getId())
        .startsWith("pm_")
        .isNotEqualTo("pm_card_visa")
        .isNotEqualTo(second.getId());
    assertThat(first.getCustomer()).isEqualTo(customer);
    assertThat(first.getCard().getBrand()).isEqualTo("visa");
    assertThat(first.getCard().getLast4()).isEqualTo("4242");
    assertThat(first.getCard().getExpMonth()).isBetween(1L, 12L);
    assertThat(first.getCard().getExpYear()).isGreaterThan(2025L);
    assertThat(first.getCard().getFingerprint())
        .isEqualTo(second.getCard().getFingerprint())
        .isNotEqualTo(mastercard.getCard().getFingerprint());
    assertThat(mastercard.getCard().getLast4()).isEqualTo("4444");
  }

  @Test
  void customersCardsAreListedBothWaysNewestFirst() throws StripeException {
    String customer = customer();
    PaymentMethod visa = attach("pm_card_visa", customer);
    PaymentMethod amex = attach("pm_card_amex", customer);
    attach("pm_card_visa", customer());

    var viaPaymentMethods =
        stripe
            .v1()
            .paymentMethods()
            .list(
                PaymentMethodListParams.builder()
                    .setCustomer(customer)
                    .setType(PaymentMethodListParams.Type.CARD)
                    .build());
    var viaCustomer = stripe.v1().customers().paymentMethods().list(customer);

    assertThat(viaPaymentMethods.getData())
        .extracting(PaymentMethod::getId)
        .containsExactly(amex.getId(), visa.getId());
    assertThat(viaCustomer.getData())
        .extracting(PaymentMethod::getId)
        .containsExactly(amex.getId(), visa.getId());
    assertThat(amex.getCard().getBrand()).isEqualTo("amex");
  }

  @Test
  void detachedCardLeavesTheListAndCannotBeAttachedAgain() throws StripeException {
    String customer = customer();
    PaymentMethod pm = attach("pm_card_visa", customer);

    PaymentMethod detached = stripe.v1().paymentMethods().detach(pm.getId());

    assertThat(detached.getCustomer()).isNull();
    assertThat(stripe.v1().customers().paymentMethods().list(customer).getData()).isEmpty();
    assertThatThrownBy(() -> attach(pm.getId(), customer))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> stripe.v1().paymentMethods().detach(pm.getId()))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> assertThat(e.getMessage()).contains("not attached to a customer"));
  }

  @Test
  void savedCardExpiryAndMetadataCanBeUpdated() throws StripeException {
    PaymentMethod pm = attach("pm_card_visa", customer());

    PaymentMethod updated =
        stripe
            .v1()
            .paymentMethods()
            .update(
                pm.getId(),
                PaymentMethodUpdateParams.builder()
                    .setCard(
                        PaymentMethodUpdateParams.Card.builder()
                            .setExpMonth(3L)
                            .setExpYear(2040L)
                            .build())
                    .putMetadata("label", "work")
                    .build());

    assertThat(updated.getCard().getExpMonth()).isEqualTo(3L);
    assertThat(updated.getCard().getExpYear()).isEqualTo(2040L);
    assertThat(stripe.v1().paymentMethods().retrieve(pm.getId()).getMetadata())
        .containsEntry("label", "work");
    assertThatThrownBy(
            () ->
                stripe
                    .v1()
                    .paymentMethods()
                    .update(
                        pm.getId(),
                        PaymentMethodUpdateParams.builder()
                            .setCard(
                                PaymentMethodUpdateParams.Card.builder().setExpMonth(13L).build())
                            .build()))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> assertThat(e.getCode()).isEqualTo("invalid_expiry_month"));
  }

  @Test
  void unknownPaymentMethodIsA404AndAttachToUnknownCustomerA400() {
    assertThatThrownBy(() -> stripe.v1().paymentMethods().retrieve("pm_unknown"))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> {
              assertThat(e.getStatusCode()).isEqualTo(404);
              assertThat(e.getCode()).isEqualTo("resource_missing");
            });
    assertThatThrownBy(() -> attach("pm_card_visa", "cus_nope"))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> {
              assertThat(e.getStatusCode()).isEqualTo(400);
              assertThat(e.getParam()).isEqualTo("customer");
            });
  }

  @ParameterizedTest(name = "{0} cannot be attached: {1}/{2}")
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
  void decliningTestCardsFailAtAttachWithTheirCardErrorAndLeaveNoSavedCard(
      String token, String code, String declineCode) throws StripeException {
    String customer = customer();

    assertThatThrownBy(() -> attach(token, customer))
        .isInstanceOfSatisfying(
            CardException.class,
            e -> {
              assertThat(e.getStatusCode()).isEqualTo(402);
              assertThat(e.getCode()).isEqualTo(code);
              assertThat(e.getDeclineCode()).isEqualTo(declineCode);
            });
    assertThat(stripe.v1().customers().paymentMethods().list(customer).getData()).isEmpty();
  }

  @Test
  void chargeCustomerFailAndAuthenticationCardsAttachFine() throws StripeException {
    String customer = customer();

    assertThat(attach("pm_card_chargeCustomerFail", customer).getCard().getLast4())
        .isEqualTo("0341");
    assertThat(attach("pm_card_authenticationRequired", customer).getCustomer())
        .isEqualTo(customer);
    assertThat(attach("pm_card_authenticationRequiredOnSetup", customer).getCustomer())
        .isEqualTo(customer);
  }

  @Test
  void cardOfOneCustomerCannotBeAttachedToAnother() throws StripeException {
    PaymentMethod pm = attach("pm_card_visa", customer());

    assertThatThrownBy(() -> attach(pm.getId(), customer()))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> assertThat(e.getMessage()).contains("already been attached"));
  }

  private String customer() throws StripeException {
    return stripe.v1().customers().create(CustomerCreateParams.builder().build()).getId();
  }

  private PaymentMethod attach(String pm, String customer) throws StripeException {
    return stripe
        .v1()
        .paymentMethods()
        .attach(pm, PaymentMethodAttachParams.builder().setCustomer(customer).build());
  }
}
