package org.electronicpayments.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Year;
import java.time.ZoneOffset;
import org.electronicpayments.CardChoice;
import org.electronicpayments.Consent;
import org.electronicpayments.ConsentChannel;
import org.electronicpayments.ConsentGiver;
import org.electronicpayments.ElectronicPayments;
import org.electronicpayments.PaymentMethod;
import org.electronicpayments.PaymentResult;
import org.electronicpayments.PaymentStatus;
import org.electronicpayments.testkit.browser.Browser;
import org.electronicpayments.testkit.browser.HostPages;
import org.electronicpayments.testkit.stripe.StripeEmulator;
import org.electronicpayments.testkit.stripe.StripeEmulatorExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A host's card page in headless Chromium, on the emulator's Stripe.js: the card typed there
 * becomes a PaymentMethod that the facade charges and saves through this module, and 3-D Secure
 * asked by the facade is completed in the page. Skipped without a browser (failed in CI).
 */
@ExtendWith(StripeEmulatorExtension.class)
class StripeBrowserPaymentsTest {

  private static final String PK = "pk_test_emulator";
  private static final String EXPIRY =
      "12" + String.valueOf(Year.now(ZoneOffset.UTC).getValue() + 3).substring(2);
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Browser browser;
  private static HostPages pages;

  private final StripeEmulator emulator;
  private final ElectronicPayments payments;

  StripeBrowserPaymentsTest(StripeEmulator emulator) {
    this.emulator = emulator;
    this.payments = Facades.facade(Fixtures.processor(emulator));
  }

  @BeforeAll
  static void startBrowser(StripeEmulator emulator) {
    browser = Browser.startIfInstalled();
    pages = new HostPages(emulator.baseUrl());
  }

  @BeforeEach
  void requireBrowser() {
    Browser.require(browser);
  }

  @AfterAll
  static void stopBrowser() {
    if (pages != null) {
      pages.close();
    }
    if (browser != null) {
      browser.close();
    }
  }

  @AfterEach
  void closeFacade() {
    payments.close();
  }

  @Test
  @DisplayName(
      "A card typed in the browser is charged and saved by the facade, then listed with its brand and last 4")
  void cardTypedInTheBrowserIsChargedAndSaved() throws Exception {
    String paymentMethod = paymentMethodFromTheBrowser("5555 5555 5555 4444");

    PaymentResult result =
        payments.process(
            Facades.DESK,
            Facades.request(
                CardChoice.saveNew(
                    paymentMethod,
                    "Mastercard 4444",
                    Consent.of(ConsentGiver.CLIENT, ConsentChannel.FRONT_DESK)),
                true,
                "25.00"));

    assertThat(result).isInstanceOf(PaymentResult.Succeeded.class);
    assertThat(emulator.succeededCharges())
        .singleElement()
        .satisfies(c -> assertThat(c.amount()).isEqualTo(2500L));
    assertThat(payments.savedCards(Facades.DESK, Fixtures.CLIENT))
        .singleElement()
        .satisfies(
            (PaymentMethod card) -> {
              assertThat(card.nickname()).isEqualTo("Mastercard 4444");
              assertThat(card.card().brand()).isEqualTo("mastercard");
              assertThat(card.card().last4()).isEqualTo("4444");
            });
  }

  @Test
  @DisplayName(
      "3-D Secure asked by the facade is completed in the browser's challenge; refresh finds the payment succeeded")
  void threeDSecureCompletedInTheBrowser() throws Exception {
    String paymentMethod = paymentMethodFromTheBrowser("4000 0027 6000 3184");
    PaymentResult result =
        payments.process(
            Facades.DESK, Facades.request(CardChoice.oneTime(paymentMethod), true, "40.00"));
    assertThat(result).isInstanceOf(PaymentResult.RequiresAction.class);
    String clientSecret = ((PaymentResult.RequiresAction) result).clientSecret();

    browser.driver.get(pages.url("next-action", PK, clientSecret, "card", null));
    browser.clickSubmit();
    browser.challengeButton("Complete authentication").click();
    JsonNode page = JSON.readTree(browser.result());

    assertThat(page.path("paymentIntent").path("status").asText()).isEqualTo("succeeded");
    PaymentResult refreshed = payments.refresh(Facades.DESK, result.payment().id());
    assertThat(refreshed.payment().status()).isEqualTo(PaymentStatus.SUCCEEDED);
    assertThat(emulator.succeededCharges()).hasSize(1);
  }

  @Test
  @DisplayName(
      "3-D Secure failed in the browser's challenge leaves the payment failed and nothing charged")
  void threeDSecureFailedInTheBrowser() throws Exception {
    String paymentMethod = paymentMethodFromTheBrowser("4000 0027 6000 3184");
    PaymentResult result =
        payments.process(
            Facades.DESK, Facades.request(CardChoice.oneTime(paymentMethod), true, "40.00"));
    String clientSecret = ((PaymentResult.RequiresAction) result).clientSecret();

    browser.driver.get(pages.url("next-action", PK, clientSecret, "card", null));
    browser.clickSubmit();
    browser.challengeButton("Fail authentication").click();
    JsonNode page = JSON.readTree(browser.result());

    assertThat(page.path("error").path("code").asText())
        .isEqualTo("payment_intent_authentication_failure");
    PaymentResult refreshed = payments.refresh(Facades.DESK, result.payment().id());
    assertThat(refreshed.payment().status()).isEqualTo(PaymentStatus.FAILED);
    assertThat(emulator.succeededCharges()).isEmpty();
  }

  private String paymentMethodFromTheBrowser(String number) throws Exception {
    browser.driver.get(pages.url("create-payment-method", PK, null, "card", null));
    browser.typeCard(number, EXPIRY, "123", "62701");
    browser.clickSubmit();
    JsonNode pm = JSON.readTree(browser.result()).path("paymentMethod");
    assertThat(pm.path("id").asText()).startsWith("pm_");
    return pm.path("id").asText();
  }
}
