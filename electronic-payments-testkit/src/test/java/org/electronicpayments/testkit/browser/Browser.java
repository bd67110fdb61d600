package org.electronicpayments.testkit.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium driven by Selenium, for a whole test class. Uses the system's {@code
 * chromium} and {@code chromedriver} (Debian's packages; {@code .ci/chromium.sh} installs them), or
 * those named by {@code -Dep.browser.binary=…} and {@code -Dep.browser.driver=…}. Without them the
 * tests are skipped with a message, except when the environment variable {@code CI} is set: there a
 * missing browser is a failure. Shared with the Stripe module's browser tests through this module's
 * test jar.
 */
public final class Browser implements AutoCloseable {

  private static final List<String> BROWSERS =
      List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");
  private static final List<String> DRIVERS =
      List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final String MISSING =
      "No headless browser: install Debian's chromium and"
          + " chromium-driver (bash .ci/chromium.sh) to run the Stripe.js browser tests.";

  /** The WebDriver of this browser. */
  public final ChromeDriver driver;

  private final Path profile;

  private Browser(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  /**
   * Starts the browser, if one is installed; in CI a missing browser is a failure.
   *
   * @return the running browser (close it after the class), or null when none is installed
   */
  public static @Nullable Browser startIfInstalled() {
    Optional<String> browser = firstExisting(candidates("ep.browser.binary", BROWSERS));
    Optional<String> driver = firstExisting(candidates("ep.browser.driver", DRIVERS));
    if (browser.isEmpty() || driver.isEmpty()) {
      if (System.getenv("CI") != null) {
        throw new IllegalStateException(MISSING + " CI is set, so this is a failure, not a skip.");
      }
      return null;
    }
    try {
      Path profile = Files.createTempDirectory("ep-chromium-");
      ChromeOptions options = new ChromeOptions();
      options.setBinary(browser.get());
      options.addArguments(
          "--headless=new",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-dev-shm-usage",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--window-size=1024,768",
          "--user-data-dir=" + profile);
      ChromeDriverService service =
          new ChromeDriverService.Builder()
              .usingDriverExecutable(new File(driver.get()))
              .usingAnyFreePort()
              .build();
      ChromeDriver chrome = new ChromeDriver(service, options);
      chrome.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
      return new Browser(chrome, profile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Skips the calling test, with a message saying what to install, when no browser started.
   *
   * @param browser what {@link #startIfInstalled()} returned
   */
  public static void require(@Nullable Browser browser) {
    Assumptions.assumeTrue(browser != null, MISSING);
  }

  /**
   * Types a card into the host page's card Element ({@code #card-element}), key by key.
   *
   * @param number the card number (spaces are skipped, the field formats it)
   * @param expiry {@code MMYY}
   * @param cvc the security code
   * @param postal the postal code, or empty to leave it blank
   */
  public void typeCard(String number, String expiry, String cvc, String postal) {
    WebElement root = driver.findElement(By.id("card-element"));
    root.findElement(By.name("cardnumber")).sendKeys(number.replace(" ", ""));
    root.findElement(By.name("exp-date")).sendKeys(expiry);
    root.findElement(By.name("cvc")).sendKeys(cvc);
    if (!postal.isEmpty()) {
      root.findElement(By.name("postal")).sendKeys(postal);
    }
  }

  /** Clicks the page's Pay button ({@code #submit}). */
  public void clickSubmit() {
    driver.findElement(By.id("submit")).click();
  }

  /**
   * Waits for the page's Stripe.js call to finish.
   *
   * @return the JSON the page wrote into {@code #result}
   */
  public String result() {
    try {
      waiting(Duration.ofSeconds(10))
          .until(d -> !d.findElement(By.id("result")).getText().isEmpty());
    } catch (RuntimeException e) {
      screenshot("no-result");
      throw e;
    }
    return driver.findElement(By.id("result")).getText();
  }

  /**
   * Waits for the 3-D Secure challenge and returns one of its buttons.
   *
   * @param label {@code Complete authentication} or {@code Fail authentication}
   * @return the button, clickable
   */
  public WebElement challengeButton(String label) {
    return waiting(Duration.ofSeconds(10))
        .until(
            ExpectedConditions.elementToBeClickable(
                By.xpath("//div[@role='dialog']//button[normalize-space()='" + label + "']")));
  }

  /**
   * A wait that polls often: the page answers in milliseconds, not in Selenium's default 500.
   *
   * @param timeout how long to wait at most
   * @return the wait
   */
  public WebDriverWait waiting(Duration timeout) {
    WebDriverWait wait = new WebDriverWait(driver, timeout);
    wait.pollingEvery(Duration.ofMillis(10));
    return wait;
  }

  /**
   * Saves a screenshot of the page.
   *
   * @param name the file's name without extension
   * @return {@code target/screenshots/<name>.png}
   */
  public Path screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path target = SCREENSHOTS.resolve(name + ".png");
      File shot = driver.getScreenshotAs(OutputType.FILE);
      Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
    try (Stream<Path> files = Files.walk(profile)) {
      files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    } catch (IOException e) {
      // a leftover temporary profile is harmless
    }
  }

  /** The path a system property names, if set; else the usual places. */
  private static List<String> candidates(String property, List<String> usual) {
    String chosen = System.getProperty(property);
    return chosen == null || chosen.isBlank() ? usual : List.of(chosen);
  }

  private static Optional<String> firstExisting(List<String> paths) {
    return paths.stream().filter(p -> new File(p).canExecute()).findFirst();
  }
}
