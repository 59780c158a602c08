package org.camelkmp.benchmarks.scale;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The arithmetic of missed and late polls, on made-up completion times. */
class PollLogTest {
  private static final long P = 1_000_000_000L;
  private static final long WINDOW = 10 * P;
  private static final long OPEN = 1_000 * P;

  private static PollLog log(int meters) {
    PollLog log = new PollLog(meters, P, 32);
    log.open(OPEN, WINDOW + P);
    return log;
  }

  @Test
  void pollsEveryPeriodAreAllThereAndNoneLate() {
    PollLog log = log(1);
    for (int k = 0; k < 11; k++) {
      log.completed(0, OPEN + 300_000_000L + k * P);
    }

    PollLog.Stats stats = log.stats(WINDOW);

    assertThat(stats.expected()).isEqualTo(10);
    assertThat(stats.completed()).isEqualTo(10);
    assertThat(stats.missed()).isZero();
    assertThat(stats.late()).isZero();
    assertThat(stats.maxIntervalNanos()).isEqualTo(P);
    assertThat(stats.recorded()).isEqualTo(11);
  }

  @Test
  void jitterAroundTheSpanOpeningIsNotAMiss() {
    PollLog log = log(2);
    for (int k = 0; k < 11; k++) {
      // meter 0 polls just after the opening, meter 1 just before it (so its first is 1 P later)
      log.completed(0, OPEN + 100_000L + k * P + (k % 2) * 3_000_000L);
      log.completed(1, OPEN - 100_000L + (k + 1) * P - (k % 2) * 3_000_000L);
    }

    PollLog.Stats stats = log.stats(WINDOW);

    assertThat(stats.missed()).isZero();
    assertThat(stats.late()).isZero();
    assertThat(stats.completed()).isEqualTo(20);
  }

  @Test
  void aFirstPollJustOverAPeriodAfterTheOpeningIsNotAStall() {
    PollLog log = log(1);
    for (int k = 0; k < 10; k++) {
      // scheduled just before the opening, so its first completion in the span is a period later
      log.completed(0, OPEN + P + 2_000_000L + k * P);
    }

    PollLog.Stats stats = log.stats(WINDOW);

    assertThat(stats.missed()).isZero();
    assertThat(stats.late()).isZero();
  }

  @Test
  void aSkippedPollIsMissedAndTheNextOneLate() {
    PollLog log = log(1);
    for (int k = 0; k < 11; k++) {
      if (k != 4) {
        log.completed(0, OPEN + 500_000_000L + k * P);
      }
    }

    PollLog.Stats stats = log.stats(WINDOW);

    assertThat(stats.missed()).isEqualTo(1);
    assertThat(stats.late()).isEqualTo(1);
    assertThat(stats.maxIntervalNanos()).isEqualTo(2 * P);
  }

  @Test
  void aMeterThatStallsAtTheStartIsCountedFromTheOpening() {
    PollLog log = log(1);
    for (int k = 3; k < 11; k++) {
      log.completed(0, OPEN + 200_000_000L + k * P);
    }

    PollLog.Stats stats = log.stats(WINDOW);

    assertThat(stats.missed()).isEqualTo(3);
    assertThat(stats.late()).isEqualTo(1);
  }

  @Test
  void aSilentMeterMissesEveryPollAndCompletionsOutsideTheSpanAreIgnored() {
    PollLog log = log(2);
    log.completed(1, OPEN - 1);
    log.completed(1, OPEN + WINDOW + P);

    PollLog.Stats stats = log.stats(WINDOW);

    assertThat(stats.silentMeters()).isEqualTo(2);
    assertThat(stats.missed()).isEqualTo(20);
    assertThat(stats.recorded()).isZero();
  }
}
