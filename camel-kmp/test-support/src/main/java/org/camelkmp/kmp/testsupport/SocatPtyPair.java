package org.camelkmp.kmp.testsupport;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A pair of connected pseudo-terminals made by socat, so tests can drive real serial ports: what is
 * written to {@link #pathA()} is read from {@link #pathB()} and back. The two paths are links in a
 * temporary directory to {@code /dev/pts/N} devices.
 *
 * <p>{@link #kill()} stops socat, as if a USB head were unplugged; {@link #restart()} brings the
 * same links back. {@link #close()} stops socat and deletes the directory.
 *
 * <p>When socat is not installed, {@link #start()} skips the test, or fails it when the environment
 * variable {@code CI} is {@code true}, so that a CI image without socat cannot pass silently.
 */
public final class SocatPtyPair implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

  private final Path socat;
  private final Path dir;
  private final Path linkA;
  private final Path linkB;
  private final Path log;
  private Process process;

  private SocatPtyPair(Path socat, Path dir) {
    this.socat = socat;
    this.dir = dir;
    this.linkA = dir.resolve("a");
    this.linkB = dir.resolve("b");
    this.log = dir.resolve("socat.log");
  }

  /** Starts socat and waits until both links exist. */
  public static SocatPtyPair start() {
    Path socat = requireSocat();
    try {
      SocatPtyPair pair = new SocatPtyPair(socat, Files.createTempDirectory("kmp-pty"));
      pair.restart();
      return pair;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The socat executable; skips the calling test when there is none, or fails it when {@code
   * CI=true}.
   */
  public static Path requireSocat() {
    return ExternalProgram.require("socat", "serial tests", "/usr/bin/socat");
  }

  /** Side A: a link to one pty. */
  public String pathA() {
    return linkA.toString();
  }

  /** Side B: a link to the other pty. */
  public String pathB() {
    return linkB.toString();
  }

  /** Whether socat is running. */
  public synchronized boolean isRunning() {
    return process != null && process.isAlive();
  }

  /** Starts socat again (after {@link #kill()}) with the same link paths. */
  public synchronized void restart() {
    if (isRunning()) {
      return;
    }
    try {
      process =
          new ProcessBuilder(
                  socat.toString(),
                  "-d",
                  "-d",
                  "pty,raw,echo=0,link=" + linkA,
                  "pty,raw,echo=0,link=" + linkB)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + socat, e);
    }
    Process started = process;
    await("socat links " + linkA + " and " + linkB)
        .atMost(START_TIMEOUT)
        .pollInterval(Duration.ofMillis(5))
        .until(() -> !started.isAlive() || (Files.exists(linkA) && Files.exists(linkB)));
    if (!started.isAlive()) {
      throw new IllegalStateException("socat exited with " + started.exitValue() + ": " + log());
    }
  }

  /** Stops socat and waits until it has exited; the ptys and links disappear. */
  public synchronized void kill() {
    if (process == null) {
      return;
    }
    ExternalProgram.stop(process, STOP_TIMEOUT);
    process = null;
  }

  /** What socat logged so far, for failure messages. */
  public String log() {
    return ExternalProgram.readLog(log);
  }

  /** Stops socat and deletes the temporary directory. */
  @Override
  public void close() {
    kill();
    ExternalProgram.deleteDirectory(dir);
  }

  @Override
  public String toString() {
    return "socat " + linkA + " <-> " + linkB;
  }
}
