package org.camelkmp.examples.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.camelkmp.kmp.testsupport.ExternalProgram;

/** One fleet node: the shaded jar run as users run it, {@code java -jar kmp-fleet.jar --k=v}. */
final class FleetNode implements AutoCloseable {
  private final String name;
  private final Process process;
  private final Path out;
  private final Path err;

  private FleetNode(String name, Process process, Path out, Path err) {
    this.name = name;
    this.process = process;
    this.out = out;
    this.err = err;
  }

  /** Starts the jar in {@code work/<name>} with {@code settings} as {@code --name=value}. */
  static FleetNode start(Path work, String name, Map<String, String> settings) throws IOException {
    return start(work, name, "out", settings);
  }

  /**
   * As {@link #start(Path, String, Map)}, its log in {@code <log>.log}: a node started again in its
   * directory (its outbox) keeps the earlier run's log.
   */
  static FleetNode start(Path work, String name, String log, Map<String, String> settings)
      throws IOException {
    Path jar = Path.of(System.getProperty("example.jar", "target/kmp-fleet.jar")).toAbsolutePath();
    assertThat(jar).as("the shaded jar, built by package").exists();
    Path dir = Files.createDirectories(work.resolve(name));
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx192m");
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-jar");
    command.add(jar.toString());
    settings.forEach((k, v) -> command.add("--" + k + "=" + v));
    Path out = dir.resolve(log + ".log");
    Path err = dir.resolve(log + ".err");
    Process process =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    return new FleetNode(name, process, out, err);
  }

  String name() {
    return name;
  }

  String log() {
    return ExternalProgram.readLog(out);
  }

  /** Standard error, blank lines left out. */
  List<String> errorLines() throws IOException {
    return Files.readAllLines(err).stream().filter(l -> !l.isBlank()).toList();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Waits for the process to end by itself; its exit status. */
  int exitStatus() throws InterruptedException {
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(name + " ended").isTrue();
    return process.exitValue();
  }

  /** SIGKILL: the node dies without a word, as on a power cut; waits until it is gone. */
  void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  /** Sends {@code SIG<name>} (STOP, CONT) with kill(1). */
  void signal(String name) throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).start();
    assertThat(kill.waitFor()).as("kill -" + name).isZero();
  }

  /** SIGTERM, as systemctl stop; waits until it has ended. */
  @Override
  public void close() {
    ExternalProgram.stop(process, Duration.ofSeconds(30));
  }
}
