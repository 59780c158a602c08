package org.camelkmp.kmp.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.camelkmp.kmp.error.KmpTransportException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PacedTransportTest {

  /** 11 bits per byte at 9600 baud: 1.146 ms per byte, fast enough for a test. */
  private static final LineSettings FAST_LINE = LineSettings.KMP_DEFAULT.withBaudRate(9600);

  private InMemoryLine line;
  private PacedTransport meter;
  private Transport client;

  @BeforeEach
  void openLine() {
    line = InMemoryLine.create();
    meter = new PacedTransport(line.meterSide(), FAST_LINE);
    client = line.clientSide();
    meter.open();
    client.open();
  }

  @AfterEach
  void closeLine() {
    meter.close();
    client.close();
  }

  @Test
  void eachByteTakesTheTimeOfElevenBitsAtTheBaudRate() {
    assertThat(meter.nanosPerByte()).isEqualTo(1_000_000_000L * 11 / 9600);
    assertThat(new PacedTransport(client, LineSettings.KMP_DEFAULT).nanosPerByte())
        .isEqualTo(9_166_666L);
  }

  @Test
  void writeLastsAsLongAsTheBytesTakeOnTheWire() {
    byte[] bytes = new byte[40];
    long expected = 40 * meter.nanosPerByte();

    long start = System.nanoTime();
    meter.write(bytes);
    long elapsed = System.nanoTime() - start;

    // never faster than the wire; an upper bound of twice the wire time catches drift without
    // failing on a machine that is busy
    assertThat(elapsed).isBetween(expected, 2 * expected);
  }

  @Test
  void noByteArrivesBeforeItsTimeOnTheWire() throws Exception {
    byte[] bytes = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    long start = System.nanoTime();
    CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> meter.write(bytes));

    for (int i = 0; i < bytes.length; i++) {
      assertThat(client.read(1_000)).isEqualTo(bytes[i]);
      assertThat(System.nanoTime() - start)
          .as("arrival of byte %d", i)
          .isGreaterThanOrEqualTo((i + 1) * meter.nanosPerByte());
    }
    writing.get(1, TimeUnit.SECONDS);
  }

  @Test
  void readsAndEverythingElseGoStraightThrough() {
    assertThat(meter.name()).isEqualTo("memory:meter");
    assertThat(meter.isOpen()).isTrue();
    client.write(new byte[] {5, 6});
    assertThat(meter.read(100)).isEqualTo(5);
    meter.discardInput();
    assertThat(meter.read(0)).isEqualTo(-1);
    meter.close();
    assertThat(meter.isOpen()).isFalse();
  }

  @Test
  void interruptedWriteStops() {
    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(() -> meter.write(new byte[] {1, 2}))
          .isInstanceOf(KmpTransportException.class)
          .hasMessageContaining("interrupted");
    } finally {
      assertThat(Thread.interrupted()).isTrue();
    }
  }

  @Test
  void missingArgumentsAreRejected() {
    assertThatThrownBy(() -> new PacedTransport(null, FAST_LINE))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PacedTransport(client, null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
