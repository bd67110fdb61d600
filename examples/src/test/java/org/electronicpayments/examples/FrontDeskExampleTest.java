package org.electronicpayments.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FrontDeskExampleTest {

  @ParameterizedTest
  @ValueSource(strings = {"emulator", "fake"})
  void playsEveryStepOfTheHelpArticle(String mode) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    try (Backend backend = Backend.start(mode, out)) {
      new FrontDeskExample(backend.payments(), out, "test").play();
    }
    String printed = bytes.toString(StandardCharsets.UTF_8);

    assertThat(printed)
        .contains("saved card: Visa 1000 (Visa •••• 4242")
        .contains("✘ not charged: The card has insufficient funds.")
        .contains("✔ $20.00 approved").contains("(Mastercard •••• 4444)")
        .contains("unposted before saving: 5").contains("unposted after saving: 0")
        .contains("PAYMENT RECEIPT").contains("Paid with:    Cash")
        .contains("sent to pat@example.org")
        .doesNotContain("DOS 90837");
    assertThat(printed.lines().filter(l -> l.contains("POSTED") && l.contains("test-"))).hasSize(5 + 5);
  }
}
