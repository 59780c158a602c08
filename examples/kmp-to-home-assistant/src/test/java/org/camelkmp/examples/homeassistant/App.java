package org.camelkmp.examples.homeassistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The shaded jar run as users run it, {@code java -jar kmp-to-home-assistant.jar --name=value}. */
final class App implements AutoCloseable {
  private final Process process;
  private final Path out;
  private final Path err;

  private App(Process process, Path out, Path err) {
    this.process = process;
    this.out = out;
    this.err = err;
  }

  /**
   * Starts the jar in {@code work} with {@code settings} as {@code --name=value} arguments; its log
   * goes to {@code <name>.out}, its standard error to {@code <name>.err}.
   */
  static App start(Path work, String name, Map<String, String> settings) throws IOException {
    return start(work, name, settings, Map.of());
  }

  /** As {@link #start(Path, String, Map)}, with {@code environment} added to the process's. */
  static App start(
      Path work, String name, Map<String, String> settings, Map<String, String> environment)
      throws IOException {
    Path jar =
        Path.of(System.getProperty("example.jar", "target/kmp-to-home-assistant.jar"))
            .toAbsolutePath();
    assertThat(jar).as("the shaded jar, built by package").exists();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(jar.toString());
    settings.forEach((k, v) -> command.add("--" + k + "=" + v));
    Path out = work.resolve(name + ".out");
    Path err = work.resolve(name + ".err");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(work.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    builder.environment().putAll(environment);
    Process process = builder.start();
    return new App(process, out, err);
  }

  /** The log so far. */
  String log() throws IOException {
    return Files.exists(out) ? Files.readString(out) : "";
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
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the application ended").isTrue();
    return process.exitValue();
  }

  /** SIGKILL: the process dies without a word, as on a power cut or an OOM kill. */
  void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  /** SIGTERM, as systemctl stop or Ctrl-C; waits until it has ended. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
