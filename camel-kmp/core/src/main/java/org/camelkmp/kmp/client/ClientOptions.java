package org.camelkmp.kmp.client;

import java.time.Duration;
import org.camelkmp.kmp.transport.LineSettings;

/**
 * How a {@link KmpClient} talks to a meter. Immutable; start from {@link #defaults()} and change
 * what differs.
 *
 * @param address destination address, 0x3F for the heat meter itself
 * @param timeout how long after the request has left the line the answer may take to start; the
 *     meter answers within 1.6 s, so the default is 2 s. Values far below 1.6 s are a known cause
 *     of "random" timeouts
 * @param interByteTimeout longest gap between two bytes inside an answer
 * @param retries further attempts after a failed exchange (timeout, CRC, framing, wrong CID); 0
 *     means one attempt only
 * @param quietTime how long to leave the line idle after a failed exchange before the next request;
 *     the vendor asks for at least 1.6 s so the meter resets its receiver
 * @param lineSettings the line's speed, used to know when the request has left the wire
 */
public record ClientOptions(
    int address,
    Duration timeout,
    Duration interByteTimeout,
    int retries,
    Duration quietTime,
    LineSettings lineSettings) {

  /** Address of the heat meter. */
  public static final int HEAT_METER = 0x3F;

  public ClientOptions {
    if (address < 0 || address > 255) {
      throw new IllegalArgumentException("address " + address + " is out of range 0..255");
    }
    requirePositive("timeout", timeout);
    requirePositive("inter-byte timeout", interByteTimeout);
    if (retries < 0 || retries > 10) {
      throw new IllegalArgumentException("retries " + retries + " is out of range 0..10");
    }
    if (quietTime == null || quietTime.isNegative()) {
      throw new IllegalArgumentException("quiet time must be zero or more");
    }
    if (lineSettings == null) {
      throw new IllegalArgumentException("line settings must be given");
    }
  }

  private static void requirePositive(String what, Duration value) {
    if (value == null || value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException(what + " must be more than zero, not " + value);
    }
  }

  /** Address 0x3F, 2 s timeout, 500 ms between bytes, 2 retries, 1.6 s quiet time, 1200 8N2. */
  public static ClientOptions defaults() {
    return new ClientOptions(
        HEAT_METER,
        Duration.ofSeconds(2),
        Duration.ofMillis(500),
        2,
        Duration.ofMillis(1600),
        LineSettings.KMP_DEFAULT);
  }

  public ClientOptions withAddress(int newAddress) {
    return new ClientOptions(
        newAddress, timeout, interByteTimeout, retries, quietTime, lineSettings);
  }

  public ClientOptions withTimeout(Duration newTimeout) {
    return new ClientOptions(
        address, newTimeout, interByteTimeout, retries, quietTime, lineSettings);
  }

  public ClientOptions withInterByteTimeout(Duration newTimeout) {
    return new ClientOptions(address, timeout, newTimeout, retries, quietTime, lineSettings);
  }

  public ClientOptions withRetries(int newRetries) {
    return new ClientOptions(
        address, timeout, interByteTimeout, newRetries, quietTime, lineSettings);
  }

  public ClientOptions withQuietTime(Duration newQuietTime) {
    return new ClientOptions(
        address, timeout, interByteTimeout, retries, newQuietTime, lineSettings);
  }

  public ClientOptions withLineSettings(LineSettings newLineSettings) {
    return new ClientOptions(
        address, timeout, interByteTimeout, retries, quietTime, newLineSettings);
  }
}
