package org.electronicpayments.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * G5–G7 under hostile input: every case in {@link Corpus} gets its documented exception, the store
 * holds exactly what it held before, and the processor (the fake, or the Stripe emulator behind the
 * Stripe module) received no request.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputCorpusTest {

  private HostileWorld fake;
  private HostileWorld emulator;

  @BeforeAll
  void worlds() {
    fake = HostileWorld.overFake();
    emulator = HostileWorld.overEmulator();
  }

  @AfterAll
  void close() {
    fake.close();
    emulator.close();
  }

  Stream<Arguments> cases() {
    return Stream.of(fake, emulator)
        .flatMap(w -> Corpus.all().stream().map(c -> Arguments.of(w.name, c, w)));
  }

  @ParameterizedTest(name = "[{0}] {1}")
  @MethodSource("cases")
  void hostileInputIsRefusedAndLeavesNothingBehind(
      String world, Corpus.Case hostile, HostileWorld w) {
    List<Object> before = w.snapshot();
    int requests = w.processorRequests();

    Throwable thrown = catchThrowable(() -> hostile.attempt().accept(w));

    assertThat(thrown).as(hostile.name()).isInstanceOf(hostile.expected());
    assertThat(thrown.getMessage())
        .as("message of " + hostile.name())
        .doesNotContain("4242424242424242")
        .doesNotContain("5555555555554444")
        .doesNotContain("sk_test_")
        .doesNotContain("whsec_")
        .doesNotContain("_secret_");
    assertThat(w.snapshot()).as("store after " + hostile.name()).isEqualTo(before);
    assertThat(w.processorRequests())
        .as("processor requests after " + hostile.name())
        .isEqualTo(requests);
  }

  @Test
  void theCorpusHoldsAtLeastTwoHundredInputs() {
    System.out.println(
        "hostile-input corpus: " + Corpus.all().size() + " inputs per backend, 2 backends");
    assertThat(Corpus.all()).hasSizeGreaterThanOrEqualTo(200);
  }
}
