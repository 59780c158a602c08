package org.camelkmp.benchmarks.scale;

/**
 * When each meter's polls completed during a measurement span, and what that says about missed and
 * late polls. Thread-safe: any poll thread may record any meter.
 *
 * <p>The span opens at {@link #open(long, long)} and lasts a window plus two periods. Each meter's
 * first completion in the span is its anchor, not counted; its window of {@code window} nanoseconds
 * starts half a period after the anchor, so that the window's boundaries fall between scheduled
 * polls and jitter cannot move a poll across them, and a poll missed right after the anchor still
 * shows as a gap. A meter with no completion within 1.5 periods of the opening was stalled: its
 * anchor is the opening itself. In its window each meter should complete exactly window / period
 * polls; a <em>missed</em> poll is one short of that, a <em>late</em> poll one that completed more
 * than 1.5 periods after the meter's previous completion (or anchor).
 */
public final class PollLog {
  private final long periodNanos;
  private final long[][] times;
  private final int[] counts;
  private volatile long openedAt;
  private volatile long closesAt = Long.MIN_VALUE;
  private long overflow;

  /**
   * @param meters number of meters, indexed 0..meters-1
   * @param periodNanos the poll period
   * @param capacity completions kept per meter
   */
  public PollLog(int meters, long periodNanos, int capacity) {
    this.periodNanos = periodNanos;
    this.times = new long[meters][capacity];
    this.counts = new int[meters];
  }

  /** Starts recording at {@code nowNanos} for {@code spanNanos}: a window and two periods. */
  public void open(long nowNanos, long spanNanos) {
    openedAt = nowNanos;
    closesAt = nowNanos + spanNanos;
  }

  /** Notes that a poll of {@code meter} completed at {@code nanos}; ignored outside the span. */
  public void completed(int meter, long nanos) {
    long from = openedAt;
    if (nanos < from || nanos >= closesAt) {
      return;
    }
    long[] mine = times[meter];
    synchronized (mine) {
      if (counts[meter] < mine.length) {
        mine[counts[meter]++] = nanos;
      } else {
        synchronized (this) {
          overflow++;
        }
      }
    }
  }

  /**
   * The figures of a window.
   *
   * @param meters meters in the log
   * @param expected polls that should have completed: meters × window / period
   * @param completed polls completed in the meters' windows
   * @param missed polls short of the expected, summed over meters
   * @param late polls that came more than 1.5 periods after the previous one
   * @param silentMeters meters that completed no poll at all
   * @param maxIntervalNanos longest time between two completions of one meter
   * @param recorded completions in the whole span, for per-poll costs
   * @param overflow completions not kept for want of capacity (0 unless something is wrong)
   */
  public record Stats(
      int meters,
      long expected,
      long completed,
      long missed,
      long late,
      int silentMeters,
      long maxIntervalNanos,
      long recorded,
      long overflow) {}

  /** Computes the figures for a window of {@code windowNanos} (a multiple of the period). */
  public Stats stats(long windowNanos) {
    long perMeter = windowNanos / periodNanos;
    long expected = 0;
    long completed = 0;
    long missed = 0;
    long late = 0;
    long recorded = 0;
    long maxInterval = 0;
    int silent = 0;
    long lateGap = periodNanos * 3 / 2;
    for (int m = 0; m < times.length; m++) {
      long[] mine = times[m];
      int count;
      synchronized (mine) {
        count = counts[m];
      }
      expected += perMeter;
      recorded += count;
      if (count == 0) {
        silent++;
        missed += perMeter;
        continue;
      }
      long first = mine[0];
      long anchor = first - openedAt > lateGap ? openedAt : first;
      long windowStart = anchor + periodNanos / 2;
      long windowEnd = windowStart + windowNanos;
      long previous = anchor;
      long inWindow = 0;
      for (int i = 0; i < count && mine[i] < windowEnd; i++) {
        long t = mine[i];
        if (t <= windowStart) {
          continue;
        }
        inWindow++;
        long interval = t - previous;
        maxInterval = Math.max(maxInterval, interval);
        if (interval > lateGap) {
          late++;
        }
        previous = t;
      }
      completed += Math.min(inWindow, perMeter);
      missed += Math.max(0, perMeter - inWindow);
    }
    long lost;
    synchronized (this) {
      lost = overflow;
    }
    return new Stats(
        times.length, expected, completed, missed, late, silent, maxInterval, recorded, lost);
  }
}
