package org.camelkmp.examples.file;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shaded jar as users run it: {@code java -jar kmp-to-file.jar} in a working directory. */
class KmpToFileJarIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path work;

  private Process start(Map<String, String> env, String... systemProperties) throws IOException {
    Path jar = Path.of(System.getProperty("example.jar", "target/kmp-to-file.jar"));
    assertThat(jar).as("the shaded jar, built by package").exists();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(systemProperties));
    command.add("-jar");
    command.add(jar.toAbsolutePath().toString());
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(work.toFile())
            .redirectOutput(work.resolve("out.txt").toFile())
            .redirectError(work.resolve("err.txt").toFile());
    builder.environment().putAll(env);
    return builder.start();
  }

  private String[] fastSimulator() throws IOException {
    int port = RunningApp.freePort();
    return new String[] {
      "-Dkmp.simulator.port=" + port,
      "-Dkmp.uri=kmp:socket://localhost:" + port + "?initialDelay=0",
      "-Dkmp.delay=100"
    };
  }

  private List<String> lines() throws IOException {
    Path dir = work.resolve("readings");
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<String> lines = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList()) {
        lines.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
      }
    }
    return lines;
  }

  @Test
  void theJarAppendsWholeLinesAndAKilledRunLosesNoneOfThem() throws Exception {
    Process first = start(Map.of(), fastSimulator());
    try {
      await().atMost(Duration.ofSeconds(30)).until(() -> lines().size() >= 5);
    } finally {
      first.destroyForcibly(); // SIGKILL: no shutdown hook, no chance to finish a write
      first.waitFor(10, TimeUnit.SECONDS);
    }
    List<String> afterKill = lines();
    for (String line : afterKill) {
      assertThat(JSON.readTree(line).get("registers")).hasSize(6);
    }
    assertThat(work.resolve("readings")).isDirectoryNotContaining("glob:**.torn");

    Process second = start(Map.of(), fastSimulator());
    try {
      await().atMost(Duration.ofSeconds(30)).until(() -> lines().size() >= afterKill.size() + 3);
    } finally {
      second.destroy(); // SIGTERM: Camel stops gracefully
      assertThat(second.waitFor(20, TimeUnit.SECONDS)).isTrue();
    }
    List<String> all = lines();
    assertThat(all.subList(0, afterKill.size())).isEqualTo(afterKill);
    for (String line : all) {
      assertThat(JSON.readTree(line).get("meterSerial").asLong()).isEqualTo(72345678L);
    }
  }

  @Test
  void aBadSettingFromTheEnvironmentIsOneLineAndExitStatus2() throws Exception {
    Process process = start(Map.of("FILE_FORMAT", "xml"), fastSimulator());
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();

    assertThat(process.exitValue()).isEqualTo(2);
    assertThat(stderrLines())
        .singleElement(as(STRING))
        .startsWith("kmp-to-file: file.format=xml is not one of jsonl, csv")
        .doesNotContain("Exception");
    assertThat(work.resolve("readings")).doesNotExist();
  }

  @Test
  void aBusySimulatorPortIsOneLineNamingTheSettingsAndExitStatus2() throws Exception {
    try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = busy.getLocalPort();
      Process process =
          start(
              Map.of(), "-Dkmp.simulator.port=" + port, "-Dkmp.uri=kmp:socket://localhost:" + port);
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();

      assertThat(process.exitValue()).isEqualTo(2);
      assertThat(stderrLines())
          .singleElement(as(STRING))
          .startsWith("kmp-to-file: cannot start the simulated meter on port " + port)
          .contains("kmp.simulator.port=", "kmp.uri=")
          .doesNotContain("Exception");
    }
  }

  /** What the jar wrote to stderr, blank lines left out. */
  private List<String> stderrLines() throws IOException {
    return Files.readAllLines(work.resolve("err.txt"), StandardCharsets.UTF_8).stream()
        .filter(line -> !line.isBlank())
        .toList();
  }
}
