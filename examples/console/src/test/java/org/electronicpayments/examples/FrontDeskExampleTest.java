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
  void playsEveryStepOfTheHelpArticle(
      String mode, @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    java.nio.file.Path ledger = dir.resolve("payments");
    try (Backend backend = Backend.start(mode, out, ledger)) {
      new FrontDeskExample(backend.payments(), out, "first").play();
    }
    try (Backend backend = Backend.start(mode, out, ledger)) {
      new FrontDeskExample(backend.payments(), out, "test").play();
    }
    String printed = bytes.toString(StandardCharsets.UTF_8);

    assertThat(printed)
        .contains("saved card: Visa 1000 (Visa •••• 4242")
        .contains("✘ not charged: The card has insufficient funds.")
        .contains("✔ $20.00 approved")
        .contains("(Mastercard •••• 4444)")
        .contains("unsaved before saving: 5")
        .contains("unsaved after saving: 0")
        .contains("PAYMENT RECEIPT")
        .contains("Paid with:    Cash")
        .contains("sent to pat@example.org")
        .doesNotContain("DOS 90837");
    assertThat(printed.lines().filter(l -> l.contains("POSTED") && l.contains("test-")))
        .hasSize(5 + 5);
    assertThat(printed)
        .as("the second run sees the first run's payments in an H2 ledger, not in memory")
        .contains("(the ledger holds 5 payments from every run so far)")
        .contains(
            mode.equals("fake")
                ? "(the ledger holds 5 payments"
                : "(the ledger holds 10 payments from every run so far)");
  }
}
