package org.electronicpayments.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.electronicpayments.AgencyId;
import org.electronicpayments.CardChoice;
import org.electronicpayments.ClientId;
import org.electronicpayments.ElectronicPayments;
import org.electronicpayments.Payer;
import org.electronicpayments.PaymentNotFoundException;
import org.electronicpayments.PaymentRequest;
import org.electronicpayments.PaymentResult;
import org.electronicpayments.PaymentStatus;
import org.electronicpayments.StaffId;
import org.electronicpayments.security.Actor;
import org.electronicpayments.security.Role;
import org.electronicpayments.testkit.stripe.StripeEmulator;
import org.electronicpayments.testkit.stripe.StripeEmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Several agencies in one application: a facade each, its own connected account, one store. */
@ExtendWith(StripeEmulatorExtension.class)
class ElectronicPaymentsRegistryTest {

  private static final Actor DESK =
      Actor.staff(StaffId.of("s-1"), Set.of(Role.allPermissions("All")));

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(ElectronicPaymentsAutoConfiguration.class))
          .withPropertyValues(ElectronicPaymentsAutoConfigurationTest.THREE_PROPERTIES)
          .withPropertyValues(
              "electronic-payments.store.type=in-memory",
              "electronic-payments.reconcile.enabled=false");

  @Test
  void eachAgencyChargesThroughItsOwnConnectedAccountAndSeesOnlyItsOwnPayments(
      StripeEmulator emulator) {
    runner
        .withPropertyValues(
            "electronic-payments.stripe.api-base=" + emulator.baseUrl(),
            "electronic-payments.stripe.connected-account=acct_riverside",
            "electronic-payments.agencies.eastside.name=Eastside Family Therapy",
            "electronic-payments.agencies.eastside.connected-account=acct_eastside",
            "electronic-payments.agencies.eastside.time-zone=America/New_York")
        .run(
            context -> {
              ElectronicPaymentsRegistry registry =
                  context.getBean(ElectronicPaymentsRegistry.class);
              assertThat(registry.agencies())
                  .containsExactly(AgencyId.of("default"), AgencyId.of("eastside"));
              ElectronicPayments riverside = registry.get(AgencyId.of("default"));
              assertThat(riverside).isSameAs(context.getBean(ElectronicPayments.class));
              ElectronicPayments eastside = registry.get(AgencyId.of("eastside"));
              assertThat(registry.details(AgencyId.of("eastside")).name())
                  .isEqualTo("Eastside Family Therapy");

              PaymentResult east = eastside.process(DESK, request("REG-E"));
              PaymentResult river = riverside.process(DESK, request("REG-R"));

              assertThat(east.status()).isEqualTo(PaymentStatus.SUCCEEDED);
              assertThat(river.status()).isEqualTo(PaymentStatus.SUCCEEDED);
              assertThat(east.payment().agencyId()).isEqualTo(AgencyId.of("eastside"));
              assertThat(emulator.succeededCharges())
                  .extracting(c -> c.account() + ":" + c.metadata().get("payment_id"))
                  .containsExactlyInAnyOrder(
                      "acct_eastside:" + east.payment().id().value(),
                      "acct_riverside:" + river.payment().id().value());
              assertThatThrownBy(() -> riverside.payment(DESK, east.payment().id()))
                  .isInstanceOf(PaymentNotFoundException.class);
              assertThatThrownBy(() -> riverside.refresh(DESK, east.payment().id()))
                  .isInstanceOf(PaymentNotFoundException.class);
              assertThat(eastside.payment(DESK, east.payment().id()).status())
                  .isEqualTo(PaymentStatus.SUCCEEDED);
            });
  }

  @Test
  void anAgencyWithoutANameOrConnectedAccountFailsStartupNamingIt() {
    runner
        .withPropertyValues("electronic-payments.agencies.eastside.connected-account=acct_eastside")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("electronic-payments.agencies.eastside.name"));
    runner
        .withPropertyValues("electronic-payments.agencies.eastside.name=Eastside")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("connected-account"));
  }

  @Test
  void oneAgencyIsARegistryOfOne() {
    runner.run(
        context ->
            assertThat(context.getBean(ElectronicPaymentsRegistry.class).agencies())
                .containsExactly(AgencyId.of("default")));
  }

  private static PaymentRequest request(String reference) {
    return PaymentRequest.builder()
        .client(ClientId.of("1000"))
        .reference(reference)
        .payer(Payer.CO_PAY)
        .amountReceived("10.00")
        .electronic(true)
        .card(CardChoice.oneTime("pm_card_visa"))
        .build();
  }
}
