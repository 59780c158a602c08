package org.camelkmp.examples.homeassistant;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.camelkmp.kmp.testsupport.ExternalProgram;
import org.camelkmp.kmp.testsupport.FreePorts;

/**
 * A Mosquitto broker of the test's own, as a child process on a free loopback port, with
 * persistence in the test's directory: it can be stopped and started again (as a broker restarts),
 * keeping its retained messages and its clients' sessions.
 */
final class Mosquitto implements AutoCloseable {
  private final Path mosquitto;
  private final Path dir;
  private final int port;
  private final Path config;
  private Process process;

  private Mosquitto(Path dir, List<String> extraConfig) throws IOException {
    this.mosquitto = ExternalProgram.require("mosquitto", "the MQTT tests", "/usr/sbin/mosquitto");
    this.dir = Files.createDirectories(dir);
    this.port = FreePorts.next();
    List<String> lines = new ArrayList<>();
    lines.add("listener " + port + " 127.0.0.1");
    lines.add("persistence true");
    lines.add("persistence_location " + dir.toAbsolutePath() + "/");
    lines.add("log_dest file " + dir.resolve("mosquitto.log").toAbsolutePath());
    lines.add("log_type all");
    if ("root".equals(System.getProperty("user.name"))) {
      // run as root, mosquitto switches to the user "mosquitto", who may not use the test's files
      lines.add("user root");
    }
    lines.addAll(extraConfig);
    if (extraConfig.stream().noneMatch(l -> l.startsWith("allow_anonymous"))) {
      lines.add("allow_anonymous true");
    }
    this.config = Files.write(dir.resolve("mosquitto.conf"), lines);
  }

  /** Starts a broker with {@code extraConfig} lines added to its configuration. */
  static Mosquitto start(Path dir, String... extraConfig) throws IOException {
    Mosquitto broker = new Mosquitto(dir, List.of(extraConfig));
    broker.start();
    return broker;
  }

  /** Starts the broker (again), and returns once it accepts connections. */
  void start() {
    try {
      process =
          new ProcessBuilder(mosquitto.toString(), "-c", config.toString())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("stdout.log").toFile()))
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    await()
        .atMost(Duration.ofSeconds(20))
        .failFast("mosquitto exited: " + log(), () -> !process.isAlive())
        .until(this::accepts);
  }

  /** Stops the broker as a service stop does (SIGTERM: it saves its state and exits). */
  void stop() {
    if (process != null) {
      ExternalProgram.stop(process, Duration.ofSeconds(10));
      process = null;
    }
  }

  int port() {
    return port;
  }

  String url() {
    return "tcp://127.0.0.1:" + port;
  }

  /** The first listener's address with another scheme: {@code ssl} for a TLS listener. */
  String url(String scheme) {
    return scheme + "://127.0.0.1:" + port;
  }

  String log() {
    return ExternalProgram.readLog(dir.resolve("mosquitto.log"));
  }

  private boolean accepts() {
    try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public void close() {
    stop();
  }
}
