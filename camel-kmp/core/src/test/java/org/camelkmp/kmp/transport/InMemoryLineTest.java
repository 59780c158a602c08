package org.camelkmp.kmp.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.camelkmp.kmp.error.KmpTransportException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InMemoryLineTest {

  private InMemoryLine line;
  private Transport meter;
  private Transport client;

  @BeforeEach
  void openBothSides() {
    line = InMemoryLine.create("test");
    meter = line.meterSide();
    client = line.clientSide();
    meter.open();
    client.open();
  }

  @AfterEach
  void closeBothSides() {
    client.close();
    meter.close();
  }

  @Test
  void sidesAreNamedAfterTheLine() {
    assertThat(meter.name()).isEqualTo("test:meter");
    assertThat(client.name()).isEqualTo("test:client");
    assertThat(InMemoryLine.create().clientSide().name()).isEqualTo("memory:client");
  }

  @Test
  void sidesStartClosed() {
    InMemoryLine fresh = InMemoryLine.create();
    assertThat(fresh.clientSide().isOpen()).isFalse();
    assertThatThrownBy(() -> fresh.clientSide().read(0))
        .isInstanceOf(KmpTransportException.class)
        .hasMessageContaining("memory:client is closed");
  }

  @Test
  void bytesWrittenOnOneSideAreReadOnTheOtherInBothDirections() {
    client.write(new byte[] {(byte) 0x80, 0x3F, 0x0D});
    assertThat(meter.read(100)).isEqualTo(0x80);
    assertThat(meter.read(100)).isEqualTo(0x3F);
    assertThat(meter.read(100)).isEqualTo(0x0D);

    meter.write(new byte[] {0x40, (byte) 0xFF});
    assertThat(client.read(100)).isEqualTo(0x40);
    assertThat(client.read(100)).isEqualTo(0xFF);
  }

  @Test
  void readWithNothingWrittenReturnsMinusOneAfterTheTimeout() {
    long start = System.nanoTime();
    assertThat(client.read(50)).isEqualTo(-1);
    assertThat(elapsedMillis(start)).isGreaterThanOrEqualTo(50);
    assertThat(client.read(0)).isEqualTo(-1);
  }

  @Test
  void blockedReadReturnsTheByteAsSoonAsItIsWritten() throws Exception {
    CompletableFuture<Integer> read = readWhenBlocked(meter);
    client.write(new byte[] {0x42});
    assertThat(read.get(2, TimeUnit.SECONDS)).isEqualTo(0x42);
  }

  @Test
  void closingOneSideMakesTheOtherSideThrowOnceBufferedBytesAreRead() {
    client.write(new byte[] {1, 2});
    client.close();

    assertThat(meter.read(100)).isEqualTo(1);
    assertThat(meter.read(100)).isEqualTo(2);
    assertThatThrownBy(() -> meter.read(100))
        .isInstanceOf(KmpTransportException.class)
        .hasMessageContaining("other side of test:meter closed the line");
    assertThat(meter.isOpen()).isFalse();
    assertThatThrownBy(() -> meter.write(new byte[] {1})).isInstanceOf(KmpTransportException.class);
  }

  @Test
  void closingWakesAReaderBlockedOnTheOtherSide() {
    CompletableFuture<Integer> read = readWhenBlocked(meter);
    client.close();
    assertThat(read)
        .failsWithin(2, TimeUnit.SECONDS)
        .withThrowableThat()
        .withCauseInstanceOf(KmpTransportException.class);
  }

  @Test
  void writingAfterTheOtherSideClosedThrows() {
    meter.close();
    assertThatThrownBy(() -> client.write(new byte[] {1}))
        .isInstanceOf(KmpTransportException.class)
        .hasMessageContaining("closed the line");
    assertThat(client.isOpen()).isFalse();
  }

  @Test
  void closingASideFromAnotherThreadAbortsItsBlockedRead() {
    CompletableFuture<Integer> read = readWhenBlocked(client);
    client.close();
    assertThat(read)
        .failsWithin(2, TimeUnit.SECONDS)
        .withThrowableThat()
        .withCauseInstanceOf(KmpTransportException.class)
        .withMessageContaining("test:client is closed");
  }

  @Test
  void reopenedSidesTalkAgainAndOldBytesAreGone() {
    meter.write(new byte[] {7});
    client.close();
    assertThatThrownBy(() -> meter.read(100)).isInstanceOf(KmpTransportException.class);

    client.open();
    meter.open();
    assertThat(client.isOpen()).isTrue();
    assertThat(meter.isOpen()).isTrue();
    assertThat(client.read(0)).isEqualTo(-1);

    client.write(new byte[] {9});
    assertThat(meter.read(100)).isEqualTo(9);
    meter.write(new byte[] {10});
    assertThat(client.read(100)).isEqualTo(10);
  }

  @Test
  void bytesWrittenWhileTheOtherSideIsClosedAreLost() {
    meter.close();
    InMemoryLine fresh = InMemoryLine.create();
    fresh.clientSide().open();
    fresh.clientSide().write(new byte[] {1, 2, 3});
    fresh.meterSide().open();
    assertThat(fresh.meterSide().read(0)).isEqualTo(-1);
  }

  @Test
  void bytesFromANewSessionAreNotReadByAnOldSessionThatHasNotNoticedTheHangUp() {
    client.close();
    client.open();
    client.write(new byte[] {5});
    assertThatThrownBy(() -> meter.read(100)).isInstanceOf(KmpTransportException.class);
  }

  @Test
  void discardInputDropsBytesNotYetRead() {
    client.write(new byte[] {1, 2, 3});
    meter.discardInput();
    assertThat(meter.read(0)).isEqualTo(-1);
  }

  @Test
  void closeIsIdempotent() {
    client.close();
    client.close();
    assertThat(client.isOpen()).isFalse();
  }

  @Test
  void blankNameIsRejected() {
    assertThatThrownBy(() -> InMemoryLine.create(" ")).isInstanceOf(IllegalArgumentException.class);
  }

  /** Starts a read on another thread and returns once that thread is waiting for a byte. */
  private static CompletableFuture<Integer> readWhenBlocked(Transport transport) {
    CompletableFuture<Integer> result = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try {
                result.complete(transport.read(5_000));
              } catch (RuntimeException e) {
                result.completeExceptionally(e);
              }
            },
            "reader");
    reader.start();
    await()
        .pollInterval(Duration.ofMillis(1))
        .until(() -> reader.getState() == Thread.State.TIMED_WAITING || result.isDone());
    return result;
  }

  private static long elapsedMillis(long startNanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
  }
}
