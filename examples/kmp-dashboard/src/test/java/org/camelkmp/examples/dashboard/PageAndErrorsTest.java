package org.camelkmp.examples.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The page and its scripts come from the jar; what is not there is a 404; failures never leak. */
class PageAndErrorsTest {
  @TempDir static Path dir;
  static RunningDashboard dashboard;

  @BeforeAll
  static void start() throws Exception {
    dashboard = RunningDashboard.start(dir, Map.of("kmp.delay", "1h"));
  }

  @AfterAll
  static void stop() {
    dashboard.close();
  }

  @ParameterizedTest
  @CsvSource({
    "/, text/html; charset=utf-8, <canvas",
    "/app/dashboard.js, text/javascript; charset=utf-8, new Chart(",
    "/app/errors.js, text/javascript; charset=utf-8, unhandledrejection",
    "/app/dashboard.css, text/css; charset=utf-8, .tiles",
    "/webjars/chart.js/4.5.1/dist/chart.umd.min.js, text/javascript; charset=utf-8, Chart.js v4.5.1",
    "/webjars/luxon/3.7.2/build/global/luxon.min.js, text/javascript; charset=utf-8, luxon",
    "/webjars/chartjs-adapter-luxon/1.3.1/dist/chartjs-adapter-luxon.umd.min.js,"
        + " text/javascript; charset=utf-8, chartjs-adapter-luxon v1.3.1",
  })
  void thePageAndTheChartLibraryAreServedFromTheClasspath(
      String path, String contentType, String content) throws Exception {
    HttpResponse<String> response = dashboard.get(path);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue(contentType);
    assertThat(response.body()).contains(content);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/app/../application.properties",
        "/app/%2e%2e/application.properties",
        "/app/..%2Fapplication.properties",
        "/webjars/../../application.properties",
        "/webjars/chart.js/4.5.1/package.json.missing",
        "/app/",
        "/app/nothing.js",
        "/app/dashboard.exe",
        "/index.html",
      })
  void anythingElseIsNotFound(String path) throws Exception {
    HttpResponse<String> response = dashboard.get(path);
    assertThat(response.statusCode()).as(path).isEqualTo(404);
    assertThat(response.body()).doesNotContain("kmp.uri", "camel.server");
  }

  @Test
  void aFailureIsA500WithAShortJsonMessageAndNoStackTrace(@TempDir Path own) throws Exception {
    try (RunningDashboard failing = RunningDashboard.start(own, Map.of("kmp.delay", "1h"));
        Connection db = failing.database();
        Statement statement = db.createStatement()) {
      statement.execute("DROP TABLE kmp_reading CASCADE");

      HttpResponse<String> response = failing.get("api/latest");

      assertThat(response.statusCode()).isEqualTo(500);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValue("application/json; charset=utf-8");
      assertThat(ReadingsApiTest.JSON.readTree(response.body()).get("message").asText())
          .isEqualTo("the dashboard could not answer: its log says why");
      assertThat(response.body()).doesNotContain("Exception", "\tat ", "KMP_READING", "SQL");
    }
  }
}
