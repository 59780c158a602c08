package org.camelkmp.examples.http;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
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

/** The shaded jar as users run it: {@code java -jar kmp-to-http.jar} in a working directory. */
class KmpToHttpJarIT {
  @TempDir Path work;

  private Process start(Map<String, String> properties) throws IOException {
    Path jar = Path.of(System.getProperty("example.jar", "target/kmp-to-http.jar"));
    assertThat(jar).as("the shaded jar, built by package").exists();
    int port = RunningApp.freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Dkmp.simulator.port=" + port);
    command.add("-Dkmp.uri=kmp:socket://localhost:" + port + "?initialDelay=0");
    command.add("-Dkmp.delay=100");
    command.add("-Dhttp.redelivery-delay=10");
    properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
    command.add("-jar");
    command.add(jar.toAbsolutePath().toString());
    Files.deleteIfExists(work.resolve("out.txt"));
    return new ProcessBuilder(command)
        .directory(work.toFile())
        .redirectOutput(work.resolve("out.txt").toFile())
        .redirectError(work.resolve("err.txt").toFile())
        .start();
  }

  /** The log: on stdout. */
  private String log() throws IOException {
    Path out = work.resolve("out.txt");
    return Files.exists(out) ? Files.readString(out) : "";
  }

  /** What the jar wrote to stderr, blank lines left out. */
  private List<String> stderrLines() throws IOException {
    return Files.readAllLines(work.resolve("err.txt")).stream()
        .filter(line -> !line.isBlank())
        .toList();
  }

  private List<Path> deadLetters() throws IOException {
    Path dir = work.resolve("dead-letter");
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.toString().endsWith(".json")).toList();
    }
  }

  private void stop(Process process) throws Exception {
    process.destroy(); // SIGTERM, as Ctrl-C
    assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void byDefaultTheJarPostsToItsDemoReceiver() throws Exception {
    int receiverPort = RunningApp.freePort();
    Process process =
        start(
            Map.of(
                "http.receiver.port",
                String.valueOf(receiverPort),
                "http.url",
                "http://localhost:" + receiverPort + "/readings"));
    try {
      await()
          .atMost(Duration.ofSeconds(30))
          .failFast("the jar stopped", () -> !process.isAlive())
          .until(() -> log().split("delivered reading", -1).length > 3);
    } finally {
      stop(process);
    }
    assertThat(log()).contains("demo receiver on http://localhost:" + receiverPort + "/readings");
    assertThat(log()).contains("received reading 72345678-");
    assertThat(deadLetters()).isEmpty();
  }

  @Test
  void deadLettersOutliveARestartAndAreDeliveredOnce() throws Exception {
    int port;
    try (TestReceiver gone = TestReceiver.start()) {
      port = gone.port();
    }
    Map<String, String> settings =
        Map.of(
            "http.url", "http://127.0.0.1:" + port + "/readings",
            "http.redeliveries", "1",
            "http.replay-delay", "200");
    Process down = start(settings);
    try {
      await()
          .atMost(Duration.ofSeconds(30))
          .failFast("the jar stopped", () -> !down.isAlive())
          .until(() -> deadLetters().size() >= 3);
    } finally {
      stop(down);
    }
    List<String> kept =
        deadLetters().stream().map(f -> f.getFileName().toString().replace(".json", "")).toList();

    try (TestReceiver receiver = TestReceiver.start(port)) {
      Process up = start(settings);
      try {
        await()
            .atMost(Duration.ofSeconds(30))
            .failFast("the jar stopped", () -> !up.isAlive())
            .until(() -> deadLetters().isEmpty());
      } finally {
        stop(up);
      }
      for (String key : kept) {
        assertThat(receiver.requests(key)).as(key).hasSize(1);
        assertThat(receiver.requests(key).get(0).status()).isEqualTo(200);
      }
    }
  }

  @Test
  void aUrlThatIsNotHttpIsOneLineAndExitStatus2() throws Exception {
    Process process = start(Map.of("http.url", "ftp://receiver.example/readings"));
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();

    assertThat(process.exitValue()).isEqualTo(2);
    assertThat(stderrLines())
        .singleElement(as(STRING))
        .startsWith("kmp-to-http: http.url=ftp://receiver.example/readings is not an http://")
        .doesNotContain("Exception");
    assertThat(work.resolve("dead-letter")).doesNotExist();
  }

  @Test
  void aBusySimulatorPortIsOneLineNamingTheSettingsAndExitStatus2() throws Exception {
    try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = busy.getLocalPort();
      // given last, these win over the free port start() sets
      Process process =
          start(
              Map.of(
                  "kmp.simulator.port",
                  String.valueOf(port),
                  "kmp.uri",
                  "kmp:socket://localhost:" + port));
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

      assertThat(process.exitValue()).isEqualTo(2);
      assertThat(stderrLines())
          .singleElement(as(STRING))
          .startsWith("kmp-to-http: cannot start the simulated meter on port " + port)
          .contains("kmp.simulator.port=", "kmp.uri=")
          .doesNotContain("Exception");
    }
  }
}
