package org.camelkmp.kmp.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.camelkmp.kmp.transport.Transport;
import org.junit.jupiter.api.Test;

/**
 * The reader's thread may run late (a loaded machine, a collector's pause): the meter's answer
 * arrived in time but the thread gets to it only after the first-byte deadline. An answer already
 * waiting on the line is the answer, not a timeout; a reader that gave up without looking would
 * drop a good answer and ask the meter again.
 */
class ReaderResumingLateTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final byte[] SERIAL_ANSWER = HEX.parseHex("403F0201234567E9560D");

  /** A line on which the answer arrives at once, while the writing thread is held up. */
  private static final class AnswerWhileStalled implements Transport {
    private final Deque<Integer> received = new ArrayDeque<>();
    private final long stallNanos;
    private boolean open;

    AnswerWhileStalled(Duration stall) {
      this.stallNanos = stall.toNanos();
    }

    @Override
    public String name() {
      return "stalled";
    }

    @Override
    public void open() {
      open = true;
    }

    @Override
    public boolean isOpen() {
      return open;
    }

    @Override
    public void write(byte[] bytes) {
      for (byte b : SERIAL_ANSWER) {
        received.addLast(b & 0xFF);
      }
      long until = System.nanoTime() + stallNanos;
      long left;
      while ((left = until - System.nanoTime()) > 0) {
        LockSupport.parkNanos(left);
      }
    }

    @Override
    public int read(long timeoutMillis) {
      Integer b = received.pollFirst();
      if (b != null) {
        return b;
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(timeoutMillis));
      return -1;
    }

    @Override
    public void discardInput() {
      received.clear();
    }

    @Override
    public void close() {
      open = false;
    }
  }

  @Test
  void anAnswerWaitingOnTheLineWhenTheReaderResumesAfterItsDeadlineIsTaken() {
    ClientOptions options =
        ClientOptions.defaults()
            .withRetries(0)
            .withTimeout(Duration.ofMillis(100))
            .withQuietTime(Duration.ZERO);
    // held up well past the request's time on the wire (6 bytes at 1200 baud) plus the timeout
    try (KmpClient client =
        new KmpClient(new AnswerWhileStalled(Duration.ofMillis(400)), options)) {
      assertThat(client.getSerialNumber()).isEqualTo(0x01234567L);
    }
  }
}
