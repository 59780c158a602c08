package org.camelkmp.examples.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page in headless Chromium against the dashboard reading the simulator: it loads, the charts
 * have data points (counted by Chart.js itself), the latest values are exact, no console errors.
 * Keeps a screenshot in {@code target/screenshots/dashboard.png}.
 */
class DashboardPageBrowserTest {

  /** What the page shows, read from its DOM and from Chart.js. */
  static final String STATE =
      """
      JSON.stringify({
        charts: Array.from(document.querySelectorAll('figure.chart')).map(function (f) {
          var chart = typeof Chart === 'undefined' ? null : Chart.getChart(f.querySelector('canvas'));
          return {
            id: f.id,
            points: Number(f.dataset.points),
            drawn: chart ? chart.data.datasets.map(function (d, i) {
              return chart.getDatasetMeta(i).data.length;
            }) : []
          };
        }),
        tiles: Array.from(document.querySelectorAll('#latest .tile')).map(function (t) {
          return t.dataset.register + '=' + t.querySelector('.value').firstChild.textContent;
        }),
        errors: Array.from(document.querySelectorAll('#errors li')).map(function (e) {
          return e.textContent;
        }),
        meter: (document.getElementById('meter') || {}).textContent,
        status: ((document.getElementById('status') || {}).dataset || {}).state
      })
      """;

  static Path screenshots() {
    return Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
  }

  /** Opens {@code url} and checks what a person would: data in every chart, no errors. */
  static void checkPage(String url, Path profile, String screenshot) throws Exception {
    Path executable = Chromium.required();
    try (Chromium chromium = Chromium.launch(executable, profile)) {
      Chromium.Page page = chromium.page();
      page.navigate(url);

      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(250))
          .untilAsserted(
              () -> {
                JsonNode state = state(page);
                assertThat(state.get("charts")).hasSize(4);
                for (JsonNode chart : state.get("charts")) {
                  assertThat(chart.get("points").asInt()).as(chart.toString()).isGreaterThan(1);
                  for (JsonNode drawn : chart.get("drawn")) {
                    assertThat(drawn.asInt()).as(chart.toString()).isGreaterThan(1);
                  }
                }
              });
      JsonNode state = state(page);
      assertThat(state.get("status").asText()).isEqualTo("ok");
      assertThat(state.get("meter").asText()).isEqualTo("meter 72345678");
      // the meter's exact decimals reach the page: 45.60, not 45.6
      assertThat(state.get("tiles").toString()).contains("\"E1=1234.567\"", "\"T2=45.60\"");
      assertThat(state.get("tiles")).hasSize(6);

      // another range reloads the charts
      page.evaluate(
          "(function () { var r = document.getElementById('range'); r.value = '900000';"
              + " r.dispatchEvent(new Event('change')); return true; })()");
      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(250))
          .untilAsserted(
              () -> {
                for (JsonNode chart : state(page).get("charts")) {
                  assertThat(chart.get("points").asInt()).as(chart.toString()).isGreaterThan(1);
                }
              });

      page.screenshot(screenshots().resolve(screenshot));
      assertThat(state(page).get("errors")).as("errors shown on the page").isEmpty();
      assertThat(page.errors()).as("console errors and failed loads").isEmpty();
    }
    assertThat(Files.size(screenshots().resolve(screenshot))).isGreaterThan(10_000);
  }

  static JsonNode state(Chromium.Page page) throws Exception {
    return new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(page.evaluate(STATE).asText());
  }

  @Test
  void thePageShowsChartsWithDataAndNoErrors(@TempDir Path dir) throws Exception {
    Chromium.required();
    try (RunningDashboard dashboard = RunningDashboard.start(dir)) {
      // a few readings stored before the page opens, so that its first load draws lines
      await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () ->
                  ReadingsApiTest.JSON
                          .readTree(dashboard.get("api/readings?register=E1").body())
                          .get("count")
                          .asInt()
                      >= 3);
      checkPage(dashboard.baseUrl(), dir.resolve("chromium"), "dashboard.png");
    }
  }
}
