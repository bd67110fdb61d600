package org.electronicpayments.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * G1–G4 under random faults and crashes: {@value #DEFAULT_SCHEDULES} seeded schedules per
 * backend in CI ({@code -Dcampaign.schedules=100000} for a long local run; {@code
 * -Dcampaign.seed=N} replays from seed N). Every violation names the seed that found it.
 */
class FaultCampaignTest {

  static final int DEFAULT_SCHEDULES = 2000;

  static int schedules() {
    String s = System.getProperty("campaign.schedules", "");
    return s.isBlank() ? DEFAULT_SCHEDULES : Integer.parseInt(s.trim());
  }

  static long firstSeed() {
    String s = System.getProperty("campaign.seed", "");
    return s.isBlank() ? System.nanoTime() : Long.parseLong(s.trim());
  }

  static CampaignReport campaign(Supplier<CampaignBackend> backends) {
    long first = firstSeed();
    int n = schedules();
    try (CampaignBackend backend = backends.get()) {
      CampaignReport report = new CampaignReport(backend.name());
      for (int i = 0; i < n; i++) {
        new Schedule(first + i, backend, report).run();
      }
      System.out.println(report.summary() + "\n  first seed: " + first);
      return report;
    }
  }

  @Test
  void fakeProcessorKeepsEveryPromiseUnderRandomFaultsAndCrashes() {
    CampaignReport report = campaign(FakeBackend::new);

    assertThat(report.violations).isEmpty();
    assertThat(report.schedules.sum()).isEqualTo(schedules());
    assertThat(report.crashes.sum()).isPositive();
    assertThat(report.charges.sum()).isPositive();
  }

  @Test
  void stripeModuleOnTheEmulatorKeepsEveryPromiseUnderRandomFaultsAndCrashes() {
    CampaignReport report = campaign(EmulatorBackend::new);

    assertThat(report.violations).isEmpty();
    assertThat(report.schedules.sum()).isEqualTo(schedules());
    assertThat(report.crashes.sum()).isPositive();
    assertThat(report.charges.sum()).isPositive();
  }
}
