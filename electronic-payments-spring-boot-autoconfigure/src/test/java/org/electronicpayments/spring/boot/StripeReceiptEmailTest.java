package org.electronicpayments.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.electronicpayments.CardChoice;
import org.electronicpayments.ClientId;
import org.electronicpayments.ElectronicPayments;
import org.electronicpayments.Payer;
import org.electronicpayments.PaymentRequest;
import org.electronicpayments.PaymentStatus;
import org.electronicpayments.StaffId;
import org.electronicpayments.security.Actor;
import org.electronicpayments.security.Role;
import org.electronicpayments.testkit.stripe.RecordedRequest;
import org.electronicpayments.testkit.stripe.StripeEmulator;
import org.electronicpayments.testkit.stripe.StripeEmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * {@code electronic-payments.stripe.receipt-email}: whether Stripe is given the address for its own
 * receipt.
 */
@ExtendWith(StripeEmulatorExtension.class)
class StripeReceiptEmailTest {

  private static final Actor DESK =
      Actor.staff(StaffId.of("s-1"), Set.of(Role.allPermissions("All")));

  @Test
  void stripeGetsTheReceiptAddressByDefault(StripeEmulator emulator) {
    assertThat(receiptEmailsSent(emulator, "RE-ON")).containsExactly("client@example.org");
  }

  @Test
  void stripeGetsNoReceiptAddressWhenItsReceiptsAreOff(StripeEmulator emulator) {
    assertThat(
            receiptEmailsSent(emulator, "RE-OFF", "electronic-payments.stripe.receipt-email=false"))
        .isEmpty();
  }

  private static java.util.List<String> receiptEmailsSent(
      StripeEmulator emulator, String reference, String... properties) {
    java.util.List<String> sent = new java.util.ArrayList<>();
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ElectronicPaymentsAutoConfiguration.class))
        .withPropertyValues(ElectronicPaymentsAutoConfigurationTest.THREE_PROPERTIES)
        .withPropertyValues(
            "electronic-payments.store.type=in-memory",
            "electronic-payments.reconcile.enabled=false",
            "electronic-payments.stripe.api-base=" + emulator.baseUrl())
        .withPropertyValues(properties)
        .run(
            context -> {
              PaymentRequest request =
                  PaymentRequest.builder()
                      .client(ClientId.of("1000"))
                      .reference(reference)
                      .payer(Payer.CO_PAY)
                      .amountReceived("10.00")
                      .electronic(true)
                      .emailReceiptTo("client@example.org")
                      .card(CardChoice.oneTime("pm_card_visa"))
                      .build();
              assertThat(context.getBean(ElectronicPayments.class).process(DESK, request).status())
                  .isEqualTo(PaymentStatus.SUCCEEDED);
              for (RecordedRequest r : emulator.requests("POST /v1/payment_intents")) {
                String email = r.params().get("receipt_email");
                if (email != null) {
                  sent.add(email);
                }
              }
              for (RecordedRequest r : emulator.requests("POST /v1/payment_intents/*/confirm")) {
                String email = r.params().get("receipt_email");
                if (email != null) {
                  sent.add(email);
                }
              }
            });
    return sent;
  }
}
