package org.electronicpayments.testkit.stripe;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/**
 * The faults to inject, by endpoint pattern and call number. A pattern is a method and a path where
 * {@code *} stands for one path segment and {@code **} for the rest of the path: {@code "POST
 * /v1/payment_intents/*\/confirm"}, {@code "GET /v1/**"}, or {@code "* /v1/**"} for any method.
 * Calls are counted from the moment a rule is added. When several rules are due on one call, the
 * first added applies; the others stay due.
 *
 * <pre>{@code
 * emulator.faults().onNext("POST /v1/payment_intents/*\/confirm").times(2).commitThenDrop();
 * emulator.faults().onCall("POST /v1/refunds", 3).fail(500, false);
 * }</pre>
 */
public final class Faults {

  private final CopyOnWriteArrayList<FaultRule> rules = new CopyOnWriteArrayList<>();
  private volatile int dropNext;

  Faults() {}

  /** A fault for the next call matching the pattern. */
  public FaultRuleBuilder onNext(String pattern) {
    return new FaultRuleBuilder(this, checked(pattern), 0, 1);
  }

  /**
   * A fault for the {@code callNumber}-th call matching the pattern from now on.
   *
   * @param callNumber 1 for the next call, 2 for the one after…
   */
  public FaultRuleBuilder onCall(String pattern, int callNumber) {
    if (callNumber < 1) {
      throw new IllegalArgumentException("callNumber must be at least 1, was " + callNumber);
    }
    return new FaultRuleBuilder(this, checked(pattern), callNumber - 1, 1);
  }

  /** A fault for every call matching the pattern, until cleared or cancelled. */
  public FaultRuleBuilder onEvery(String pattern) {
    return new FaultRuleBuilder(this, checked(pattern), 0, Integer.MAX_VALUE);
  }

  /** The rules added since the last {@link #clear()}, used up or not. */
  public List<FaultRule> rules() {
    return List.copyOf(rules);
  }

  /** Removes every rule, and a pending "drop the next request". */
  public synchronized void clear() {
    rules.clear();
    dropNext = 0;
  }

  void add(FaultRule rule) {
    rules.add(rule);
  }

  /** The fault to apply to a call, if any; a pending "drop next" comes first. */
  @Nullable FaultRule apply(String method, String path) {
    if (dropNext == 0 && rules.isEmpty()) {
      return null;
    }
    synchronized (this) {
      return applyLocked(method, path);
    }
  }

  @SuppressWarnings("NonAtomicVolatileUpdate") // runs under this object's lock, as every write does
  private @Nullable FaultRule applyLocked(String method, String path) {
    if (dropNext > 0) {
      dropNext--;
      return new FaultRule(
          "(next request)", FaultKind.DROP, 0, 1, java.time.Duration.ZERO, 0, null);
    }
    FaultRule chosen = null;
    for (FaultRule rule : rules) {
      if (matches(rule.pattern(), method, path) && rule.countCall() && chosen == null) {
        chosen = rule;
      }
    }
    if (chosen != null) {
      chosen.consume();
    }
    return chosen;
  }

  synchronized void dropNextRequest() {
    dropNext++;
  }

  /** Whether a {@code METHOD /path} pattern matches a call. */
  static boolean matches(String pattern, String method, String path) {
    int space = pattern.indexOf(' ');
    String methodPattern = space < 0 ? "*" : pattern.substring(0, space);
    String pathPattern = space < 0 ? pattern : pattern.substring(space + 1).trim();
    if (!methodPattern.equals("*") && !methodPattern.equalsIgnoreCase(method)) {
      return false;
    }
    String[] want = pathPattern.split("/", -1);
    String[] got = path.split("/", -1);
    for (int i = 0; i < want.length; i++) {
      if (want[i].equals("**")) {
        return true;
      }
      if (i >= got.length || !(want[i].equals("*") || want[i].equals(got[i]))) {
        return false;
      }
    }
    return want.length == got.length;
  }

  private static String checked(String pattern) {
    Objects.requireNonNull(pattern, "pattern");
    if (!pattern.contains("/")) {
      throw new IllegalArgumentException(
          "pattern must be like \"POST /v1/payment_intents\", was " + pattern);
    }
    return pattern;
  }
}
