package org.camelkmp.examples.database;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shaded jar as users run it: {@code java -jar kmp-to-database.jar} in a working directory. */
class KmpToDatabaseJarIT {
  @TempDir Path work;

  private Process start(Map<String, String> properties) throws IOException {
    Path jar = Path.of(System.getProperty("example.jar", "target/kmp-to-database.jar"));
    assertThat(jar).as("the shaded jar, built by package").exists();
    int port = RunningApp.freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Dkmp.simulator.port=" + port);
    command.add("-Dkmp.uri=kmp:socket://localhost:" + port + "?initialDelay=0");
    command.add("-Dkmp.delay=100");
    properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
    command.add("-jar");
    command.add(jar.toAbsolutePath().toString());
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

  /** Runs the jar until it has logged {@code readings} stored readings, then stops it. */
  private void runUntil(Process process, int readings) throws Exception {
    try {
      await()
          .atMost(Duration.ofSeconds(30))
          .failFast("the jar stopped", () -> !process.isAlive())
          .until(() -> log().split("6 of 6 values stored", -1).length > readings);
    } catch (AssertionError | RuntimeException e) {
      throw new AssertionError(e.getMessage() + "; its log:\n" + log(), e);
    } finally {
      process.destroy(); // SIGTERM, as Ctrl-C: Camel stops gracefully
      assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void theJarStoresRowsInItsEmbeddedH2DatabaseByDefault() throws Exception {
    runUntil(start(Map.of()), 2);

    // the default db.url, jdbc:h2:file:./data/kmp-readings, seen from the working directory
    assertThat(work.resolve("data/kmp-readings.mv.db")).isRegularFile();
    TestDatabase db =
        TestDatabase.h2Table(
            "jdbc:h2:file:" + work.resolve("data/kmp-readings").toAbsolutePath(),
            "kmp_register_value");
    List<Map<String, Object>> rows = db.rows();
    assertThat(rows).hasSizeGreaterThanOrEqualTo(12);
    assertThat(rows).extracting(r -> r.get("meter_serial")).containsOnly(72345678L);
    assertThat(rows.subList(0, 6))
        .extracting(r -> r.get("register_name"))
        .containsExactly("E1", "V1", "FLOW1", "POWER1", "T1", "T2"); // by register id
    // stopped cleanly: the last reading stored, then the database closed
    assertThat(log())
        .doesNotContain("WARN", "ERROR")
        .contains(
            "(kmp-to-database) shutdown in"); // logged by the context while the SIGTERM hook stops
    // it
  }

  @Test
  void theJarStoresRowsInPostgreSqlWhenConfigured() throws Exception {
    try (TestDatabase db = TestDatabase.postgresql()) {
      runUntil(start(db.settings()), 2);

      assertThat(db.rows()).hasSizeGreaterThanOrEqualTo(12);
      assertThat(db.rows()).extracting(r -> r.get("meter_serial")).containsOnly(72345678L);
      assertThat(log()).contains("storing readings in table " + db.table).doesNotContain("WARN");
    }
  }

  @Test
  void aDatabaseThatRefusesTheConnectionIsOneLineAndExitStatus2() throws Exception {
    // a bound socket that does not listen: connecting to its port is refused
    try (Socket holder = new Socket()) {
      holder.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      String url = "jdbc:postgresql://127.0.0.1:" + holder.getLocalPort() + "/meters";
      Process process = start(Map.of("db.url", url));
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

      assertThat(process.exitValue()).isEqualTo(2);
      assertThat(stderrLines())
          .singleElement(as(STRING))
          .startsWith("kmp-to-database: db.url=" + url + ": cannot create the table")
          .contains("refused", "check db.url")
          .doesNotContain("Exception");
    }
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
          .startsWith("kmp-to-database: cannot start the simulated meter on port " + port)
          .contains("kmp.simulator.port=", "kmp.uri=")
          .doesNotContain("Exception");
    }
  }
}
