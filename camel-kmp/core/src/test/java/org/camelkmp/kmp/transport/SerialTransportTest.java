package org.camelkmp.kmp.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.camelkmp.kmp.error.KmpTransportException;
import org.camelkmp.kmp.testsupport.SocatPtyPair;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Runs SerialTransport against real ttys: a pty pair made by socat. */
class SerialTransportTest {

  private final List<Transport> opened = new ArrayList<>();
  private SocatPtyPair ptys;
  private SerialTransport a;
  private SerialTransport b;

  @BeforeEach
  void startSocat() {
    ptys = SocatPtyPair.start();
    a = open(ptys.pathA(), LineSettings.KMP_DEFAULT);
    b = open(ptys.pathB(), LineSettings.KMP_DEFAULT);
  }

  @AfterEach
  void stopSocat() {
    opened.forEach(Transport::close);
    ptys.close();
  }

  private SerialTransport open(String path, LineSettings settings) {
    SerialTransport transport = new SerialTransport(path, settings);
    opened.add(transport);
    transport.open();
    return transport;
  }

  @Test
  void bytesWrittenOnOneSideAreReadOnTheOther() {
    assertThat(a.isOpen()).isTrue();
    a.write(new byte[] {(byte) 0x80, 0x3F, 0x10, 0x0D});
    assertThat(b.read(1_000)).isEqualTo(0x80);
    assertThat(b.read(1_000)).isEqualTo(0x3F);
    assertThat(b.read(1_000)).isEqualTo(0x10);
    assertThat(b.read(1_000)).isEqualTo(0x0D);

    b.write(new byte[] {0x06});
    assertThat(a.read(1_000)).isEqualTo(0x06);
  }

  @Test
  void everyByteValueCrossesUnchanged() {
    byte[] all = new byte[256];
    for (int i = 0; i < all.length; i++) {
      all[i] = (byte) i;
    }
    a.write(all);
    for (int i = 0; i < all.length; i++) {
      assertThat(b.read(1_000)).as("byte %d", i).isEqualTo(i);
    }
  }

  @Test
  void openingAppliesTheLineSettingsToTheTty() throws Exception {
    assertThat(stty(ptys.pathA()))
        .contains("speed 1200 baud")
        .contains(" cs8 ", " cstopb ", "-parenb", "-crtscts", "-ixon", "-ixoff", "-icanon");
  }

  /**
   * A pty keeps the baud rate and stop bits it is given, but the Linux pty driver forces 8 data
   * bits without parity (pty_set_termios clears CSIZE and PARENB). So on a pty only the input flags
   * that jSerialComm sets for 7 bits with parity (istrip, inpck) show that 7E1 was asked for.
   */
  @Test
  void otherLineSettingsReachTheTtyAsFarAsAPtyKeepsThem() throws Exception {
    a.close();
    open(ptys.pathA(), new LineSettings(2400, 7, 1, Parity.EVEN));
    assertThat(stty(ptys.pathA()))
        .contains("speed 2400 baud")
        .contains("-cstopb", " istrip ", " inpck ")
        .contains(" cs8 ", "-parenb");
  }

  @ParameterizedTest
  @ValueSource(ints = {30, 150, 260})
  void readWithNothingSentReturnsMinusOneCloseToTheTimeout(int timeoutMillis) {
    long start = System.nanoTime();
    assertThat(b.read(timeoutMillis)).isEqualTo(-1);
    long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    // never before the timeout; the bound above is far beyond what scheduling adds, and far below
    // what a read that ignored its timeout would take
    assertThat(elapsed).isBetween((long) timeoutMillis, timeoutMillis + 1_000L);
  }

  @Test
  void readWithZeroTimeoutOnlyTakesWhatIsThere() {
    assertThat(b.read(0)).isEqualTo(-1);
    a.write(new byte[] {5});
    assertThat(b.read(1_000)).isEqualTo(5);
  }

  @Test
  void blockedReadReturnsAsSoonAsAByteArrives() throws Exception {
    CompletableFuture<Integer> read = CompletableFuture.supplyAsync(() -> b.read(120_000));
    a.write(new byte[] {0x42});
    // well before the read's own timeout of two minutes
    assertThat(read.get(30, TimeUnit.SECONDS)).isEqualTo(0x42);
  }

  @Test
  void readWithAnEndlessTimeoutWaitsForTheByte() throws Exception {
    CompletableFuture<Integer> read = CompletableFuture.supplyAsync(() -> b.read(Long.MAX_VALUE));
    a.write(new byte[] {0x42});
    assertThat(read.get(2, TimeUnit.SECONDS)).isEqualTo(0x42);
  }

  @Test
  void discardInputDropsBytesAlreadyReceived() {
    a.write(new byte[] {1, 2, 3});
    assertThat(b.read(1_000)).isEqualTo(1);
    b.discardInput();
    a.write(new byte[] {9});
    assertThat(b.read(1_000)).isEqualTo(9);
  }

  @Test
  void discardInputDropsBytesWaitingInTheDriver() throws IOException {
    // a second descriptor on the tty shows how many bytes its input queue holds (FIONREAD)
    try (FileInputStream queue = new FileInputStream(ptys.pathB())) {
      a.write(new byte[] {4, 5});
      await().pollInterval(Duration.ofMillis(2)).until(() -> queue.available() == 2);
      b.discardInput();
      assertThat(queue.available()).isZero();
    }
    a.write(new byte[] {6});
    assertThat(b.read(1_000)).isEqualTo(6);
  }

  @Test
  void readWithATimeoutShorterThanTheTtyTimerStillGetsTheByte() {
    a.write(new byte[] {7});
    assertThat(b.read(50)).isEqualTo(7);
  }

  @Test
  void killingSocatMakesReadThrowAndClosesThePort() {
    ptys.kill();
    assertThatThrownBy(() -> b.read(1_000))
        .isInstanceOf(KmpTransportException.class)
        .hasMessageContaining("serial port " + ptys.pathB() + " failed while reading")
        .hasMessageContaining("is the head still plugged in?");
    assertThat(b.isOpen()).isFalse();
  }

  @Test
  void killingSocatMakesWriteThrowAndClosesThePort() {
    ptys.kill();
    assertThatThrownBy(() -> a.write(new byte[] {1, 2, 3}))
        .isInstanceOf(KmpTransportException.class)
        .hasMessageContaining("serial port " + ptys.pathA() + " failed while writing");
    assertThat(a.isOpen()).isFalse();
    assertThatThrownBy(() -> a.read(10))
        .isInstanceOf(KmpTransportException.class)
        .hasMessageContaining("is not open");
  }

  @Test
  void reopenAfterTheDeviceCameBackWorks() {
    ptys.kill();
    assertThatThrownBy(() -> b.read(1_000)).isInstanceOf(KmpTransportException.class);
    assertThatThrownBy(() -> a.write(new byte[] {1})).isInstanceOf(KmpTransportException.class);

    ptys.restart();
    a.open();
    b.open();
    a.write(new byte[] {7});
    assertThat(b.read(1_000)).isEqualTo(7);
  }

  @Test
  void closeAndOpenAgainWorks() {
    b.close();
    assertThat(b.isOpen()).isFalse();
    b.close();
    b.open();
    a.write(new byte[] {8});
    assertThat(b.read(1_000)).isEqualTo(8);
  }

  @Test
  void closeFromAnotherThreadAbortsABlockedRead() {
    CompletableFuture<Integer> read = CompletableFuture.supplyAsync(() -> b.read(5_000));
    b.close();
    assertThat(read)
        .failsWithin(2, TimeUnit.SECONDS)
        .withThrowableThat()
        .withCauseInstanceOf(KmpTransportException.class);
  }

  @Test
  void openingANonexistentPathSaysThereIsNoSuchDevice(@TempDir Path dir) {
    String missing = dir.resolve("ttyUSB9").toString();
    SerialTransport transport = new SerialTransport(missing, LineSettings.KMP_DEFAULT);
    assertThatThrownBy(transport::open)
        .isInstanceOf(KmpTransportException.class)
        .hasMessage(
            "cannot open serial port " + missing + ": no such device; is the head plugged in?");
    assertThat(transport.isOpen()).isFalse();
  }

  @Test
  void openingAPortThatIsAlreadyOpenSaysItIsBusy() {
    SerialTransport second = new SerialTransport(ptys.pathA(), LineSettings.KMP_DEFAULT);
    assertThatThrownBy(second::open)
        .isInstanceOf(KmpTransportException.class)
        .hasMessageContaining("cannot open serial port " + ptys.pathA() + ": busy")
        .hasMessageContaining("already open in this JVM");
  }

  @Test
  void openingAPortThatAnotherProgramHoldsSaysItIsBusy() throws Exception {
    a.close();
    Process holder =
        new ProcessBuilder("flock", "-n", ptys.pathA(), "sh", "-c", "echo locked; exec cat")
            .redirectErrorStream(true)
            .start();
    try {
      String firstLine =
          new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))
              .readLine();
      assumeTrue("locked".equals(firstLine), "flock(1) could not lock the pty: " + firstLine);

      assertThatThrownBy(a::open)
          .isInstanceOf(KmpTransportException.class)
          .hasMessageContaining(
              "cannot open serial port " + ptys.pathA() + ": busy: another program has it open");
    } finally {
      // cat, which holds the inherited lock, ends at end of input; then flock exits
      holder.getOutputStream().close();
      if (!holder.waitFor(5, TimeUnit.SECONDS)) {
        holder.descendants().forEach(ProcessHandle::destroyForcibly);
        holder.destroyForcibly();
      }
    }
    a.open();
    assertThat(a.isOpen()).isTrue();
  }

  @Test
  void readOnAClosedPortThrowsEvenWithBytesBuffered() {
    a.write(new byte[] {1, 2});
    assertThat(b.read(1_000)).isEqualTo(1);
    b.close();
    assertThatThrownBy(() -> b.read(0))
        .isInstanceOf(KmpTransportException.class)
        .hasMessageContaining("is not open");
  }

  @Test
  void openingAFileThatIsNoTtySaysSo(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("not-a-tty"), "x");
    SerialTransport transport = new SerialTransport(file.toString(), LineSettings.KMP_DEFAULT);
    assertThatThrownBy(transport::open)
        .isInstanceOf(KmpTransportException.class)
        .hasMessageContaining("not a serial device");
  }

  @Test
  void nameIsThePortAsGiven() {
    assertThat(a.name()).isEqualTo(ptys.pathA());
    assertThat(a.settings()).isEqualTo(LineSettings.KMP_DEFAULT);
    assertThat(new SerialTransport(" COM3 ", LineSettings.KMP_DEFAULT).name()).isEqualTo("COM3");
  }

  @Test
  void constructorRejectsMissingArguments() {
    assertThatThrownBy(() -> new SerialTransport(" ", LineSettings.KMP_DEFAULT))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SerialTransport("/dev/ttyUSB0", null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static String stty(String path) throws IOException, InterruptedException {
    Process stty = new ProcessBuilder("stty", "-a", "-F", path).redirectErrorStream(true).start();
    String output = new String(stty.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(stty.waitFor(5, TimeUnit.SECONDS)).isTrue();
    return output.replace('\n', ' ').replace(";", " ") + " ";
  }
}
