package org.electronicpayments.benchmarks;

import java.util.concurrent.ThreadLocalRandom;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** Payment references unique to one benchmark thread: a random prefix and a counter. */
@State(Scope.Thread)
public class References {

  private final String prefix =
      "bench " + Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36) + " ";
  private long next;

  /**
   * Makes a reference that no other payment of the run has.
   *
   * @return the reference
   */
  public String next() {
    return prefix + next++;
  }
}
