package org.electronicpayments.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * G5 and G7 over the whole suite: runs after every other class of this module (campaigns,
 * concurrency, hostile input) and reads everything they logged, at debug level: no secret key,
 * webhook secret, client secret, card number or note text may appear.
 */
@Order(Integer.MAX_VALUE)
class LogHygieneTest {

  private static final Pattern DIGIT_RUN = Pattern.compile("\\d(?:[ -]?\\d){12,18}");
  private static final String[] FORBIDDEN = {
    "sk_test_campaign",
    "sk_test_corpus",
    "sk_test_51Hsecret",
    HostileWorld.WEBHOOK_SECRET,
    "_secret_",
    "DOS 90837"
  };

  @Test
  void nothingTheSuiteLoggedHoldsASecretACardNumberOrANote() throws IOException {
    Path log = Path.of(System.getProperty("reliability.log", "target/reliability-tests.log"));
    assertThat(log).as("the suite's log file").exists();
    List<String> offending = new ArrayList<>();
    long lines;
    try (Stream<String> all = Files.lines(log, StandardCharsets.UTF_8)) {
      lines =
          all.peek(
                  line -> {
                    for (String secret : FORBIDDEN) {
                      if (line.contains(secret)) {
                        offending.add("contains " + secret + ": " + line);
                      }
                    }
                    Matcher m = DIGIT_RUN.matcher(line);
                    while (m.find()) {
                      String digits = m.group().replaceAll("[ -]", "");
                      if (luhn(digits)) {
                        offending.add("card-like number " + digits.substring(0, 4) + "…: " + line);
                      }
                    }
                  })
              .count();
    }
    System.out.println("log hygiene: " + lines + " lines read, " + offending.size() + " offending");
    assertThat(lines).as("lines logged by the suite").isPositive();
    assertThat(offending).isEmpty();
  }

  static boolean luhn(String digits) {
    int sum = 0;
    boolean dbl = false;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int d = digits.charAt(i) - '0';
      if (dbl) {
        d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      }
      sum += d;
      dbl = !dbl;
    }
    return sum % 10 == 0;
  }
}
