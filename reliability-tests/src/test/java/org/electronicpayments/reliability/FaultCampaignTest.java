package org.electronicpayments.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * G1–G4 under random faults and crashes, with the end-of-schedule checks of {@link
 * EndOfScheduleChecks}: {@value #DEFAULT_SCHEDULES} seeded schedules per backend in CI ({@code
 * -Dcampaign.schedules=100000} for a long local run; {@code -Dcampaign.seed=N} replays from seed
 * N). Every violation names the seed that found it.
 */
class FaultCampaignTest {

  static final int DEFAULT_SCHEDULES = 2000;

  /**
   * The network lane mostly waits (a stalled call holds its lane for the deadline), so it runs
   * several lanes, and shorter schedules, to stay within the CI budget. Not more: each lane is a
   * backend (emulator, proxy) and three host nodes with their worker threads, and with 64 lanes on
   * two cores the harness starved itself: a thread parked for the 1.5 s deadline woke up to a
   * second late, so calls overran G4 however the module behaved. With 16 lanes the slowest call
   * stays within a few hundred milliseconds of the deadline, and G4 is checked at deadline + 1 s as
   * in the other lanes ({@code -Dcampaign.networkLanes=N} to try another count).
   */
  static final int NETWORK_LANES = Integer.getInteger("campaign.networkLanes", 16);

  /** Schedules of the network lane without {@code -Dcampaign.schedules}: about a minute in CI. */
  static final int NETWORK_SCHEDULES = 1000;

  static final Schedule.Topology NETWORK_TOPOLOGY = new Schedule.Topology(3, true, 12);

  static int schedules() {
    return schedules(DEFAULT_SCHEDULES);
  }

  static int schedules(int byDefault) {
    String s = System.getProperty("campaign.schedules", "");
    return s.isBlank() ? byDefault : Integer.parseInt(s.trim());
  }

  static long firstSeed() {
    String s = System.getProperty("campaign.seed", "");
    return s.isBlank() ? System.nanoTime() : Long.parseLong(s.trim());
  }

  /**
   * Runs the schedules on {@code lanes} threads, each lane with its own backend (a schedule is
   * single-threaded and owns its store, clock and facade, so lanes share nothing).
   */
  static CampaignReport campaign(Supplier<CampaignBackend> backends, int lanes) {
    return campaign(backends, lanes, Schedule.Topology.ONE_NODE);
  }

  static CampaignReport campaign(
      Supplier<CampaignBackend> backends, int lanes, Schedule.Topology topology) {
    return campaign(backends, lanes, topology, DEFAULT_SCHEDULES);
  }

  static CampaignReport campaign(
      Supplier<CampaignBackend> backends,
      int lanes,
      Schedule.Topology topology,
      int defaultSchedules) {
    long first = firstSeed();
    int n = schedules(defaultSchedules);
    List<CampaignBackend> backendsPerLane = new ArrayList<>();
    for (int i = 0; i < lanes; i++) {
      backendsPerLane.add(backends.get());
    }
    CampaignReport report = new CampaignReport(backendsPerLane.get(0).name());
    java.util.Map<String, Long> statistics = new java.util.TreeMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(lanes);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int lane = 0; lane < lanes; lane++) {
        int l = lane;
        done.add(
            pool.submit(
                () -> {
                  for (int i = l; i < n; i += lanes) {
                    new Schedule(first + i, backendsPerLane.get(l), report, topology).run();
                  }
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } catch (InterruptedException | ExecutionException e) {
      throw new AssertionError("the campaign itself failed", e);
    } finally {
      pool.shutdownNow();
      backendsPerLane.forEach(
          b -> b.statistics().forEach((k, v) -> statistics.merge(k, v, Long::sum)));
      backendsPerLane.forEach(CampaignBackend::close);
    }
    System.out.println(
        report.summary()
            + "\n  first seed: "
            + first
            + ", lanes: "
            + lanes
            + ", nodes per schedule: "
            + topology.nodes()
            + (statistics.isEmpty() ? "" : "\n  " + statistics)
            + report.violationSummary());
    return report;
  }

  /** A real campaign (not the replay of one seed) must have crashed hosts and taken money. */
  static void assertCampaignExercisedItself(CampaignReport report) {
    if (schedules() >= 100) {
      assertThat(report.crashes.sum()).as("host crashes simulated").isPositive();
      assertThat(report.charges.sum()).as("charges taken").isPositive();
    }
  }

  @Test
  void fakeProcessorKeepsEveryPromiseUnderRandomFaultsAndCrashes() {
    CampaignReport report = campaign(FakeBackend::new, 1);

    assertThat(report.violations).isEmpty();
    assertThat(report.schedules.sum()).isEqualTo(schedules());
    assertCampaignExercisedItself(report);
  }

  /**
   * The Stripe module with its default settings, three host nodes on one store (every other one on
   * the facade's worker-thread path), through a proxy that injects network faults the emulator
   * cannot: cuts at any byte of a request or an answer, resets, stalls, a body that stops arriving,
   * a kept-alive connection closed while idle. {@value #NETWORK_SCHEDULES} schedules unless {@code
   * -Dcampaign.schedules} says otherwise.
   */
  @Test
  void stripeModuleWithDefaultSettingsKeepsEveryPromiseUnderNetworkFaultsCrashesAndSeveralNodes() {
    CampaignReport report =
        campaign(NetworkFaultBackend::new, NETWORK_LANES, NETWORK_TOPOLOGY, NETWORK_SCHEDULES);

    assertThat(report.violations).isEmpty();
    assertThat(report.schedules.sum()).isEqualTo(schedules(NETWORK_SCHEDULES));
    assertCampaignExercisedItself(report);
  }

  @Test
  void stripeModuleOnTheEmulatorKeepsEveryPromiseUnderRandomFaultsAndCrashes() {
    CampaignReport report = campaign(EmulatorBackend::new, 8);

    assertThat(report.violations).isEmpty();
    assertThat(report.schedules.sum()).isEqualTo(schedules());
    assertCampaignExercisedItself(report);
  }
}
