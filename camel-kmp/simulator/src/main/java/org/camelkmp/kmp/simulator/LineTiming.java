package org.camelkmp.kmp.simulator;

import java.time.Duration;
import java.util.Objects;
import org.camelkmp.kmp.transport.LineSettings;

/**
 * How a served meter behaves in time on its line.
 *
 * <p>With {@code realtime} each byte sent takes as long as on a serial line with these settings
 * ({@link LineSettings#nanosPerByte()}: 11 bit times at 8N2, 9.2 ms at 1200 baud), paced against
 * the monotonic clock so it does not drift. Receiving is paced too: a TCP connection or a pty
 * delivers a request at once, faster than the wire could, so a request counts as received only once
 * its bytes could have crossed the line, at the arrival of its start byte plus its length times the
 * byte time (on a line that is itself that slow, such as a real serial cable, this is at most one
 * byte time later than the last byte's arrival). {@code thinkTime} passes between the end of a
 * request and the start of the answer. So in real time an exchange takes at least (request bytes +
 * answer bytes) × byte time + think time, as on the real line. Real meters answer well within the
 * vendor's 1.6 s; the default 50 ms in real time is a short, realistic pause that still lets
 * readers see an answer come late after their request. Without real time the default is 0, so tests
 * run at full speed.
 *
 * @param settings the simulated line; also what a serial server opens its device with
 * @param realtime whether bytes are paced at the line's speed, both ways
 * @param thinkTime pause before each answer, not negative
 */
public record LineTiming(LineSettings settings, boolean realtime, Duration thinkTime) {
  /** Think time used in real time unless another is given. */
  public static final Duration REALTIME_THINK_TIME = Duration.ofMillis(50);

  public LineTiming {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(thinkTime, "thinkTime");
    if (thinkTime.isNegative()) {
      throw new IllegalArgumentException("think time " + thinkTime + " is negative");
    }
  }

  /** 1200 8N2, no pacing, no think time: answers as fast as possible. */
  public static LineTiming immediate() {
    return new LineTiming(LineSettings.KMP_DEFAULT, false, Duration.ZERO);
  }

  /** Paced at the line's speed with the default think time of 50 ms. */
  public static LineTiming realtime(LineSettings settings) {
    return new LineTiming(settings, true, REALTIME_THINK_TIME);
  }

  /** The same with another think time. */
  public LineTiming withThinkTime(Duration newThinkTime) {
    return new LineTiming(settings, realtime, newThinkTime);
  }
}
