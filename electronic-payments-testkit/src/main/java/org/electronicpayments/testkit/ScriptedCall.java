package org.electronicpayments.testkit;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.electronicpayments.PaymentFailure;
import org.electronicpayments.testkit.FakePaymentProcessor.Operation;
import org.jspecify.annotations.Nullable;

/**
 * The next call (or calls) of one operation, being scripted: say how many with {@link #times(int)},
 * then what they do. Each finishing method adds the step and returns the script, to chain.
 *
 * <p>"Timeout" is what a processor implementation sees when its HTTP call times out: charge and
 * refund calls answer an unknown outcome ({@code ChargeOutcome.Unknown}, {@code
 * RefundOutcome.Unknown}); the other calls throw {@link ProcessorTimeoutException}.
 *
 * <pre>{@code
 * fake.script().onNext(Operation.CONFIRM).times(2).decline("card_declined", "insufficient_funds");
 * }</pre>
 */
public final class ScriptedCall {

  private static final Set<Operation> DECLINABLE =
      EnumSet.of(Operation.PREPARE, Operation.CONFIRM, Operation.REFUND);

  private final ProcessorScript script;
  private final Operation operation;
  private int times = 1;

  ScriptedCall(ProcessorScript script, Operation operation) {
    this.script = script;
    this.operation = operation;
  }

  /**
   * Makes the step last this many calls.
   *
   * @param calls how many calls, one or more
   * @return this call
   */
  public ScriptedCall times(int calls) {
    if (calls < 1) {
      throw new IllegalArgumentException("times must be at least 1, was " + calls);
    }
    this.times = calls;
    return this;
  }

  /**
   * The call succeeds whatever the card: for {@code PREPARE} and {@code CONFIRM} the card behaves
   * like {@code pm_card_visa} (a declining card attaches, a 3-D Secure card charges); other
   * operations run as usual.
   *
   * @return the script
   */
  public ProcessorScript succeed() {
    return add(Step.Action.SUCCEED, null, null);
  }

  /**
   * The call is declined with Stripe's message for a generic decline; only for {@code PREPARE},
   * {@code CONFIRM} and {@code REFUND}. The answer is stored under the call's key and replayed.
   *
   * @param code the processor's code, such as {@code card_declined}
   * @param declineCode the issuer's decline code, if any
   * @return the script
   */
  public ProcessorScript decline(String code, @Nullable String declineCode) {
    return decline(code, declineCode, null);
  }

  /**
   * The call is declined with the given codes and message.
   *
   * @param code the processor's code
   * @param declineCode the issuer's decline code, if any
   * @param message the processor's message, or {@code null} for {@code "Your card was declined."}
   * @return the script
   */
  public ProcessorScript decline(
      String code, @Nullable String declineCode, @Nullable String message) {
    Objects.requireNonNull(code, "code");
    if (!DECLINABLE.contains(operation)) {
      throw new IllegalArgumentException(
          operation + " cannot be declined; script PREPARE, CONFIRM or REFUND");
    }
    return add(Step.Action.DECLINE, Failures.scripted(code, declineCode, message), null);
  }

  /**
   * The call times out before reaching the processor: nothing happens, nothing is stored under its
   * key.
   *
   * @return the script
   */
  public ProcessorScript timeoutBeforeCharging() {
    return add(Step.Action.TIMEOUT_BEFORE, null, null);
  }

  /**
   * The processor does the work and stores its answer under the key (for {@code CONFIRM}: the money
   * is taken), then the caller's connection times out.
   *
   * @return the script
   */
  public ProcessorScript timeoutAfterCharging() {
    return add(Step.Action.TIMEOUT_AFTER, null, null);
  }

  /**
   * The call blocks until {@link FakePaymentProcessor#releaseHung()} (then it runs as usual), until
   * its thread is interrupted (then it ends as a timeout before charging, with the thread's
   * interrupt flag set) or, for {@code prepare}, {@code confirm} and {@code resolve}, until the
   * request's deadline (then it ends as a timeout before charging, as an HTTP read timeout would),
   * so a hung call never holds a thread for good.
   *
   * @return the script
   */
  public ProcessorScript hang() {
    return add(Step.Action.HANG, null, null);
  }

  /**
   * A {@code CONFIRM} leaves the charge processing: the caller gets an unknown outcome, and so does
   * {@code resolve}, until {@link FakePaymentProcessor#finishProcessing(String, boolean)}.
   *
   * @return the script
   */
  public ProcessorScript processing() {
    if (operation != Operation.CONFIRM) {
      throw new IllegalArgumentException(
          "only CONFIRM can leave a charge processing, not " + operation);
    }
    return add(Step.Action.PROCESSING, null, null);
  }

  /**
   * The call throws the given exception without doing anything, as a broken client might.
   *
   * @param exception what to throw
   * @return the script
   */
  public ProcessorScript fail(RuntimeException exception) {
    return add(Step.Action.FAIL, null, Objects.requireNonNull(exception, "exception"));
  }

  private ProcessorScript add(
      Step.Action action, @Nullable PaymentFailure failure, @Nullable RuntimeException exception) {
    return script.add(operation, new Step(action, failure, exception, times));
  }
}
