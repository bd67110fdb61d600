package org.electronicpayments.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** What a campaign did and found, summed over its schedules. */
final class CampaignReport {

  final String backend;
  final LongAdder schedules = new LongAdder();
  final LongAdder steps = new LongAdder();
  final LongAdder crashes = new LongAdder();
  final LongAdder payments = new LongAdder();
  final LongAdder charges = new LongAdder();
  final LongAdder refunds = new LongAdder();
  final LongAdder savedCards = new LongAdder();
  final LongAdder boundedCalls = new LongAdder();
  final ConcurrentHashMap<String, LongAdder> faults = new ConcurrentHashMap<>();
  final ConcurrentHashMap<String, LongAdder> actions = new ConcurrentHashMap<>();
  final List<String> violations = new ArrayList<>();
  volatile long slowestCallMillis;

  CampaignReport(String backend) {
    this.backend = backend;
  }

  void fault(String kind) {
    faults.computeIfAbsent(kind, k -> new LongAdder()).increment();
  }

  void action(String kind) {
    actions.computeIfAbsent(kind, k -> new LongAdder()).increment();
  }

  synchronized void violation(long seed, String what) {
    violations.add("seed " + seed + ": " + what);
  }

  synchronized void call(long millis) {
    boundedCalls.increment();
    slowestCallMillis = Math.max(slowestCallMillis, millis);
  }

  /**
   * The violations by kind (the words before the first colon), each with how many and a seed that
   * found it.
   */
  synchronized String violationSummary() {
    Map<String, List<String>> byKind = new TreeMap<>();
    for (String v : violations) {
      String what = v.substring(v.indexOf(": ") + 2);
      String kind = what.contains(":") ? what.substring(0, what.indexOf(':')) : what;
      byKind
          .computeIfAbsent(
              kind.length() > 60 ? kind.substring(0, 60) : kind, k -> new ArrayList<>())
          .add(v);
    }
    StringBuilder out = new StringBuilder();
    byKind.forEach(
        (kind, list) ->
            out.append("\n  violations ")
                .append(kind)
                .append(": ")
                .append(list.size())
                .append(", e.g. ")
                .append(list.get(0)));
    return out.toString();
  }

  String summary() {
    Map<String, Long> f = new TreeMap<>();
    faults.forEach((k, v) -> f.put(k, v.sum()));
    Map<String, Long> a = new TreeMap<>();
    actions.forEach((k, v) -> a.put(k, v.sum()));
    long totalFaults = f.values().stream().mapToLong(Long::longValue).sum();
    return String.format(
        "campaign[%s]: %d schedules, %d steps, %d payments, %d charges, %d refunds, %d saved cards, "
            + "%d crashes simulated, %d faults injected, %d bounded calls (slowest %d ms), %d violations%n  actions: %s%n"
            + "  faults: %s",
        backend,
        schedules.sum(),
        steps.sum(),
        payments.sum(),
        charges.sum(),
        refunds.sum(),
        savedCards.sum(),
        crashes.sum(),
        totalFaults,
        boundedCalls.sum(),
        slowestCallMillis,
        violations.size(),
        a,
        f);
  }
}
