package org.camelkmp.kmp.testsupport;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A real ser2net (4.x, YAML configuration) in front of a serial device, as a gateway at a meter:
 * raw TCP on a loopback port to the device at 1200 8N2. The configuration is written to a temporary
 * directory; ser2net runs in the foreground as a child process.
 *
 * <p>{@link #stop()} ends ser2net (a gateway that restarts or loses power); {@link #start()} brings
 * it back on the same port. {@link #close()} stops it and deletes the directory.
 *
 * <p>The port is chosen below the kernel's ephemeral range, so no connection of another program can
 * be given it while ser2net is stopped, and ser2net counts as listening only when the listening
 * socket is its own (from /proc), never another program's on the same port. When ser2net cannot
 * take the port it was given, {@link #create(String)} tries another.
 *
 * <p>When ser2net is not installed, {@link #create(String)} skips the test, or fails it when the
 * environment variable {@code CI} is {@code true}: {@code apt-get install ser2net}.
 */
public final class Ser2netGateway implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(10);
  private static final int PORT_ATTEMPTS = 5;

  private final Path ser2net;
  private final Path dir;
  private final Path config;
  private final Path log;
  private final int port;
  private Process process;

  private Ser2netGateway(Path ser2net, Path dir, String device, int port) throws IOException {
    this.ser2net = ser2net;
    this.dir = dir;
    this.config = dir.resolve("ser2net.yaml");
    this.log = dir.resolve("ser2net.log");
    this.port = port;
    Files.writeString(
        config,
        String.join(
            "\n",
            "%YAML 1.1",
            "---",
            "connection: &kmp",
            "    accepter: tcp,127.0.0.1," + port,
            "    enable: on",
            "    connector: serialdev," + device + ",1200n82,local",
            "    options:",
            "      kickolduser: true",
            ""),
        StandardCharsets.UTF_8);
  }

  /** A gateway for {@code device} on a free loopback port, started. */
  public static Ser2netGateway create(String device) {
    Path ser2net = requireSer2net();
    IllegalStateException failure = null;
    for (int attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
      Ser2netGateway gateway;
      try {
        gateway =
            new Ser2netGateway(
                ser2net, Files.createTempDirectory("kmp-ser2net"), device, FreePorts.next());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      try {
        gateway.start();
        return gateway;
      } catch (IllegalStateException e) {
        gateway.close();
        failure = e;
      }
    }
    throw failure;
  }

  /** The ser2net executable; skips the calling test without it, or fails it when CI=true. */
  public static Path requireSer2net() {
    return ExternalProgram.require(
        "ser2net", "gateway tests", "/usr/sbin/ser2net", "/usr/bin/ser2net");
  }

  /** The TCP port ser2net listens on. */
  public int port() {
    return port;
  }

  /** {@code socket://127.0.0.1:port}. */
  public String uri() {
    return "socket://127.0.0.1:" + port;
  }

  /** Whether ser2net is running. */
  public synchronized boolean isRunning() {
    return process != null && process.isAlive();
  }

  /** Starts ser2net and waits until it listens. */
  public synchronized void start() {
    if (isRunning()) {
      return;
    }
    try {
      process =
          new ProcessBuilder(ser2net.toString(), "-n", "-d", "-c", config.toString())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + ser2net, e);
    }
    Process started = process;
    try {
      await("ser2net listening on port " + port)
          .atMost(START_TIMEOUT)
          .pollInterval(Duration.ofMillis(10))
          .until(() -> !started.isAlive() || listening(started.pid(), port));
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      stop();
      throw new IllegalStateException("ser2net did not take port " + port + ": " + log(), e);
    }
    if (!started.isAlive()) {
      process = null;
      throw new IllegalStateException("ser2net exited with " + started.exitValue() + ": " + log());
    }
  }

  /**
   * Stops ser2net (SIGTERM, then SIGKILL) and waits until it has exited (and so freed the port).
   */
  public synchronized void stop() {
    if (process == null) {
      return;
    }
    ExternalProgram.stop(process, Duration.ofSeconds(5));
    process = null;
  }

  /**
   * Whether process {@code pid} listens on the TCP port: a listening socket on the port in
   * /proc/net/tcp whose inode is one of the process's open files.
   */
  static boolean listening(long pid, int port) {
    String wanted = String.format(":%04X ", port).toUpperCase(Locale.ROOT);
    Set<String> inodes = new HashSet<>();
    for (String table : new String[] {"/proc/net/tcp", "/proc/net/tcp6"}) {
      Path file = Path.of(table);
      if (!Files.exists(file)) {
        continue;
      }
      try {
        for (String line : Files.readAllLines(file)) {
          String[] fields = line.trim().split("\\s+");
          // local_address is field 1, st is field 3 (0A = LISTEN), inode is field 9
          if (fields.length > 9 && (fields[1] + " ").endsWith(wanted) && fields[3].equals("0A")) {
            inodes.add("socket:[" + fields[9] + "]");
          }
        }
      } catch (IOException e) {
        return false;
      }
    }
    if (inodes.isEmpty()) {
      return false;
    }
    try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
      return fds.anyMatch(fd -> inodes.contains(linkTarget(fd)));
    } catch (IOException | UncheckedIOException e) {
      return false;
    }
  }

  private static String linkTarget(Path fd) {
    try {
      return Files.readSymbolicLink(fd).toString();
    } catch (IOException e) {
      return "";
    }
  }

  /** What ser2net logged so far, for failure messages. */
  public String log() {
    return ExternalProgram.readLog(log);
  }

  @Override
  public void close() {
    stop();
    ExternalProgram.deleteDirectory(dir);
  }

  @Override
  public String toString() {
    return "ser2net " + uri();
  }
}
