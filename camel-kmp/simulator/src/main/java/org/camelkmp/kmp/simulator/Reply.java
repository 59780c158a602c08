package org.camelkmp.kmp.simulator;

import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * What the simulated line sends back for one request: an echo of the request sent at once (as an
 * echoing optical head would), then, after the meter's think time plus {@code delay}, the answer.
 * Either may be empty. Immutable.
 *
 * @param echo bytes sent straight away
 * @param delay extra time before the answer, on top of the think time
 * @param answer the meter's answer: a frame, a lone ACK, or whatever a fault made of them
 */
public record Reply(byte[] echo, Duration delay, byte[] answer) {
  /** Nothing at all. */
  public static final Reply SILENT = new Reply(new byte[0], Duration.ZERO, new byte[0]);

  public Reply {
    Objects.requireNonNull(delay, "delay");
    if (delay.isNegative()) {
      throw new IllegalArgumentException("delay " + delay + " is negative");
    }
    echo = echo.clone();
    answer = answer.clone();
  }

  /** An answer without echo or delay. */
  public static Reply of(byte[] answer) {
    return new Reply(new byte[0], Duration.ZERO, answer);
  }

  @Override
  public byte[] echo() {
    return echo.clone();
  }

  @Override
  public byte[] answer() {
    return answer.clone();
  }

  /** Whether nothing is sent. */
  public boolean isSilent() {
    return echo.length == 0 && answer.length == 0;
  }

  /** Echo and answer as they follow each other on the line. */
  public byte[] wire() {
    byte[] all = Arrays.copyOf(echo, echo.length + answer.length);
    System.arraycopy(answer, 0, all, echo.length, answer.length);
    return all;
  }

  /** The same with another echo. */
  public Reply withEcho(byte[] newEcho) {
    return new Reply(newEcho, delay, answer);
  }

  /** The same with another delay. */
  public Reply withDelay(Duration newDelay) {
    return new Reply(echo, newDelay, answer);
  }

  /** The same with another answer. */
  public Reply withAnswer(byte[] newAnswer) {
    return new Reply(echo, delay, newAnswer);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Reply r
        && Arrays.equals(r.echo, echo)
        && r.delay.equals(delay)
        && Arrays.equals(r.answer, answer);
  }

  @Override
  public int hashCode() {
    return (Arrays.hashCode(echo) * 31 + delay.hashCode()) * 31 + Arrays.hashCode(answer);
  }

  @Override
  public String toString() {
    HexFormat hex = HexFormat.of();
    return "Reply[echo="
        + hex.formatHex(echo)
        + ", delay="
        + delay
        + ", answer="
        + hex.formatHex(answer)
        + "]";
  }
}
