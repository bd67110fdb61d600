package org.electronicpayments.testkit.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Charge;
import com.stripe.model.Customer;
import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import com.stripe.model.PaymentMethod;
import com.stripe.model.SetupIntent;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.EventListParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PaymentMethodListParams;
import com.stripe.param.SetupIntentCreateParams;
import java.time.Duration;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.electronicpayments.testkit.stripe.RecordedRequest;
import org.electronicpayments.testkit.stripe.StripeEmulator;
import org.electronicpayments.testkit.stripe.StripeEmulatorExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * The emulator's Stripe.js double in a real headless Chromium: host pages on their own origin load
 * {@code <baseUrl>/v3/}, a card is typed into the card Element, and each Stripe.js call's outcome
 * is checked in the page and, through stripe-java with the secret key, at the emulator. One browser
 * for the class; each test opens a fresh page.
 */
@ExtendWith(StripeEmulatorExtension.class)
class StripeJsBrowserTest {

  private static final String PK = "pk_test_emulator";
  private static final String SK = "sk_test_emulator";
  private static final String EXPIRY =
      "12" + String.valueOf(Year.now(ZoneOffset.UTC).getValue() + 3).substring(2);
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Browser browser;
  private static HostPages pages;

  private final StripeEmulator emulator;
  private final StripeClient stripe;

  StripeJsBrowserTest(StripeEmulator emulator) {
    this.emulator = emulator;
    this.stripe =
        StripeClient.builder()
            .setApiKey(SK)
            .setApiBase(emulator.baseUrl())
            .setMaxNetworkRetries(0)
            .build();
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

  // ------------------------------------------------------------------ createPaymentMethod

  @Test
  void createPaymentMethodTurnsTheTypedCardIntoAPaymentMethodTheServerSees() throws Exception {
    open("create-payment-method", null);
    typeCard("4242 4242 4242 4242", EXPIRY, "123", "62701");
    browser.screenshot("create-payment-method-filled");

    JsonNode pm = submit().path("paymentMethod");

    assertThat(pm.path("id").asText()).startsWith("pm_");
    assertThat(pm.path("card").path("brand").asText()).isEqualTo("visa");
    assertThat(pm.path("card").path("last4").asText()).isEqualTo("4242");
    assertThat(pm.path("card").path("exp_month").asInt()).isEqualTo(12);
    assertThat(pm.path("billing_details").path("address").path("postal_code").asText())
        .isEqualTo("62701");
    PaymentMethod seen = stripe.v1().paymentMethods().retrieve(pm.path("id").asText());
    assertThat(seen.getCard().getLast4()).isEqualTo("4242");
    assertThat(seen.getCard().getExpYear()).isEqualTo(2000L + Long.parseLong(EXPIRY.substring(2)));
    assertThat(seen.getBillingDetails().getName()).isEqualTo("Client 1000");
    assertThat(seen.getCard().getFingerprint())
        .isEqualTo(
            stripe.v1().paymentMethods().retrieve("pm_card_visa").getCard().getFingerprint());
    assertThat(emulator.requests("POST /v1/payment_methods"))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.params())
                  .containsEntry("card[number]", "************4242")
                  .containsEntry("card[cvc]", "***")
                  .containsEntry("key", "pk_test_****ator");
              assertThat(r.headers()).doesNotContainKey("authorization");
            });
  }

  @Test
  void paymentElementCreatesAPaymentMethodThroughElements() throws Exception {
    open("create-payment-method-from-elements", null, "payment", null);
    typeCard("5555 5555 5555 4444", EXPIRY, "123", "62701");

    JsonNode pm = submit().path("paymentMethod");

    assertThat(pm.path("card").path("brand").asText()).isEqualTo("mastercard");
    assertThat(pm.path("card").path("last4").asText()).isEqualTo("4444");
  }

  @Test
  void connectedAccountPassedToStripeOwnsThePaymentMethod() throws Exception {
    open("create-payment-method", null, "card", "acct_riverside");
    typeCard("4242 4242 4242 4242", EXPIRY, "123", "62701");

    String id = submit().path("paymentMethod").path("id").asText();

    assertThat(
            stripe
                .v1()
                .paymentMethods()
                .retrieve(id, RequestOptions.builder().setStripeAccount("acct_riverside").build())
                .getCard()
                .getLast4())
        .isEqualTo("4242");
    assertThat(emulator.requests("POST /v1/payment_methods"))
        .singleElement()
        .satisfies(r -> assertThat(r.stripeAccount()).isEqualTo("acct_riverside"));
  }

  // ------------------------------------------------------------------ the card field

  @ParameterizedTest(name = "{0} → {4}")
  @CsvSource(
      delimiter = '|',
      value = {
        "4242 4242           | EXPIRY | 123 | 62701 | incomplete_number         | Your card number is incomplete.",
        "4242 4242 4242 4241 | EXPIRY | 123 | 62701 | invalid_number            | Your card number is invalid.",
        "4111 1111 1111 1111 | EXPIRY | 123 | 62701 | invalid_number            | Your card number is invalid.",
        "4242 4242 4242 4242 | 1220   | 123 | 62701 | invalid_expiry_year_past  | Your card's expiration year is in the past.",
        "4242 4242 4242 4242 | 13     | 123 | 62701 | invalid_expiry_month      | Your card's expiration date is invalid.",
        "4242 4242 4242 4242 | 12     | 123 | 62701 | incomplete_expiry         | Your card's expiration date is incomplete.",
        "4242 4242 4242 4242 | EXPIRY | 12  | 62701 | incomplete_cvc            | Your card's security code is incomplete.",
        "3782 822463 10005   | EXPIRY | 123 | 62701 | incomplete_cvc            | Your card's security code is incomplete.",
        "4242 4242 4242 4242 | EXPIRY | 123 | 123   | incomplete_zip            | Your postal code is incomplete.",
        "4242 4242 4242 4242 | EXPIRY | 123 |       | incomplete_zip            | Your postal code is incomplete."
      })
  void cardFieldShowsStripeJsValidationMessagesAndSendsNothing(
      String number, String expiry, String cvc, String postal, String code, String message)
      throws Exception {
    open("create-payment-method", null);
    typeCard(number, expiry.equals("EXPIRY") ? EXPIRY : expiry, cvc, postal == null ? "" : postal);
    browser.driver.findElement(By.id("other")).click();

    JsonNode error = submit().path("error");
    assertThat(text("card-errors")).isEqualTo(message);
    assertThat(error.path("type").asText()).isEqualTo("validation_error");
    assertThat(error.path("code").asText()).isEqualTo(code);
    assertThat(error.path("message").asText()).isEqualTo(message);
    assertThat(emulator.requests("POST /v1/payment_methods")).isEmpty();
    if (code.equals("invalid_expiry_year_past")) {
      browser.screenshot("validation-expiry-in-the-past");
    }
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
    "4242, visa",
    "5555, mastercard",
    "3782, amex",
    "6011, discover",
    "3056, diners",
    "3566, jcb",
    "6200, unionpay",
    "9999, unknown"
  })
  void changeEventsCarryTheBrandAsItIsTyped(String prefix, String brand) throws Exception {
    open("create-payment-method", null);
    numberField().sendKeys(prefix);

    assertThat(lastEvent("change").path("brand").asText()).isEqualTo(brand);
  }

  @Test
  void elementEmitsReadyFocusChangeBlurAndClearsUnmountsAndIsDestroyed() throws Exception {
    open("create-payment-method", null);
    waitFor(() -> !events("ready").isEmpty());
    assertThat(events("ready").get(0).path("elementType").asText()).isEqualTo("card");

    numberField().click();
    assertThat(events("focus")).hasSize(1);
    numberField().sendKeys("4");
    JsonNode first = lastEvent("change");
    assertThat(first.path("empty").asBoolean()).isFalse();
    assertThat(first.path("complete").asBoolean()).isFalse();
    assertThat(first.has("error")).isFalse();
    typeCard("242 4242 4242 4242", EXPIRY, "123", "62701");
    JsonNode complete = lastEvent("change");
    assertThat(complete.path("complete").asBoolean()).isTrue();
    assertThat(complete.path("brand").asText()).isEqualTo("visa");
    assertThat(complete.path("value").path("postalCode").asText()).isEqualTo("62701");
    assertThat(events("focus")).hasSize(1);
    browser.driver.findElement(By.id("other")).click();
    waitFor(() -> events("blur").size() == 1);
    assertThat(cardElement().getAttribute("class")).contains("StripeElement--complete");

    js("card.clear();");
    JsonNode cleared = lastEvent("change");
    assertThat(cleared.path("empty").asBoolean()).isTrue();
    assertThat(cleared.path("complete").asBoolean()).isFalse();
    assertThat(numberField().getAttribute("value")).isEmpty();

    js("card.unmount();");
    assertThat(cardElement().findElements(By.tagName("input"))).isEmpty();
    js("card.mount('#card-element');");
    assertThat(cardElement().findElements(By.tagName("input"))).hasSize(4);

    js("card.destroy(); elements.create('card').mount('#card-element');");
    assertThat(cardElement().findElements(By.tagName("input"))).hasSize(4);
    assertThat(
            (String)
                js(
                    "try { card.mount('#card-element'); return 'mounted'; }"
                        + " catch (e) { return e.name; }"))
        .isEqualTo("IntegrationError");
  }

  @Test
  void secretKeyIsRefusedByStripeAndNeverReachesTheEmulator() throws Exception {
    open("create-payment-method", null, "card", null, SK);

    JsonNode thrown = JSON.readTree(waitForResult());
    assertThat(thrown.path("thrown").asText()).isEqualTo("IntegrationError");
    assertThat(thrown.path("message").asText()).contains("You should not use your secret key");
    assertThat(emulator.requests()).isEmpty();
  }

  // ------------------------------------------------------------------ confirmCardPayment

  @Test
  void confirmCardPaymentChargesTheCardAndTheServerSeesTheCharge() throws Exception {
    PaymentIntent created = paymentIntent(null, false);
    open("confirm-card-payment", created.getClientSecret());
    typeCard("4242 4242 4242 4242", EXPIRY, "123", "62701");

    JsonNode pi = submit().path("paymentIntent");

    assertThat(pi.path("id").asText()).isEqualTo(created.getId());
    assertThat(pi.path("status").asText()).isEqualTo("succeeded");
    PaymentIntent seen = stripe.v1().paymentIntents().retrieve(created.getId());
    assertThat(seen.getStatus()).isEqualTo("succeeded");
    Charge charge = stripe.v1().charges().retrieve(seen.getLatestCharge());
    assertThat(charge.getAmount()).isEqualTo(2500L);
    assertThat(charge.getPaymentMethodDetails().getCard().getLast4()).isEqualTo("4242");
    assertThat(eventTypes()).contains("payment_intent.succeeded", "charge.succeeded");
  }

  @ParameterizedTest(name = "{0}: {1}/{2}")
  @CsvSource(
      nullValues = "-",
      value = {
        "4000 0000 0000 0002, card_declined, generic_decline, Your card was declined.",
        "4000 0000 0000 9995, card_declined, insufficient_funds, Your card has insufficient funds.",
        "4000 0000 0000 9987, card_declined, lost_card, Your card was declined.",
        "4000 0000 0000 0069, expired_card, -, Your card has expired.",
        "4000 0000 0000 0127, incorrect_cvc, -, Your card's security code is incorrect.",
        "4000 0000 0000 0119, processing_error, -, An error occurred while processing your card. Try again in a little bit.",
        "4000 0000 0000 0341, card_declined, generic_decline, Your card was declined."
      })
  void confirmCardPaymentReportsEachDeclineAsStripeJs(
      String number, String code, String declineCode, String message) throws Exception {
    PaymentIntent created = paymentIntent(null, false);
    open("confirm-card-payment", created.getClientSecret());
    typeCard(number, EXPIRY, "123", "62701");

    JsonNode error = submit().path("error");

    assertThat(error.path("type").asText()).isEqualTo("card_error");
    assertThat(error.path("code").asText()).isEqualTo(code);
    assertThat(error.path("decline_code").asText(null)).isEqualTo(declineCode);
    assertThat(error.path("message").asText()).isEqualTo(message);
    assertThat(error.path("payment_intent").path("status").asText())
        .isEqualTo("requires_payment_method");
    assertThat(stripe.v1().paymentIntents().retrieve(created.getId()).getStatus())
        .isEqualTo("requires_payment_method");
    assertThat(emulator.succeededCharges()).isEmpty();
  }

  @Test
  void threeDSecureCompletedInTheChallengeChargesTheCard() throws Exception {
    PaymentIntent created = paymentIntent(null, false);
    open("confirm-card-payment", created.getClientSecret());
    typeCard("4000 0027 6000 3184", EXPIRY, "123", "62701");
    browser.driver.findElement(By.id("submit")).click();

    WebElement complete = challengeButton("Complete authentication");
    browser.screenshot("3ds-challenge");
    assertThat(stripe.v1().paymentIntents().retrieve(created.getId()).getStatus())
        .isEqualTo("requires_action");
    complete.click();

    JsonNode pi = JSON.readTree(waitForResult()).path("paymentIntent");
    assertThat(pi.path("status").asText()).isEqualTo("succeeded");
    assertThat(browser.driver.findElements(By.cssSelector("[data-emulator-3ds]"))).isEmpty();
    assertThat(stripe.v1().paymentIntents().retrieve(created.getId()).getStatus())
        .isEqualTo("succeeded");
    assertThat(eventTypes()).contains("payment_intent.requires_action", "payment_intent.succeeded");
  }

  @Test
  void threeDSecureFailedInTheChallengeIsAnAuthenticationError() throws Exception {
    PaymentIntent created = paymentIntent(null, false);
    open("confirm-card-payment", created.getClientSecret());
    typeCard("4000 0027 6000 3184", EXPIRY, "123", "62701");
    browser.driver.findElement(By.id("submit")).click();

    challengeButton("Fail authentication").click();

    JsonNode error = JSON.readTree(waitForResult()).path("error");
    assertThat(error.path("type").asText()).isEqualTo("invalid_request_error");
    assertThat(error.path("code").asText()).isEqualTo("payment_intent_authentication_failure");
    assertThat(error.path("payment_intent").path("status").asText())
        .isEqualTo("requires_payment_method");
    assertThat(stripe.v1().paymentIntents().retrieve(created.getId()).getStatus())
        .isEqualTo("requires_payment_method");
    assertThat(emulator.charges()).isEmpty();
    assertThat(eventTypes()).contains("payment_intent.payment_failed");
  }

  @Test
  void handleNextActionRunsTheChallengeAfterAConfirmWithoutActions() throws Exception {
    PaymentIntent created = paymentIntent(null, false);
    open("handle-next-action", created.getClientSecret());
    typeCard("4000 0027 6000 3184", EXPIRY, "123", "62701");
    browser.driver.findElement(By.id("submit")).click();

    challengeButton("Complete authentication").click();

    JsonNode pi = JSON.readTree(waitForResult()).path("paymentIntent");
    assertThat((String) js("return window.beforeAction;")).isEqualTo("requires_action");
    assertThat(pi.path("status").asText()).isEqualTo("succeeded");
  }

  @Test
  void retrievePaymentIntentReadsTheIntentByItsClientSecret() throws Exception {
    PaymentIntent created = paymentIntent("pm_card_visa", true);
    open("retrieve-payment-intent", created.getClientSecret());

    JsonNode pi = submit().path("paymentIntent");

    assertThat(pi.path("id").asText()).isEqualTo(created.getId());
    assertThat(pi.path("status").asText()).isEqualTo("succeeded");
    assertThat(pi.path("amount").asLong()).isEqualTo(2500L);
  }

  @Test
  void cardSavedWhilePayingIsChargedLaterBySecretKey() throws Exception {
    Customer customer = customer();
    PaymentIntent created =
        stripe
            .v1()
            .paymentIntents()
            .create(
                PaymentIntentCreateParams.builder()
                    .setAmount(2500L)
                    .setCurrency("usd")
                    .setCustomer(customer.getId())
                    .setSetupFutureUsage(PaymentIntentCreateParams.SetupFutureUsage.OFF_SESSION)
                    .build());
    open("confirm-card-payment", created.getClientSecret());
    typeCard("5555 5555 5555 4444", EXPIRY, "123", "62701");

    assertThat(submit().path("paymentIntent").path("status").asText()).isEqualTo("succeeded");

    List<PaymentMethod> saved = savedCards(customer);
    assertThat(saved)
        .singleElement()
        .satisfies(pm -> assertThat(pm.getCard().getLast4()).isEqualTo("4444"));
    PaymentIntent later = offSessionCharge(customer, saved.get(0).getId());
    assertThat(later.getStatus()).isEqualTo("succeeded");
  }

  // ------------------------------------------------------------------ confirmCardSetup

  @Test
  void confirmCardSetupSavesTheCardWithoutChargingIt() throws Exception {
    Customer customer = customer();
    SetupIntent created = setupIntent(customer);
    open("confirm-card-setup", created.getClientSecret());
    typeCard("4242 4242 4242 4242", EXPIRY, "123", "62701");

    JsonNode seti = submit().path("setupIntent");

    assertThat(seti.path("status").asText()).isEqualTo("succeeded");
    assertThat(emulator.charges()).isEmpty();
    List<PaymentMethod> saved = savedCards(customer);
    assertThat(saved)
        .extracting(PaymentMethod::getId)
        .containsExactly(seti.path("payment_method").asText());
    assertThat(offSessionCharge(customer, saved.get(0).getId()).getStatus()).isEqualTo("succeeded");
    assertThat(eventTypes()).contains("setup_intent.succeeded", "payment_method.attached");
  }

  @Test
  void confirmCardSetupWithAuthenticationOnSetupSavesACardThatThenChargesOffSession()
      throws Exception {
    Customer customer = customer();
    SetupIntent created = setupIntent(customer);
    open("confirm-card-setup", created.getClientSecret());
    typeCard("4000 0025 0000 3155", EXPIRY, "123", "62701");
    browser.driver.findElement(By.id("submit")).click();

    challengeButton("Complete authentication").click();

    assertThat(JSON.readTree(waitForResult()).path("setupIntent").path("status").asText())
        .isEqualTo("succeeded");
    List<PaymentMethod> saved = savedCards(customer);
    assertThat(saved).hasSize(1);
    assertThat(offSessionCharge(customer, saved.get(0).getId()).getStatus()).isEqualTo("succeeded");
  }

  @Test
  void confirmCardSetupWithFailedAuthenticationSavesNothing() throws Exception {
    Customer customer = customer();
    SetupIntent created = setupIntent(customer);
    open("confirm-card-setup", created.getClientSecret());
    typeCard("4000 0025 0000 3155", EXPIRY, "123", "62701");
    browser.driver.findElement(By.id("submit")).click();

    challengeButton("Fail authentication").click();

    JsonNode error = JSON.readTree(waitForResult()).path("error");
    assertThat(error.path("code").asText()).isEqualTo("setup_intent_authentication_failure");
    assertThat(error.path("setup_intent").path("status").asText())
        .isEqualTo("requires_payment_method");
    assertThat(savedCards(customer)).isEmpty();
    assertThat(eventTypes()).contains("setup_intent.setup_failed");
  }

  @Test
  void confirmCardSetupWithADecliningCardIsACardErrorAndSavesNothing() throws Exception {
    Customer customer = customer();
    SetupIntent created = setupIntent(customer);
    open("confirm-card-setup", created.getClientSecret());
    typeCard("4000 0000 0000 0002", EXPIRY, "123", "62701");

    JsonNode error = submit().path("error");

    assertThat(error.path("type").asText()).isEqualTo("card_error");
    assertThat(error.path("code").asText()).isEqualTo("card_declined");
    assertThat(error.path("decline_code").asText()).isEqualTo("generic_decline");
    assertThat(error.path("setup_intent").path("id").asText()).isEqualTo(created.getId());
    assertThat(savedCards(customer)).isEmpty();
  }

  // ------------------------------------------------------------------ card numbers stay put

  @Test
  void typedCardNumbersAppearInNoRequestLogResponseOrEvent() throws Exception {
    List<String> typed =
        List.of("4242424242424242", "5555555555554444", "4000002760003184", "4000000000000002");
    List<String> responses = new ArrayList<>();
    Customer customer = customer();
    open("create-payment-method", null);
    typeCard("4242 4242 4242 4242", EXPIRY, "123", "62701");
    submit();
    responses.addAll(responses());
    open("confirm-card-setup", setupIntent(customer).getClientSecret());
    typeCard("5555 5555 5555 4444", EXPIRY, "123", "62701");
    submit();
    responses.addAll(responses());
    open("confirm-card-payment", paymentIntent(null, false).getClientSecret());
    typeCard("4000 0027 6000 3184", EXPIRY, "123", "62701");
    browser.driver.findElement(By.id("submit")).click();
    challengeButton("Complete authentication").click();
    waitForResult();
    responses.addAll(responses());
    open("confirm-card-payment", paymentIntent(null, false).getClientSecret());
    typeCard("4000 0000 0000 0002", EXPIRY, "123", "62701");
    submit();
    responses.addAll(responses());

    List<RecordedRequest> log = emulator.requests();
    assertThat(log).filteredOn(r -> r.matches("POST /v1/payment_methods")).hasSize(4);
    assertThat(responses).hasSizeGreaterThanOrEqualTo(8);
    String everything =
        log
            + "\n"
            + String.join("\n", responses)
            + "\n"
            + stripe
                .v1()
                .events()
                .list(EventListParams.builder().setLimit(100L).build())
                .getData()
                .stream()
                .map(Event::toJson)
                .toList();
    for (String number : typed) {
      assertThat(everything)
          .doesNotContain(number)
          .doesNotContain(number.substring(0, 4) + " " + number.substring(4, 8));
    }
    assertThat(log)
        .allSatisfy(r -> assertThat(r.params().getOrDefault("card[cvc]", "***")).isEqualTo("***"));
  }

  // ------------------------------------------------------------------ helpers

  private void open(String page, String clientSecret) {
    open(page, clientSecret, "card", null);
  }

  private void open(String page, String clientSecret, String element, String account) {
    open(page, clientSecret, element, account, PK);
  }

  private void open(String page, String clientSecret, String element, String account, String key) {
    browser.driver.get(pages.url(page, key, clientSecret, element, account));
  }

  private void typeCard(String number, String expiry, String cvc, String postal) {
    browser.typeCard(number, expiry, cvc, postal);
  }

  private WebElement cardElement() {
    return browser.driver.findElement(By.id("card-element"));
  }

  private WebElement numberField() {
    return cardElement().findElement(By.name("cardnumber"));
  }

  private JsonNode submit() throws Exception {
    browser.driver.findElement(By.id("submit")).click();
    return JSON.readTree(waitForResult());
  }

  private String waitForResult() {
    return browser.result();
  }

  private WebElement challengeButton(String label) {
    return browser.challengeButton(label);
  }

  private String text(String id) {
    return browser.driver.findElement(By.id(id)).getText();
  }

  private Object js(String script) {
    return ((JavascriptExecutor) browser.driver).executeScript(script);
  }

  private void waitFor(java.util.function.BooleanSupplier condition) {
    browser.waiting(Duration.ofSeconds(5)).until(d -> condition.getAsBoolean());
  }

  private List<JsonNode> events(String type) {
    try {
      JsonNode all = JSON.readTree((String) js("return JSON.stringify(window.events);"));
      List<JsonNode> matching = new ArrayList<>();
      all.forEach(
          e -> {
            if (e.path("event").asText().equals(type)) {
              matching.add(e);
            }
          });
      return matching;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private JsonNode lastEvent(String type) {
    List<JsonNode> matching = events(type);
    assertThat(matching).as("%s events", type).isNotEmpty();
    return matching.get(matching.size() - 1);
  }

  private List<String> responses() throws Exception {
    JsonNode all = JSON.readTree((String) js("return JSON.stringify(window.responses);"));
    List<String> bodies = new ArrayList<>();
    all.forEach(b -> bodies.add(b.asText()));
    return bodies;
  }

  private PaymentIntent paymentIntent(String paymentMethod, boolean confirm)
      throws StripeException {
    return stripe
        .v1()
        .paymentIntents()
        .create(
            PaymentIntentCreateParams.builder()
                .setAmount(2500L)
                .setCurrency("usd")
                .setPaymentMethod(paymentMethod)
                .setConfirm(confirm)
                .build());
  }

  private SetupIntent setupIntent(Customer customer) throws StripeException {
    return stripe
        .v1()
        .setupIntents()
        .create(
            SetupIntentCreateParams.builder()
                .setCustomer(customer.getId())
                .setUsage(SetupIntentCreateParams.Usage.OFF_SESSION)
                .build());
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

  private PaymentIntent offSessionCharge(Customer customer, String paymentMethod)
      throws StripeException {
    return stripe
        .v1()
        .paymentIntents()
        .create(
            PaymentIntentCreateParams.builder()
                .setAmount(4000L)
                .setCurrency("usd")
                .setCustomer(customer.getId())
                .setPaymentMethod(paymentMethod)
                .setConfirm(true)
                .setOffSession(true)
                .build());
  }

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
