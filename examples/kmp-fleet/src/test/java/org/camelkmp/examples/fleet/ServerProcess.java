package org.camelkmp.examples.fleet;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.camelkmp.kmp.testsupport.ExternalProgram;

/**
 * A Java server (ZooKeeper, Kafka) run as a separate process from the jars the build copied to
 * {@code target/servers/<name>}, its output in {@code <work>/<name>.log}.
 */
final class ServerProcess implements AutoCloseable {
  private final String name;
  private final Path log;
  private final List<String> command;
  private Process process;

  ServerProcess(String name, Path work, List<String> jvmOptions, String mainClass, String... args) {
    this.name = name;
    this.log = work.resolve(name + ".log");
    Path jars = Path.of(System.getProperty("servers.dir", "target/servers"), name).toAbsolutePath();
    if (!Files.isDirectory(jars)) {
      throw new IllegalStateException(
          jars + " is missing: the build copies it (pre-integration-test)");
    }
    command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(jars + "/*");
    command.add(mainClass);
    command.addAll(List.of(args));
  }

  /** Runs {@code mainClass} of the same jars to its end (a tool such as Kafka's storage format). */
  static void runTool(String name, Path work, String mainClass, String... args)
      throws IOException, InterruptedException {
    ServerProcess tool = new ServerProcess(name, work, List.of(), mainClass, args);
    Path toolLog = work.resolve(name + "-tool.log");
    Process p =
        new ProcessBuilder(tool.command)
            .redirectErrorStream(true)
            .redirectOutput(toolLog.toFile())
            .start();
    if (p.waitFor() != 0) {
      throw new IllegalStateException(mainClass + " failed: " + ExternalProgram.readLog(toolLog));
    }
  }

  /** Starts it and waits until it accepts connections on {@code port} of the loopback. */
  ServerProcess start(int port) throws IOException {
    process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    await(name + " listening on " + port)
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(200))
        .failFast(name + " ended: " + log, () -> !process.isAlive())
        .until(() -> accepts(port));
    return this;
  }

  /** SIGTERM, waiting for the end (SIGKILL after 30 s). */
  void stop() {
    if (process != null) {
      ExternalProgram.stop(process, Duration.ofSeconds(30));
      process = null;
    }
  }

  String log() {
    return ExternalProgram.readLog(log);
  }

  static boolean accepts(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
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
