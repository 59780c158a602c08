package org.camelkmp.examples.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar as users start it, {@code java -jar kmp-dashboard.jar}, in its own process and
 * working directory: it starts the simulator, prints each reading and where to open the page,
 * serves the page, its chart library and the API, draws the charts in Chromium, and stops on
 * SIGTERM. A busy port is one clear line naming the property to change.
 */
class DashboardJarIT {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  record Started(Process process, Path out, Path err) implements AutoCloseable {
    String stdout() throws IOException {
      return Files.readString(out, StandardCharsets.UTF_8);
    }

    String stderr() throws IOException {
      return Files.readString(err, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
      process.destroy();
      try {
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }

  static Started java(Path workDir, String... args) throws IOException {
    return java(workDir, Map.of(), args);
  }

  static Started java(Path workDir, Map<String, String> environment, String... args)
      throws IOException {
    Path jar = Path.of(System.getProperty("kmpDashboard.jar", "target/kmp-dashboard.jar"));
    assertThat(jar).as("the shaded jar, built by package").exists();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(jar.toAbsolutePath().toString());
    command.addAll(List.of(args));
    Path out = workDir.resolve("stdout.txt");
    Path err = workDir.resolve("stderr.txt");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    builder.environment().putAll(environment);
    Process process = builder.start();
    return new Started(process, out, err);
  }

  /** The value of the sample {@code name} whose labels contain {@code label}, or -1. */
  static double metric(String scrape, String name, String label) {
    for (String line : scrape.split("\n")) {
      if (line.startsWith(name + "{") && line.contains(label)) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return -1;
  }

  static HttpResponse<String> get(int port, String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .timeout(Duration.ofSeconds(10))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theJarReadsTheSimulatorPrintsReadingsAndServesThePage(@TempDir Path dir) throws Exception {
    int port = RunningDashboard.freePort();
    int simulator = RunningDashboard.freePort();
    Path meter = dir.resolve("meter.properties");
    Files.writeString(meter, RunningDashboard.SIMULATOR_CONFIG);
    try (Started app =
        java(
            dir,
            "--camel.server.port=" + port,
            "--kmp.simulator.port=" + simulator,
            "--kmp.simulator.config=" + meter,
            "--kmp.uri=kmp:socket://localhost:" + simulator,
            "--kmp.delay=300")) {
      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () ->
                  assertThat(app.stdout())
                      .as("stderr: %s", app.stderr())
                      .contains("dashboard ready: open http://localhost:" + port + "/"));
      // one line per reading: register, value, unit
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(app.stdout())
                      .containsPattern(
                          "reading - meter 72345678: E1 [0-9.]+ GJ \\| V1 [0-9.]+ m³ \\| POWER1"
                              + " [0-9.]+ kW \\| FLOW1 [0-9]+ l/h \\| T1 [0-9.]+ °C \\| T2 [0-9.]+"
                              + " °C"));
      // the database is a file in the working directory by default
      assertThat(app.stdout())
          .contains(dir.resolve("kmp-dashboard-data/readings.mv.db").toString());
      assertThat(dir.resolve("kmp-dashboard-data/readings.mv.db")).exists();

      HttpResponse<String> page = get(port, "/");
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
      assertThat(page.body()).contains("<canvas", "/webjars/chart.js/");
      // every script and style sheet the page names is in the jar
      java.util.regex.Matcher refs =
          java.util.regex.Pattern.compile("(?:src|href)=\"(/[^\"]+)\"").matcher(page.body());
      int found = 0;
      while (refs.find()) {
        String ref = refs.group(1);
        if (ref.startsWith("/api/")) {
          continue;
        }
        HttpResponse<String> resource = get(port, ref);
        assertThat(resource.statusCode()).as(ref).isEqualTo(200);
        assertThat(resource.body()).as(ref).isNotEmpty();
        found++;
      }
      assertThat(found).isGreaterThanOrEqualTo(6);
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> assertThat(get(port, "/api/latest").body()).contains("\"name\":\"T2\""));
      assertThat(get(port, "/api/readings?from=now").statusCode()).isEqualTo(400);

      // Prometheus scrapes the kmp consumer's meters, tagged with the port it reads
      String meterPort = "port=\"socket://localhost:" + simulator + "\"";
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(
                          metric(
                              get(port, "/observe/metrics").body(),
                              "kmp_consumer_polls_total",
                              meterPort))
                      .isGreaterThanOrEqualTo(2));
      String scrape = get(port, "/observe/metrics").body();
      assertThat(metric(scrape, "kmp_consumer_poll_requests_sum", meterPort)).isPositive();
      assertThat(metric(scrape, "kmp_consumer_poll_bytes_sum", meterPort)).isPositive();
      assertThat(metric(scrape, "kmp_consumer_poll_duration_seconds_count", meterPort))
          .isPositive();
      assertThat(metric(scrape, "kmp_consumer_last_success_seconds", meterPort))
          .isGreaterThan(System.currentTimeMillis() / 1000.0 - 600);

      // the charts from the jar's WebJars, in Chromium (without it, only DashboardPageBrowserTest
      // reports the skip; with CI=true it fails)
      if (Chromium.find().isPresent() || "true".equalsIgnoreCase(System.getenv("CI"))) {
        DashboardPageBrowserTest.checkPage(
            "http://localhost:" + port + "/", dir.resolve("chromium"), "dashboard-jar.png");
      }

      // SIGTERM: Camel stops the routes, the simulator and the database, and the JVM exits
      app.process().destroy();
      assertThat(app.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(app.stdout()).contains("kmp-dashboard) shutdown");
      assertThat(app.stderr()).doesNotContain("Exception");
    }
  }

  @Test
  void helpListsTheSettingsThatMatter(@TempDir Path dir) throws Exception {
    try (Started app = java(dir, "--help")) {
      assertThat(app.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(app.process().exitValue()).isZero();
      assertThat(app.stdout())
          .startsWith("Usage: java -jar kmp-dashboard.jar")
          .contains("--kmp.uri=", "--kmp.delay=", "--camel.server.port=", "--dashboard.db.path=");
      assertThat(dir.resolve("kmp-dashboard-data")).doesNotExist();
    }
  }

  @Test
  void aBusyPortIsOneLineNamingTheProperty(@TempDir Path dir) throws Exception {
    try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getByName("localhost"))) {
      int port = busy.getLocalPort();
      int simulator = RunningDashboard.freePort();
      try (Started app =
          java(
              dir,
              "--camel.server.port=" + port,
              "--kmp.simulator.port=" + simulator,
              "--kmp.uri=kmp:socket://localhost:" + simulator)) {
        assertThat(app.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(app.process().exitValue()).isEqualTo(2);
        assertThat(app.stderr().strip())
            .startsWith("kmp-dashboard: cannot serve the dashboard on localhost:" + port)
            .contains("camel.server.port")
            .doesNotContain("Exception", "\tat ", "\n");
      }
    }
  }

  @Test
  void thePortFromTheEnvironmentIsTheOneServedAndPrinted(@TempDir Path dir) throws Exception {
    int simulator = RunningDashboard.freePort();
    // 0: the system chooses a free port and the dashboard reports it
    try (Started app =
        java(
            dir,
            Map.of("CAMEL_SERVER_PORT", "0"),
            "--kmp.simulator.port=" + simulator,
            "--kmp.uri=kmp:socket://localhost:" + simulator)) {
      Pattern ready = Pattern.compile("dashboard ready: open (http://localhost:(\\d+)/)");
      Matcher printed =
          await()
              .atMost(Duration.ofSeconds(60))
              .failFast("the dashboard stopped", () -> !app.process().isAlive())
              .until(() -> ready.matcher(app.stdout()), Matcher::find);
      int port = Integer.parseInt(printed.group(2));
      // not application.properties' 8080, nor the 0 asked for
      assertThat(port).isNotIn(0, 8080);
      HttpResponse<String> page =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(printed.group(1)))
                  .timeout(Duration.ofSeconds(10))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).contains("<canvas");
    }
  }

  @Test
  void aBusyPortFromTheEnvironmentIsOneLineAndExitStatus2(@TempDir Path dir) throws Exception {
    try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getByName("localhost"))) {
      int port = busy.getLocalPort();
      int simulator = RunningDashboard.freePort();
      try (Started app =
          java(
              dir,
              Map.of("CAMEL_SERVER_PORT", String.valueOf(port)),
              "--kmp.simulator.port=" + simulator,
              "--kmp.uri=kmp:socket://localhost:" + simulator)) {
        assertThat(app.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(app.process().exitValue()).isEqualTo(2);
        assertThat(app.stderr().strip())
            .startsWith("kmp-dashboard: cannot serve the dashboard on localhost:" + port)
            .contains("CAMEL_SERVER_PORT=")
            .doesNotContain("Exception", "\tat ", "\n");
        assertThat(app.stdout()).doesNotContain("dashboard ready", "\tat ");
      }
    }
  }
}
