package org.camelkmp.kmp.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.camelkmp.kmp.client.ClientOptions;
import org.camelkmp.kmp.client.KmpClient;
import org.camelkmp.kmp.error.KmpFramingException;
import org.camelkmp.kmp.transport.LineSettings;
import org.camelkmp.kmp.transport.Transport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A line that never stops talking: noise full of start bytes, none followed by a whole frame. The
 * reader must give up in bounded time and call it noise, not wait forever for the frame to end.
 */
class EndlessNoiseTest {

  /** Noise: a response start byte every few bytes, never a stop byte, bytes as fast as asked. */
  private static final class NoisyLine implements Transport {
    private long count;

    @Override
    public String name() {
      return "noisy";
    }

    @Override
    public void open() {}

    @Override
    public boolean isOpen() {
      return true;
    }

    @Override
    public void write(byte[] bytes) {}

    @Override
    public int read(long timeoutMillis) {
      count++;
      java.util.concurrent.locks.LockSupport.parkNanos(20_000);
      return count % 7 == 0 ? 0x40 : 0x11;
    }

    @Override
    public void discardInput() {}

    @Override
    public void close() {}
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aLineFullOfNoiseEndsTheReadInBoundedTimeAsAFramingError() {
    ClientOptions options =
        ClientOptions.defaults()
            .withRetries(0)
            .withTimeout(Duration.ofMillis(300))
            .withLineSettings(
                new LineSettings(115_200, 8, 2, org.camelkmp.kmp.transport.Parity.NONE));
    long started = System.nanoTime();
    try (KmpClient client = new KmpClient(new NoisyLine(), options)) {
      assertThatThrownBy(client::getSerialNumber)
          .isInstanceOf(KmpFramingException.class)
          .hasMessageContaining("noise");
    }
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
  }
}
