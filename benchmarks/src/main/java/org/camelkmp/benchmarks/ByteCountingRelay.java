package org.camelkmp.benchmarks;

import java.util.concurrent.atomic.AtomicLong;
import org.camelkmp.kmp.testsupport.TcpRelay;
import org.camelkmp.kmp.testsupport.TcpRelay.Direction;

/**
 * A {@link TcpRelay} that counts the bytes it passes each way: a wiretap between a reader and a
 * simulated meter, to count what a reader puts on the wire without trusting the reader to say.
 */
public final class ByteCountingRelay implements AutoCloseable {
  private final AtomicLong toMeter = new AtomicLong();
  private final AtomicLong fromMeter = new AtomicLong();
  private final TcpRelay relay;

  /** Starts relaying a new loopback port to {@code targetPort} on loopback. */
  public ByteCountingRelay(int targetPort) {
    TcpRelay.Tap count =
        (direction, bytes, length) -> {
          (direction == Direction.TO_METER ? toMeter : fromMeter).addAndGet(length);
          return length;
        };
    relay = new TcpRelay(targetPort, () -> count);
  }

  /** The port readers connect to. */
  public int port() {
    return relay.port();
  }

  /** Bytes passed from readers to the meter so far. */
  public long bytesToMeter() {
    return toMeter.get();
  }

  /** Bytes passed from the meter to readers so far. */
  public long bytesFromMeter() {
    return fromMeter.get();
  }

  @Override
  public void close() {
    relay.close();
  }
}
