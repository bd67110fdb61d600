package org.electronicpayments.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import com.stripe.Stripe;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.electronicpayments.PaymentFailure;
import org.electronicpayments.spi.CardUse;
import org.electronicpayments.spi.ChargeOutcome;
import org.electronicpayments.spi.ChargeRequest;
import org.electronicpayments.testkit.stripe.FaultRule;
import org.electronicpayments.testkit.stripe.StripeEmulator;
import org.electronicpayments.testkit.stripe.StripeEmulatorExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every fault the emulator injects, on the request it hurts most. Each test proves the payment is
 * charged exactly once or not at all (emulator ledger), that an unknown outcome is never reported
 * as a decline, and that {@code resolve} settles it.
 */
@ExtendWith(StripeEmulatorExtension.class)
class StripeFaultTest {

  static final String CREATE = "POST /v1/payment_intents";
  static final String CONFIRM = "POST /v1/payment_intents/*/confirm";

  final StripeEmulator emulator;
  StripePaymentProcessor stripe;

  StripeFaultTest(StripeEmulator emulator) {
    this.emulator = emulator;
  }

  @BeforeEach
  void reset() {
    stripe = Fixtures.processor(emulator);
  }

  String prepared(ChargeRequest r) {
    return ((ChargeOutcome.Prepared) stripe.prepare(r)).processorReference();
  }

  @Test
  @DisplayName(
      "Confirm committed, then the connection dropped: unknown, and resolve finds it charged once")
  void dropAfterCommitOnConfirm() {
    ChargeRequest r = Fixtures.charge("pm_card_visa", CardUse.ONE_TIME, null);
    String pi = prepared(r);
    emulator
        .faults()
        .onNext(CONFIRM)
        .commitThenDrop(); // once: the module's client, unlike HttpURLConnection, does not re-send

    ChargeOutcome confirmed = stripe.confirm(r, pi);

    assertThat(confirmed).isInstanceOf(ChargeOutcome.Unknown.class);
    assertThat(emulator.succeededCharges()).hasSize(1);
    assertThat(stripe.resolve(r, pi)).isInstanceOf(ChargeOutcome.Charged.class);
    assertThat(stripe.confirm(r, pi)).isInstanceOf(ChargeOutcome.Charged.class); // the key replays
    assertThat(emulator.succeededCharges()).hasSize(1);
    assertThat(emulator.requests("POST /v1/payment_intents/*/cancel")).isEmpty();
  }

  @Test
  @DisplayName(
      "Create dropped before it ran: unknown without a reference; resolve re-issues it and cancels")
  void dropOnCreate() {
    ChargeRequest r = Fixtures.charge("pm_card_visa", CardUse.ONE_TIME, null);
    emulator.faults().onNext(CREATE).drop();

    ChargeOutcome outcome = stripe.prepare(r);

    assertThat(outcome).isInstanceOf(ChargeOutcome.Unknown.class);
    assertThat(outcome.processorReference()).isNull();
    ChargeOutcome settled = stripe.resolve(r, null);
    assertThat(settled).isInstanceOf(ChargeOutcome.Declined.class);
    assertThat(((ChargeOutcome.Declined) settled).failure().kind())
        .isEqualTo(PaymentFailure.Kind.CANCELLED);
    assertThat(emulator.charges()).isEmpty();
  }

  @Test
  @DisplayName(
      "Create committed, then dropped: resolve re-issues it with its key and gets the same PaymentIntent")
  void commitThenDropOnCreate() {
    ChargeRequest r = Fixtures.charge("pm_card_visa", CardUse.ONE_TIME, null);
    emulator.faults().onNext(CREATE).commitThenDrop();

    assertThat(stripe.prepare(r)).isInstanceOf(ChargeOutcome.Unknown.class);
    ChargeOutcome settled = stripe.resolve(r, null);

    assertThat(settled).isInstanceOf(ChargeOutcome.Declined.class);
    assertThat(emulator.requests(CREATE).stream().filter(q -> q.executed()).count()).isEqualTo(1);
    assertThat(emulator.charges()).isEmpty();
  }

  @Test
  @DisplayName(
      "500 with Stripe-Should-Retry: false on confirm: unknown, not declined; resolve cancels, nothing charged")
  void serverErrorWithoutRetry() {
    ChargeRequest r = Fixtures.charge("pm_card_visa", CardUse.ONE_TIME, null);
    String pi = prepared(r);
    emulator.faults().onNext(CONFIRM).fail(500, false);

    ChargeOutcome confirmed = stripe.confirm(r, pi);

    assertThat(confirmed).isInstanceOf(ChargeOutcome.Unknown.class);
    assertThat(emulator.requests(CONFIRM)).hasSize(1);
    ChargeOutcome settled = stripe.resolve(r, pi);
    assertThat(((ChargeOutcome.Declined) settled).failure().kind())
        .isEqualTo(PaymentFailure.Kind.CANCELLED);
    assertThat(emulator.charges()).isEmpty();
  }

  @Test
  @DisplayName(
      "A retryable 503 on confirm is retried by stripe-java with the same key and charges once")
  void retryableServerErrorIsRetriedOnce() {
    ChargeRequest r = Fixtures.charge("pm_card_visa", CardUse.ONE_TIME, null);
    String pi = prepared(r);
    emulator.faults().onNext(CONFIRM).fail(503);

    assertThat(stripe.confirm(r, pi)).isInstanceOf(ChargeOutcome.Charged.class);
    assertThat(emulator.requests(CONFIRM))
        .extracting(q -> q.idempotencyKey())
        .containsOnly(r.idempotencyKey() + "-confirm");
    assertThat(emulator.succeededCharges()).hasSize(1);
  }

  @Test
  @DisplayName(
      "409 idempotency_key_in_use while the first confirm runs: unknown for the second, one charge")
  void idempotencyKeyInUse() throws Exception {
    ChargeRequest r = Fixtures.charge("pm_card_visa", CardUse.ONE_TIME, null);
    String pi = prepared(r);
    FaultRule slow = emulator.faults().onNext(CONFIRM).delay(Duration.ofMillis(1500));
    CompletableFuture<ChargeOutcome> first =
        CompletableFuture.supplyAsync(() -> stripe.confirm(r, pi));
    assertThat(slow.awaitHolding(Duration.ofSeconds(10)))
        .as("the first confirm holds its key")
        .isTrue();

    ChargeOutcome second = stripe.confirm(r, pi);

    // the first was delayed holding the key and charged; the second collided with it (409) and is
    // unknown
    assertThat(second).isInstanceOf(ChargeOutcome.Unknown.class);
    assertThat(first.get()).isInstanceOf(ChargeOutcome.Charged.class);
    assertThat(emulator.requests(CONFIRM)).anySatisfy(q -> assertThat(q.status()).isEqualTo(409));
    assertThat(stripe.resolve(r, pi)).isInstanceOf(ChargeOutcome.Charged.class);
    assertThat(emulator.succeededCharges()).hasSize(1);
  }

  @Test
  @DisplayName("429 on confirm: unknown, never declined; resolve cancels and nothing is charged")
  void rateLimited() {
    ChargeRequest r = Fixtures.charge("pm_card_visa", CardUse.ONE_TIME, null);
    String pi = prepared(r);
    emulator.faults().onNext(CONFIRM).fail(429);

    assertThat(stripe.confirm(r, pi)).isInstanceOf(ChargeOutcome.Unknown.class);
    assertThat(stripe.resolve(r, pi)).isInstanceOf(ChargeOutcome.Declined.class);
    assertThat(emulator.charges()).isEmpty();
  }

  @Test
  @DisplayName(
      "Confirm hangs past the deadline: unknown within the deadline plus one second; nothing charged")
  void hangPastTheDeadline() {
    ChargeRequest r = Fixtures.charge("pm_card_visa", CardUse.ONE_TIME, null);
    String pi = prepared(r);
    emulator.faults().onEvery(CONFIRM).hang(Duration.ofSeconds(20));
    Duration deadline = Duration.ofMillis(1500);
    ChargeRequest hurried = Fixtures.withDeadline(r, deadline);

    long start = System.nanoTime();
    ChargeOutcome confirmed = stripe.confirm(hurried, pi);
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(confirmed).isInstanceOf(ChargeOutcome.Unknown.class);
    assertThat(took).isLessThan(deadline.plusSeconds(1));
    emulator.faults().clear();
    assertThat(stripe.resolve(r, pi)).isInstanceOf(ChargeOutcome.Declined.class);
    assertThat(emulator.charges()).isEmpty();
  }

  @Test
  @DisplayName(
      "Work stripe-java does before a try (building its user agent) counts against the deadline, not on top of it")
  void workBeforeATryCountsAgainstTheDeadline() throws ReflectiveOperationException {
    ChargeRequest r = Fixtures.charge("pm_card_visa", CardUse.ONE_TIME, null);
    String pi = prepared(r);
    emulator.faults().onEvery(CONFIRM).hang(Duration.ofSeconds(20));
    Duration deadline = Duration.ofMillis(1500);
    SlowAppInfo slow = new SlowAppInfo(deadline.multipliedBy(2).dividedBy(5));
    Map<String, String> saved = Stripe.getAppInfo();
    Field appInfo = Stripe.class.getDeclaredField("appInfo");
    appInfo.setAccessible(true);
    appInfo.set(null, slow);
    Duration took;
    ChargeOutcome confirmed;
    try {
      ChargeRequest hurried = Fixtures.withDeadline(r, deadline);
      long start = System.nanoTime();
      confirmed = stripe.confirm(hurried, pi);
      took = Duration.ofNanos(System.nanoTime() - start);
    } finally {
      appInfo.set(null, saved);
    }

    assertThat(slow.reads).as("the user agent was built before the try").isPositive();
    assertThat(confirmed).isInstanceOf(ChargeOutcome.Unknown.class);
    assertThat(took).isLessThan(deadline.plusMillis(400));
    emulator.faults().clear();
    assertThat(stripe.resolve(Fixtures.withDeadline(r, Fixtures.DEADLINE), pi))
        .isInstanceOf(ChargeOutcome.Declined.class);
    assertThat(emulator.charges()).isEmpty();
  }

  @Test
  @DisplayName(
      "Every request carries stripe-java's client user agent, which follows a change of Stripe's app info")
  void clientUserAgentFollowsTheAppInfo() {
    Map<String, String> saved = Stripe.getAppInfo();
    try {
      Fixtures.customer(stripe);
      Stripe.setAppInfo("FrontDesk", "4.2");
      Fixtures.customer(stripe);
    } finally {
      try {
        Field appInfo = Stripe.class.getDeclaredField("appInfo");
        appInfo.setAccessible(true);
        appInfo.set(null, saved);
      } catch (ReflectiveOperationException e) {
        throw new AssertionError(e);
      }
    }

    List<String> sent =
        emulator.requests("POST /v1/customers").stream()
            .map(q -> q.headers().get("x-stripe-client-user-agent"))
            .toList();
    assertThat(sent).hasSize(2).allSatisfy(ua -> assertThat(ua).contains("\"bindings.version\""));
    assertThat(sent.get(0)).doesNotContain("FrontDesk");
    assertThat(sent.get(1)).contains("FrontDesk");
  }

  /** App info whose name takes a while to read, as stripe-java reads it for each request. */
  static final class SlowAppInfo extends HashMap<String, String> {
    private static final long serialVersionUID = 1L;
    private final transient Duration pause;
    volatile int reads;

    SlowAppInfo(Duration pause) {
      this.pause = pause;
      put("name", "SlowHost");
    }

    @Override
    public String get(Object key) {
      if ("name".equals(key)) {
        reads++;
        try {
          Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return super.get(key);
    }
  }

  @Test
  @DisplayName(
      "The operation deadline of the builder bounds a hang when the caller's deadline is later")
  void builderDeadlineBoundsAHang() {
    StripePaymentProcessor quick =
        Fixtures.builder(emulator).deadline(Duration.ofMillis(1200)).build();
    Fixtures.customer(quick); // warm: the JVM's first stripe-java call loads classes for a while
    ChargeRequest r = Fixtures.charge("pm_card_visa", CardUse.ONE_TIME, null);
    emulator.faults().onEvery(CREATE).hang(Duration.ofSeconds(20));

    long start = System.nanoTime();
    ChargeOutcome outcome = quick.prepare(r);

    assertThat(outcome).isInstanceOf(ChargeOutcome.Unknown.class);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2200));
    assertThat(emulator.charges()).isEmpty();
  }

  @Test
  @DisplayName(
      "A delay longer than the read timeout: the charge lands while the client gave up; resolve finds it once")
  void delayPastTheReadTimeout() {
    ChargeRequest r = Fixtures.charge("pm_card_visa", CardUse.ONE_TIME, null);
    String pi = prepared(r);
    emulator.faults().onNext(CONFIRM).delay(Duration.ofMillis(2500));

    ChargeOutcome confirmed = stripe.confirm(r, pi);

    assertThat(confirmed).isNotInstanceOf(ChargeOutcome.Declined.class);
    await(() -> !emulator.succeededCharges().isEmpty());
    assertThat(stripe.resolve(r, pi)).isInstanceOf(ChargeOutcome.Charged.class);
    assertThat(emulator.succeededCharges()).hasSize(1);
  }

  @Test
  @DisplayName(
      "The request after a response is dropped: the confirm is re-sent with its key and charges once")
  void respondThenDropNext() {
    ChargeRequest r = Fixtures.charge("pm_card_visa", CardUse.ONE_TIME, null);
    emulator.faults().onNext(CREATE).respondThenDropNext();
    String pi = prepared(r);

    ChargeOutcome confirmed = stripe.confirm(r, pi);

    if (confirmed instanceof ChargeOutcome.Unknown) {
      confirmed = stripe.resolve(r, pi);
    }
    assertThat(confirmed)
        .isInstanceOfAny(ChargeOutcome.Charged.class, ChargeOutcome.Declined.class);
    assertThat(emulator.succeededCharges()).hasSizeLessThanOrEqualTo(1);
    assertThat(emulator.succeededCharges().size() == 1)
        .isEqualTo(confirmed instanceof ChargeOutcome.Charged);
  }

  @Test
  @DisplayName(
      "A 3-D Secure charge the client completed is found charged although Stripe closed the kept-alive connection while idle")
  void completedAuthenticationIsFoundOverAConnectionClosedWhileIdle() {
    ChargeRequest r = Fixtures.charge("pm_card_authenticationRequired", CardUse.ONE_TIME, null);
    String pi = prepared(r);
    emulator.faults().onNext(CONFIRM).respondThenDropNext(); // the connection ends after it
    assertThat(stripe.confirm(r, pi)).isInstanceOf(ChargeOutcome.ActionRequired.class);
    emulator.completeAuthentication(pi);

    ChargeOutcome found = stripe.resolve(r, pi);

    assertThat(found).isInstanceOf(ChargeOutcome.Charged.class);
    assertThat(emulator.requests("GET /v1/payment_intents/*"))
        .extracting(q -> q.dropped())
        .containsExactly(true, false); // read once more, on a new connection
    assertThat(emulator.succeededCharges()).hasSize(1);
  }

  @Test
  @DisplayName(
      "A POST on a kept-alive connection closed while idle is not sent again: unknown, and resolve settles it")
  void postOnAConnectionClosedWhileIdleIsNotSentAgain() {
    ChargeRequest r = Fixtures.charge("pm_card_visa", CardUse.ONE_TIME, null);
    emulator.faults().onNext(CREATE).respondThenDropNext();
    String pi = prepared(r);

    assertThat(stripe.confirm(r, pi)).isInstanceOf(ChargeOutcome.Unknown.class);
    assertThat(emulator.requests(CONFIRM)).hasSize(1);
    assertThat(emulator.charges()).isEmpty();
    assertThat(stripe.resolve(r, pi)).isInstanceOf(ChargeOutcome.Declined.class);
    assertThat(emulator.charges()).isEmpty();
  }

  private static void await(java.util.function.BooleanSupplier condition) {
    long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (!condition.getAsBoolean() && System.nanoTime() < end) {
      Thread.onSpinWait();
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
