package org.camelkmp.benchmarks.scale;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The arithmetic of missed and late polls, on made-up completion times. */
class PollLogTest {
  private static final long P = 1_000_000_000L;
  private static final long WINDOW = 10 * P;
  private static final long OPEN = 1_000 * P;

  private static PollLog log(int meters) {
    PollLog log = new PollLog(meters, P, 32);
    log.open(OPEN, WINDOW + 2 * P);
    return log;
  }

  /**
   * Completions at {@code phase} + k periods after the opening, for k in 0..11 but {@code skip}.
   */
  private static void polls(PollLog log, int meter, long phase, int... skip) {
    for (int k = 0; k < 12; k++) {
      final int slot = k;
      if (Arrays.stream(skip).noneMatch(s -> s == slot)) {
        log.completed(meter, OPEN + phase + k * P);
      }
    }
  }

  @Test
  void pollsEveryPeriodAreAllThereAndNoneLate() {
    PollLog log = log(1);
    polls(log, 0, 300_000_000L);

    PollLog.Stats stats = log.stats(WINDOW);

    assertThat(stats.expected()).isEqualTo(10);
    assertThat(stats.completed()).isEqualTo(10);
    assertThat(stats.missed()).isZero();
    assertThat(stats.late()).isZero();
    assertThat(stats.maxIntervalNanos()).isEqualTo(P);
    assertThat(stats.recorded()).isEqualTo(12);
  }

  @Test
  void jitterAroundTheSpanOpeningIsNotAMiss() {
    PollLog log = log(2);
    for (int k = 0; k < 12; k++) {
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
    polls(log, 0, P + 2_000_000L);

    PollLog.Stats stats = log.stats(WINDOW);

    assertThat(stats.missed()).isZero();
    assertThat(stats.late()).isZero();
  }

  @Test
  void aSkippedPollIsMissedAndTheNextOneLate() {
    PollLog log = log(1);
    polls(log, 0, 500_000_000L, 4);

    PollLog.Stats stats = log.stats(WINDOW);

    assertThat(stats.missed()).isEqualTo(1);
    assertThat(stats.late()).isEqualTo(1);
    assertThat(stats.maxIntervalNanos()).isEqualTo(2 * P);
  }

  @Test
  void aPollMissedRightAfterTheFirstStillShows() {
    PollLog log = log(1);
    polls(log, 0, 300_000_000L, 1);

    PollLog.Stats stats = log.stats(WINDOW);

    assertThat(stats.missed()).isEqualTo(1);
    assertThat(stats.late()).isEqualTo(1);
  }

  @Test
  void aMeterThatStallsAtTheStartIsCountedFromTheOpening() {
    PollLog log = log(1);
    polls(log, 0, 200_000_000L, 0, 1, 2);

    PollLog.Stats stats = log.stats(WINDOW);

    // slots 1.2 P and 2.2 P fall in the window from 0.5 P and were missed; the wait was late
    assertThat(stats.missed()).isEqualTo(2);
    assertThat(stats.late()).isEqualTo(1);
  }

  @Test
  void aSilentMeterMissesEveryPollAndCompletionsOutsideTheSpanAreIgnored() {
    PollLog log = log(2);
    log.completed(1, OPEN - 1);
    log.completed(1, OPEN + WINDOW + 2 * P);

    PollLog.Stats stats = log.stats(WINDOW);

    assertThat(stats.silentMeters()).isEqualTo(2);
    assertThat(stats.missed()).isEqualTo(20);
    assertThat(stats.recorded()).isZero();
  }
}
