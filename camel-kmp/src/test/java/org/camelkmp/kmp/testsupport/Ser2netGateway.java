package org.camelkmp.kmp.testsupport;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A real ser2net (4.x, YAML configuration) in front of a serial device, as a gateway at a meter:
 * raw TCP on a loopback port to the device at 1200 8N2. The configuration is written to a temporary
 * directory; ser2net runs in the foreground as a child process.
 *
 * <p>{@link #stop()} ends ser2net (a gateway that restarts or loses power); {@link #start()} brings
 * it back on the same port. {@link #close()} stops it and deletes the directory.
 *
 * <p>When ser2net is not installed, {@link #create(String)} skips the test, or fails it when the
 * environment variable {@code CI} is {@code true}: {@code apt-get install ser2net}.
 */
public final class Ser2netGateway implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(10);

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
    try {
      Ser2netGateway gateway =
          new Ser2netGateway(ser2net, Files.createTempDirectory("kmp-ser2net"), device, freePort());
      gateway.start();
      return gateway;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The ser2net executable; skips the calling test without it, or fails it when CI=true. */
  public static Path requireSer2net() {
    Path found = find();
    String message = "ser2net is not installed (apt-get install ser2net); gateway tests need it";
    if (found == null && "true".equalsIgnoreCase(System.getenv("CI"))) {
      Assertions.fail(message);
    }
    Assumptions.assumeTrue(found != null, message);
    return found;
  }

  private static Path find() {
    for (String usual : new String[] {"/usr/sbin/ser2net", "/usr/bin/ser2net"}) {
      if (Files.isExecutable(Path.of(usual))) {
        return Path.of(usual);
      }
    }
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    return Stream.of(path.split(File.pathSeparator))
        .filter(entry -> !entry.isBlank())
        .map(entry -> Path.of(entry, "ser2net"))
        .filter(Files::isExecutable)
        .findFirst()
        .orElse(null);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
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
    await("ser2net listening on port " + port)
        .atMost(START_TIMEOUT)
        .pollInterval(Duration.ofMillis(10))
        .until(() -> !started.isAlive() || listening(port));
    if (!started.isAlive()) {
      throw new IllegalStateException("ser2net exited with " + started.exitValue() + ": " + log());
    }
  }

  /** Stops ser2net (SIGTERM, then SIGKILL) and waits until it has exited and freed the port. */
  public synchronized void stop() {
    if (process == null) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    process = null;
    await("port " + port + " freed").atMost(START_TIMEOUT).until(() -> !listening(port));
  }

  /** Whether something listens on the loopback TCP port, from /proc/net/tcp. */
  static boolean listening(int port) {
    String wanted = String.format(":%04X ", port).toUpperCase(Locale.ROOT);
    for (String table : new String[] {"/proc/net/tcp", "/proc/net/tcp6"}) {
      Path file = Path.of(table);
      if (!Files.exists(file)) {
        continue;
      }
      try {
        for (String line : Files.readAllLines(file)) {
          String[] fields = line.trim().split("\\s+");
          // local_address is field 1, st is field 3; 0A = LISTEN
          if (fields.length > 3 && (fields[1] + " ").endsWith(wanted) && fields[3].equals("0A")) {
            return true;
          }
        }
      } catch (IOException e) {
        return false;
      }
    }
    return false;
  }

  /** What ser2net logged so far, for failure messages. */
  public String log() {
    try {
      return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      return "(cannot read " + log + ": " + e + ")";
    }
  }

  @Override
  public void close() {
    stop();
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // left for the OS
    }
  }

  @Override
  public String toString() {
    return "ser2net " + uri();
  }
}
