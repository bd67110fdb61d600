package org.electronicpayments.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.electronicpayments.ElectronicPayments;
import org.electronicpayments.Origin;
import org.electronicpayments.Payment;
import org.electronicpayments.PaymentId;
import org.electronicpayments.PaymentQuery;
import org.electronicpayments.PaymentStatus;
import org.electronicpayments.StaffId;
import org.electronicpayments.roles.RoleDirectory;
import org.electronicpayments.security.Actor;
import org.electronicpayments.security.Permission;
import org.electronicpayments.testkit.browser.Browser;
import org.electronicpayments.testkit.stripe.ChargeRecord;
import org.electronicpayments.testkit.stripe.FaultRule;
import org.electronicpayments.testkit.stripe.StripeEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The help article's flows end to end in a real headless Chromium: the application on a free port
 * with the Stripe emulator (its Stripe.js double serves the card field) and GreenMail for the
 * emailed receipts. One application, one browser for the class; each test signs in afresh and uses
 * its own reference. Each step's screenshot is written under {@code target/screenshots/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FrontDeskBrowserTest {

  private static final String EXPIRY =
      "12" + String.valueOf(Year.now(ZoneOffset.UTC).getValue() + 3).substring(2);
  private static final String VISA = "4242424242424242";
  private static final String MASTERCARD = "5555555555554444";
  private static final String DECLINED = "4000000000000002";
  private static final String THREE_D_SECURE = "4000002760003184";

  /**
   * Short, so the in-doubt test is quick; long enough for every other payment on a busy machine.
   */
  private static final Duration DEADLINE = Duration.ofSeconds(10);

  private static final StripeEmulator EMULATOR = StripeEmulator.start();
  private static final GreenMail MAIL = startMail();
  private static final AtomicInteger REFERENCES = new AtomicInteger();

  private static Browser browser;

  @LocalServerPort int port;
  @Autowired ElectronicPayments payments;
  @Autowired RoleDirectory roles;

  private String test = "test";
  private int step;

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    FrontDeskWebApplication.emulatorProperties(EMULATOR.baseUrl())
        .forEach((k, v) -> registry.add(k, () -> v));
    // The emulator is given no webhook URL: the page, the refresh after 3-D Secure and reconcile
    // settle every payment here.
    registry.add("spring.datasource.url", () -> "jdbc:h2:mem:front-desk-test;DB_CLOSE_DELAY=-1");
    registry.add("electronic-payments.deadline", () -> DEADLINE.toSeconds() + "s");
    registry.add("electronic-payments.reconcile.enabled", () -> "false");
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
    registry.add("electronic-payments.receipts.tls", () -> "NONE");
  }

  private static GreenMail startMail() {
    ServerSetup setup = new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort();
    setup.setServerStartupTimeout(30_000);
    GreenMail mail = new GreenMail(setup);
    mail.start();
    return mail;
  }

  @BeforeAll
  static void startBrowser() {
    browser = Browser.startIfInstalled();
  }

  @AfterAll
  static void stopAll() {
    if (browser != null) {
      browser.close();
    }
    MAIL.stop();
    EMULATOR.close();
  }

  @BeforeEach
  void requireBrowser(TestInfo info) {
    Browser.require(browser);
    test = info.getTestMethod().orElseThrow().getName();
    step = 0;
  }

  // ------------------------------------------------------------------ the New Payment window

  @Test
  void oneTimeCardSucceedsIsSavedAndItsReceiptsAreEmailedAndPrinted() throws Exception {
    signIn("dana");
    open("/clients/1000");
    shot("client-file");
    click("new-payment-client");
    String reference = reference();
    fill(reference, "10.00", "Discussed panic attacks at work");
    click("electronic");
    browser.typeCard(VISA, EXPIRY, "123", "62701");
    shot("window-filled");
    click("process");
    visible("verify");
    assertThat(text("verify-text")).contains("$10.00");
    shot("verify-amount");
    click("submit");
    assertThat(outcomeTitle()).isEqualTo("Payment Successful");
    shot("payment-successful");
    click("close");
    String confirmation = value("confirmationNumber");
    assertThat(confirmation).isNotBlank();
    shot("confirmation-filled");

    Payment payment = payment(reference);
    assertThat(payment.status()).isEqualTo(PaymentStatus.SUCCEEDED);
    assertThat(payment.request().origin()).isEqualTo(Origin.CLIENTS);
    assertThat(payment.confirmationNumber()).isEqualTo(confirmation);
    assertThat(chargesOf(payment)).hasSize(1);

    // Save is required: the page warns before leaving, and the payments list shows it unsaved.
    assertThat(leavingIsStopped()).isTrue();
    inNewTab(
        "/payments",
        () -> {
          assertThat(browser.driver.findElement(By.id("unsaved")).getText()).contains(reference);
          shot("unsaved-list");
        });

    click("save");
    visible("saved-note");
    assertThat(text("saved-note")).contains("saved");
    assertThat(leavingIsStopped()).isFalse();
    assertThat(payment(reference).status()).isEqualTo(PaymentStatus.POSTED);
    shot("saved");

    click("email-receipt");
    browser
        .waiting(Duration.ofSeconds(20))
        .until(d -> text("saved-note").contains("Receipt emailed to alex.rivera@example.test"));
    shot("receipt-emailed");
    MimeMessage mail = receivedFor(reference);
    String raw = GreenMailUtil.getWholeMessage(mail);
    assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("alex.rivera@example.test");
    assertThat(raw)
        .contains("10.00")
        .contains(reference)
        .contains("4242")
        .containsIgnoringCase("visa");
    assertThat(raw).doesNotContain("panic attacks");

    String print = browser.driver.findElement(By.id("print-receipt")).getAttribute("href");
    browser.driver.get(print);
    String receipt = browser.driver.findElement(By.tagName("body")).getText();
    assertThat(receipt)
        .contains("Alex Rivera")
        .contains("10.00")
        .contains(reference)
        .contains("4242");
    assertThat(receipt).doesNotContain("panic attacks");
    shot("printable-receipt");
  }

  @Test
  void aDeclinedCardThenAnotherCardFromTheAppointment() {
    signIn("dana");
    open("/clients/1000");
    click("new-payment-A-1000-1");
    String reference = reference();
    fill(reference, "25.00", "");
    click("electronic");
    browser.typeCard(DECLINED, EXPIRY, "123", "62701");
    click("process");
    click("submit");
    assertThat(outcomeTitle()).isEqualTo("Payment Failed");
    assertThat(text("outcome-detail")).containsIgnoringCase("declined");
    shot("payment-failed");
    click("close");
    assertThat(text("error-card")).contains("Payment Failed");
    shot("failed-closed");

    browser.typeCard(VISA, EXPIRY, "123", "62701");
    click("process");
    click("submit");
    assertThat(outcomeTitle()).isEqualTo("Payment Successful");
    shot("another-card-successful");
    click("close");
    click("save");
    visible("saved-note");

    Payment payment = payment(reference);
    assertThat(payment.request().origin()).isEqualTo(Origin.APPOINTMENTS);
    assertThat(payment.request().appointmentId()).hasToString("A-1000-1");
    assertThat(payment.status()).isEqualTo(PaymentStatus.POSTED);
    // The declined card's charge failed; the other card's is the one charge that succeeded.
    assertThat(chargesOf(payment))
        .extracting(ChargeRecord::status)
        .containsExactlyInAnyOrder("failed", "succeeded");
  }

  @Test
  void aNewCardSavedAsVisa1000IsThenChargedAsAStoredCard() {
    signIn("dana");
    open("/payments");
    new org.openqa.selenium.support.ui.Select(browser.driver.findElement(By.id("payments-client")))
        .selectByValue("1001");
    click("new-payment-payments");
    String first = reference();
    fill(first, "30.00", "");
    click("electronic");
    click("card-saveNew");
    browser.typeCard(VISA, EXPIRY, "123", "62701");
    browser.driver.findElement(By.id("nickname")).sendKeys("Visa 1000");
    click("consent");
    shot("save-new-card");
    click("process");
    click("submit");
    assertThat(outcomeTitle()).isEqualTo("Payment Successful");
    click("close");
    click("save");
    visible("saved-note");
    assertThat(payment(first).request().origin()).isEqualTo(Origin.PAYMENTS);

    open("/new-payment?client=1001&origin=CLIENTS");
    String second = reference();
    fill(second, "15.00", "");
    click("electronic");
    click("card-saved");
    assertThat(browser.driver.findElement(By.id("savedCard")).getText()).contains("Visa 1000");
    shot("stored-card-chosen");
    click("process");
    assertThat(text("verify-text")).contains("$15.00").contains("Visa 1000");
    click("submit");
    assertThat(outcomeTitle()).isEqualTo("Payment Successful");
    shot("stored-card-successful");
    Payment charged = payment(second);
    assertThat(charged.status()).isEqualTo(PaymentStatus.SUCCEEDED);
    assertThat(chargesOf(charged).get(0).paymentMethod())
        .isEqualTo(payment(first).savedCard().value());
    click("close");
    click("save");
    visible("saved-note");
  }

  @Test
  void threeDSecureCompletedThenFailed() {
    signIn("dana");
    open("/new-payment?client=1000&origin=CLIENTS");
    String completed = reference();
    fill(completed, "40.00", "");
    click("electronic");
    browser.typeCard(THREE_D_SECURE, EXPIRY, "123", "62701");
    click("process");
    click("submit");
    WebElement complete = browser.challengeButton("Complete authentication");
    shot("three-d-secure-challenge");
    complete.click();
    assertThat(outcomeTitle()).isEqualTo("Payment Successful");
    shot("three-d-secure-completed");
    click("close");
    click("save");
    visible("saved-note");

    open("/new-payment?client=1000&origin=CLIENTS");
    String failed = reference();
    fill(failed, "41.00", "");
    click("electronic");
    browser.typeCard(THREE_D_SECURE, EXPIRY, "123", "62701");
    click("process");
    click("submit");
    browser.challengeButton("Fail authentication").click();
    assertThat(outcomeTitle()).isEqualTo("Payment Failed");
    shot("three-d-secure-failed");
    assertThat(payment(failed).status()).isEqualTo(PaymentStatus.FAILED);
    assertThat(payment(completed).status()).isEqualTo(PaymentStatus.POSTED);
  }

  @Test
  void cashIsRecordedAndSavedWithoutTheProcessor() {
    signIn("dana");
    open("/new-payment?client=1000&origin=CLIENTS");
    int requests = EMULATOR.requests().size();
    String reference = reference();
    fill(reference, "20.00", "");
    new org.openqa.selenium.support.ui.Select(browser.driver.findElement(By.id("type")))
        .selectByValue("CASH");
    shot("cash");
    click("save");
    visible("saved-note");
    shot("cash-saved");
    Payment payment = payment(reference);
    assertThat(payment.status()).isEqualTo(PaymentStatus.POSTED);
    assertThat(payment.request().electronic()).isFalse();
    assertThat(EMULATOR.requests()).hasSize(requests);
  }

  @Test
  void fieldErrorsAppearNextToTheirFieldsAndNothingIsWritten() {
    signIn("dana");
    open("/new-payment?client=1000&origin=CLIENTS");
    int before = payments.payments(Actor.system("test"), PaymentQuery.all().limit(1000)).size();
    browser.driver.findElement(By.id("emailReceiptTo")).clear();
    browser.driver.findElement(By.id("emailReceiptTo")).sendKeys("not-an-address");
    browser.driver.findElement(By.id("amountReceived")).sendKeys("10.00");
    click("electronic");
    browser.typeCard(VISA, EXPIRY, "123", "62701");
    click("process");
    click("submit");
    browser.waiting(Duration.ofSeconds(15)).until(d -> !text("error-reference").isEmpty());
    shot("field-errors");
    assertThat(text("error-reference")).contains("Reference").contains("required");
    assertThat(text("error-emailReceiptTo")).contains("email address");
    assertThat(browser.driver.findElement(By.id("reference")).getAttribute("aria-invalid"))
        .isEqualTo("true");
    assertThat(payments.payments(Actor.system("test"), PaymentQuery.all().limit(1000)))
        .hasSize(before);
  }

  @Test
  void aStaffMemberWithoutThePermissionDoesNotSeeTheElectronicOption() {
    signIn("sam");
    open("/new-payment?client=1000&origin=CLIENTS");
    shot("no-electronic-option");
    assertThat(browser.driver.findElements(By.id("electronic"))).isEmpty();
    assertThat(browser.driver.findElements(By.id("card-element"))).isEmpty();
    assertThat(text("no-electronic")).contains("not part of your role");
  }

  @Test
  void aDoubleClickOnSubmitChargesOnce() {
    signIn("dana");
    open("/new-payment?client=1000&origin=CLIENTS");
    String reference = reference();
    fill(reference, "12.00", "");
    click("electronic");
    browser.typeCard(VISA, EXPIRY, "123", "62701");
    click("process");
    // Two clicks in the same task, before the page can hide the button: a real double click.
    ((JavascriptExecutor) browser.driver)
        .executeScript(
            "var b = document.getElementById('submit'); b.click(); b.click();"
                + " b.dispatchEvent(new MouseEvent('dblclick', {bubbles: true}));");
    assertThat(outcomeTitle()).isEqualTo("Payment Successful");
    shot("double-click-charged-once");
    assertThat(payments.payments(Actor.system("test"), PaymentQuery.all().reference(reference)))
        .hasSize(1);
    assertThat(chargesOf(payment(reference))).hasSize(1);
    assertThat(EMULATOR.requests("POST /v1/payment_methods").size()).isPositive();
  }

  @Test
  void aPaymentPastTheDeadlineIsShownInDoubtAndSettlesAfterReconcile() throws Exception {
    signIn("dana");
    open("/new-payment?client=1000&origin=CLIENTS");
    String reference = reference();
    fill(reference, "55.00", "");
    click("electronic");
    browser.typeCard(VISA, EXPIRY, "123", "62701");
    FaultRule slow =
        EMULATOR
            .faults()
            .onNext("POST /v1/payment_intents/*/confirm")
            .delay(DEADLINE.plusSeconds(4));
    click("process");
    click("submit");
    visible("processing");
    shot("processing");
    assertThat(outcomeTitle()).isEqualTo("Outcome not known yet");
    assertThat(text("outcome-detail")).contains("not known yet; we will settle it");
    assertThat(text("outcome-detail")).doesNotContain("Failed");
    shot("in-doubt");
    click("close");
    // Nothing invites a second charge while the first one's outcome is unknown.
    assertThat(browser.driver.findElement(By.id("process")).isDisplayed()).isFalse();
    assertThat(text("saved-note")).contains("not known yet");
    assertThat(payment(reference).status()).isEqualTo(PaymentStatus.IN_DOUBT);

    // The slowed confirm still charges the card; reconcile then learns the outcome.
    browser.waiting(Duration.ofSeconds(30)).until(d -> slow.isDone());
    browser.waiting(Duration.ofSeconds(30)).until(d -> !chargesOf(payment(reference)).isEmpty());
    payments.reconcile(Actor.system("reconciler"));
    browser
        .waiting(Duration.ofSeconds(20))
        .until(d -> text("outcome-title").equals("Payment Successful") && visibleNow("outcome"));
    shot("settled-after-reconcile");
    assertThat(payment(reference).status()).isEqualTo(PaymentStatus.SUCCEEDED);
    assertThat(chargesOf(payment(reference))).hasSize(1);
  }

  @Test
  void theWindowIsCompletedWithTheKeyboardAloneAndEveryInputHasALabel() {
    signIn("dana");
    open("/new-payment?client=1000&origin=CLIENTS");
    String reference = reference();
    browser.driver.findElement(By.tagName("body")).click();
    tabTo(By.id("reference")).sendKeys(reference);
    tabTo(By.id("amountReceived")).sendKeys("18.00");
    tabTo(By.id("electronic")).sendKeys(Keys.SPACE);
    visible("card-choice");
    tabTo(By.name("cardnumber")).sendKeys(VISA);
    tabTo(By.name("exp-date")).sendKeys(EXPIRY);
    tabTo(By.name("cvc")).sendKeys("123");
    tabTo(By.name("postal")).sendKeys("62701");
    tabTo(By.id("process")).sendKeys(Keys.ENTER);
    visible("verify");
    assertThat(active().getAttribute("id")).isEqualTo("submit");
    shot("keyboard-verify");
    active().sendKeys(Keys.ENTER);
    assertThat(outcomeTitle()).isEqualTo("Payment Successful");
    assertThat(active().getAttribute("id")).isEqualTo("close");
    active().sendKeys(Keys.ENTER);
    assertThat(active().getAttribute("id")).isEqualTo("save");
    active().sendKeys(Keys.ENTER);
    visible("saved-note");
    shot("keyboard-saved");
    assertThat(payment(reference).status()).isEqualTo(PaymentStatus.POSTED);

    List<String> unlabelled = new ArrayList<>();
    for (WebElement input :
        browser.driver.findElements(By.cssSelector("main input, main select, main textarea"))) {
      String type = input.getAttribute("type");
      if ("hidden".equals(type)) {
        continue;
      }
      String id = input.getAttribute("id");
      boolean labelled =
          (id != null
                  && !id.isEmpty()
                  && !browser
                      .driver
                      .findElements(By.cssSelector("label[for='" + id + "']"))
                      .isEmpty())
              || !empty(input.getAttribute("aria-label"))
              || !empty(input.getAttribute("aria-labelledby"));
      if (!labelled) {
        unlabelled.add(input.getAttribute("outerHTML"));
      }
    }
    assertThat(unlabelled).isEmpty();
  }

  // ------------------------------------------------------------------ the portal

  @Test
  void aClientAddsACardWithoutPayingRenamesItPaysWithItAndRemovesIt() {
    signIn("alex");
    assertThat(browser.driver.getCurrentUrl()).endsWith("/portal/clients/1000");
    shot("portal");
    browser.typeCard(VISA, EXPIRY, "123", "62701");
    browser.driver.findElement(By.id("add-nickname")).sendKeys("My Visa");
    click("add-consent");
    int charges = EMULATOR.succeededCharges().size();
    click("add-submit");
    browser.waiting(Duration.ofSeconds(20)).until(d -> text("message").contains("Card saved"));
    shot("card-added");
    assertThat(EMULATOR.succeededCharges()).hasSize(charges);
    WebElement row = cardRow("My Visa");
    String card = row.getAttribute("data-card");

    row.findElement(By.cssSelector("input[name=nickname]")).sendKeys("Everyday Visa");
    row.findElement(By.xpath(".//button[normalize-space()='Rename']")).click();
    browser.waiting(Duration.ofSeconds(20)).until(d -> text("message").contains("renamed"));
    assertThat(cardRow("Everyday Visa").getAttribute("data-card")).isEqualTo(card);
    shot("card-renamed");

    browser.driver.findElement(By.id("pay-amount")).sendKeys("35.00");
    click("pay-submit");
    assertThat(flash()).contains("Payment Successful");
    assertThat(browser.driver.findElement(By.className("payments")).getText()).contains("$35.00");
    shot("portal-paid");
    assertThat(EMULATOR.succeededCharges()).hasSize(charges + 1);
    String reference =
        browser.driver.findElements(By.cssSelector("table.payments tbody td:nth-child(2)")).stream()
            .map(WebElement::getText)
            .filter(r -> r.startsWith("PORTAL-"))
            .findFirst()
            .orElseThrow();

    cardRow("Everyday Visa").findElement(By.xpath(".//button[normalize-space()='Remove']")).click();
    browser.waiting(Duration.ofSeconds(20)).until(d -> text("message").contains("removed"));
    assertThat(browser.driver.findElement(By.id("cards")).getText())
        .doesNotContain("Everyday Visa");
    shot("card-removed");

    // The portal's payment waits for staff: the front desk saves it from the payments list.
    assertThat(payment(reference).status()).isEqualTo(PaymentStatus.SUCCEEDED);
    signIn("dana");
    open("/payments");
    browser
        .driver
        .findElement(By.cssSelector("#unsaved button[aria-label='Save " + reference + "']"))
        .click();
    assertThat(flash()).contains("Saved " + reference);
    assertThat(browser.driver.findElement(By.id("unsaved")).getText()).doesNotContain(reference);
    shot("portal-payment-saved-by-staff");
    assertThat(payment(reference).status()).isEqualTo(PaymentStatus.POSTED);
  }

  @Test
  void aRepresentativeActsForTheClientTheyRepresentAndNoOther() {
    signIn("pat");
    shot("representative-home");
    browser.driver.findElement(By.linkText("Jordan Lee")).click();
    assertThat(browser.driver.getCurrentUrl()).endsWith("/portal/clients/1001");
    // Not the card saved for this client in the window's test: the same card is the same saved
    // card.
    browser.typeCard(MASTERCARD, EXPIRY, "123", "62701");
    browser.driver.findElement(By.id("add-nickname")).sendKeys("Mastercard for Jordan");
    click("add-consent");
    click("add-submit");
    browser.waiting(Duration.ofSeconds(20)).until(d -> text("message").contains("Card saved"));
    shot("representative-card-added");
    assertThat(cardRow("Mastercard for Jordan").getText()).contains("4444");
    browser.driver.findElement(By.id("pay-amount")).sendKeys("22.00");
    new org.openqa.selenium.support.ui.Select(browser.driver.findElement(By.id("pay-card")))
        .selectByVisibleText("Mastercard for Jordan");
    click("pay-submit");
    assertThat(flash()).contains("Payment Successful");
    shot("representative-paid");

    open("/portal/clients/1000");
    assertThat(text("problem")).isEqualTo("Not allowed");
    assertThat(browser.driver.getPageSource()).doesNotContain("Alex Rivera");
    shot("representative-denied-other-client");
  }

  @Test
  void aStrangerIsDenied() {
    signIn("stranger");
    assertThat(text("no-clients")).contains("do not act for any client");
    open("/portal/clients/1000");
    assertThat(text("problem")).isEqualTo("Not allowed");
    assertThat(browser.driver.getPageSource()).doesNotContain("Alex Rivera");
    shot("stranger-denied");
    open("/clients/1000");
    assertThat(browser.driver.getPageSource()).doesNotContain("alex.rivera@example.test");
  }

  // ------------------------------------------------------------------ the Champion

  @Test
  void theChampionSeesRolesAndGrantsTheElectronicPaymentsPermission() {
    try {
      signIn("chris");
      open("/champion");
      shot("champion");
      assertThat(browser.driver.findElement(By.id("staff")).getText())
          .contains("Dana Front Desk (dana) Front desk")
          .contains("Sam Reception (sam) Reception")
          .contains("Chris Champion (chris) Champion");
      new org.openqa.selenium.support.ui.Select(browser.driver.findElement(By.id("grant-role")))
          .selectByValue("Reception");
      new org.openqa.selenium.support.ui.Select(
              browser.driver.findElement(By.id("grant-permission")))
          .selectByValue("PROCESS_ELECTRONIC_PAYMENTS");
      click("grant-submit");
      browser.waiting(Duration.ofSeconds(20)).until(d -> text("message").contains("Granted"));
      assertThat(
              browser
                  .driver
                  .findElement(By.cssSelector("tr[data-role='Reception'] .permissions"))
                  .getText())
          .contains("PROCESS_ELECTRONIC_PAYMENTS");
      shot("permission-granted");

      signIn("sam");
      open("/new-payment?client=1000&origin=CLIENTS");
      assertThat(browser.driver.findElements(By.id("electronic"))).hasSize(1);
      shot("sam-sees-electronic");

      signIn("dana");
      open("/champion");
      assertThat(text("problem")).isEqualTo("Not allowed");
    } finally {
      Actor chris =
          Actor.staff(StaffId.of("s-chris"), Set.copyOf(roles.rolesOf(StaffId.of("s-chris"))));
      roles.revoke(chris, "Reception", Permission.PROCESS_ELECTRONIC_PAYMENTS);
    }
  }

  // ------------------------------------------------------------------ helpers

  private void signIn(String user) {
    WebDriver d = browser.driver;
    d.manage().deleteAllCookies();
    d.get(base() + "/login");
    d.findElement(By.id("username")).sendKeys(user);
    d.findElement(By.id("password")).sendKeys(SecurityConfiguration.DEMO_PASSWORD);
    d.findElement(By.cssSelector("button[type=submit]")).click();
    browser.waiting(Duration.ofSeconds(20)).until(w -> !w.getCurrentUrl().contains("/login"));
  }

  private void open(String path) {
    browser.driver.get(base() + path);
  }

  private String base() {
    return "http://localhost:" + port;
  }

  private static String reference() {
    return "REF-" + System.nanoTime() % 1_000_000 + "-" + REFERENCES.incrementAndGet();
  }

  private void fill(String reference, String amount, String note) {
    browser.driver.findElement(By.id("reference")).sendKeys(reference);
    browser.driver.findElement(By.id("amountReceived")).sendKeys(amount);
    if (!note.isEmpty()) {
      browser.driver.findElement(By.id("note")).sendKeys(note);
    }
  }

  private void click(String id) {
    browser
        .waiting(Duration.ofSeconds(20))
        .until(ExpectedConditions.elementToBeClickable(By.id(id)))
        .click();
  }

  private void visible(String id) {
    browser
        .waiting(Duration.ofSeconds(20))
        .until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
  }

  /** The portal's message or field errors after a form was sent. */
  private String flash() {
    try {
      return browser
          .waiting(Duration.ofSeconds(30))
          .until(
              d ->
                  d.findElements(By.cssSelector("#message, #errors")).stream()
                      .map(WebElement::getText)
                      .filter(t -> !t.isEmpty())
                      .findFirst()
                      .orElse(null));
    } catch (RuntimeException e) {
      shot("no-message");
      throw e;
    }
  }

  private boolean visibleNow(String id) {
    return browser.driver.findElement(By.id(id)).isDisplayed();
  }

  private String text(String id) {
    return browser.driver.findElement(By.id(id)).getText();
  }

  private String value(String id) {
    String v = browser.driver.findElement(By.id(id)).getAttribute("value");
    return v == null ? "" : v;
  }

  private String outcomeTitle() {
    try {
      visible("outcome");
    } catch (RuntimeException e) {
      shot("no-outcome");
      throw e;
    }
    return text("outcome-title");
  }

  private WebElement active() {
    return browser.driver.switchTo().activeElement();
  }

  private WebElement tabTo(By target) {
    WebElement wanted = browser.driver.findElement(target);
    for (int i = 0; i < 60; i++) {
      if (active().equals(wanted)) {
        return wanted;
      }
      new Actions(browser.driver).sendKeys(Keys.TAB).perform();
    }
    throw new AssertionError("Tab never reached " + target);
  }

  private static boolean empty(String s) {
    return s == null || s.isEmpty();
  }

  private boolean leavingIsStopped() {
    Object prevented =
        ((JavascriptExecutor) browser.driver)
            .executeScript(
                "var e = new Event('beforeunload', {cancelable: true});"
                    + " window.dispatchEvent(e); return e.defaultPrevented;");
    return Boolean.TRUE.equals(prevented);
  }

  private void inNewTab(String path, Runnable check) {
    WebDriver d = browser.driver;
    String window = d.getWindowHandle();
    d.switchTo().newWindow(WindowType.TAB);
    try {
      d.get(base() + path);
      check.run();
    } finally {
      d.close();
      d.switchTo().window(window);
    }
  }

  private WebElement cardRow(String nickname) {
    return browser
        .waiting(Duration.ofSeconds(10))
        .until(
            d ->
                d.findElements(By.cssSelector("#cards tr.card-row")).stream()
                    .filter(r -> r.findElement(By.className("nickname")).getText().equals(nickname))
                    .findFirst()
                    .orElse(null));
  }

  private Payment payment(String reference) {
    List<Payment> found =
        payments.payments(Actor.system("test"), PaymentQuery.all().reference(reference));
    assertThat(found).as("payments with reference %s", reference).hasSize(1);
    return found.get(0);
  }

  private static List<ChargeRecord> chargesOf(Payment payment) {
    PaymentId id = payment.id();
    return EMULATOR.charges().stream()
        .filter(c -> id.value().equals(c.metadata().get("payment_id")))
        .toList();
  }

  private MimeMessage receivedFor(String reference) throws Exception {
    MAIL.waitForIncomingEmail(20_000, 1);
    for (MimeMessage m : MAIL.getReceivedMessages()) {
      if (GreenMailUtil.getWholeMessage(m).contains(reference)) {
        return m;
      }
    }
    throw new AssertionError("No receipt email mentions " + reference);
  }

  private void shot(String name) {
    step++;
    browser.screenshot(test + "-" + String.format("%02d", step) + "-" + name);
  }
}
