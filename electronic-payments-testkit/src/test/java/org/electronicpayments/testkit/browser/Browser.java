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
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * One headless Chromium driven by Selenium, for a whole test class. Uses the system's
 * {@code chromium} and {@code chromedriver} (Debian's packages; {@code .ci/chromium.sh} installs
 * them). Without them the tests are skipped with a message, except when the environment variable
 * {@code CI} is set: there a missing browser is a failure.
 */
final class Browser implements AutoCloseable {

  private static final List<String> BROWSERS = List.of("/usr/bin/chromium",
      "/usr/bin/chromium-browser", "/usr/bin/google-chrome");
  private static final List<String> DRIVERS = List.of("/usr/bin/chromedriver",
      "/usr/lib/chromium/chromedriver");
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  final ChromeDriver driver;
  private final Path profile;

  private Browser(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  /** Starts the browser, or skips the calling test class when none is installed (outside CI). */
  static Browser startOrSkip() {
    Optional<String> browser = firstExisting(BROWSERS);
    Optional<String> driver = firstExisting(DRIVERS);
    if (browser.isEmpty() || driver.isEmpty()) {
      String why = "No headless browser: install Debian's chromium and chromium-driver"
          + " (bash .ci/chromium.sh) to run the Stripe.js browser tests.";
      if (System.getenv("CI") != null) {
        throw new IllegalStateException(why + " CI is set, so this is a failure, not a skip.");
      }
      Assumptions.abort(why);
    }
    try {
      Path profile = Files.createTempDirectory("ep-chromium-");
      ChromeOptions options = new ChromeOptions();
      options.setBinary(browser.get());
      options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu",
          "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
          "--disable-background-networking", "--disable-component-update", "--disable-sync",
          "--window-size=1024,768", "--user-data-dir=" + profile);
      ChromeDriverService service = new ChromeDriverService.Builder()
          .usingDriverExecutable(new File(driver.get())).usingAnyFreePort().build();
      ChromeDriver chrome = new ChromeDriver(service, options);
      chrome.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
      return new Browser(chrome, profile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Saves a screenshot of the page as {@code target/screenshots/<name>.png}. */
  Path screenshot(String name) {
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

  private static Optional<String> firstExisting(List<String> paths) {
    return paths.stream().filter(p -> new File(p).canExecute()).findFirst();
  }
}
