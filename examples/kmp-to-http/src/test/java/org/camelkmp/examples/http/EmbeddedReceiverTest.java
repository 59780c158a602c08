package org.camelkmp.examples.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The demo receiver the example posts to by default. */
@SuppressWarnings("try") // a running application is a resource that is closed, not used
class EmbeddedReceiverTest {
  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({
    "http://localhost:20480/readings, true",
    "http://127.0.0.1:20480/, true",
    "http://localhost:8080/readings, false",
    "https://localhost:20480/readings, false",
    "http://receiver:20480/readings, false",
    "'not a url', false"
  })
  void startsOnlyForItsOwnAddress(String url, boolean expected) {
    assertThat(EmbeddedReceiver.targetsLocalPort(url, 20480)).isEqualTo(expected);
  }

  @Test
  void theDefaultSettingsPostToTheDemoReceiverWhichTakesAKeyOnce() throws Exception {
    int port = RunningApp.freePort();
    Map<String, String> settings = RunningApp.onEmbeddedSimulator();
    settings.put("http.receiver.port", String.valueOf(port));
    settings.put("http.url", "http://localhost:" + port + "/readings");
    settings.put("http.dead-letter-dir", dir.toString());
    EmbeddedReceiver receiver = null;
    try (RunningApp app = RunningApp.start(settings)) {
      receiver =
          app.main.getMainListeners().stream()
              .filter(EmbeddedReceiver.class::isInstance)
              .map(EmbeddedReceiver.class::cast)
              .findFirst()
              .orElseThrow();
      EmbeddedReceiver running = receiver;
      assertThat(running.isRunning()).isTrue();
      await().atMost(Duration.ofSeconds(20)).until(() -> running.received() >= 2);

      HttpClient client = HttpClient.newHttpClient();
      HttpRequest request =
          HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/readings"))
              .header("Idempotency-Key", "1-twice")
              .POST(HttpRequest.BodyPublishers.ofString("{}"))
              .build();
      HttpResponse<String> first = client.send(request, HttpResponse.BodyHandlers.ofString());
      int before = running.received();
      HttpResponse<String> again = client.send(request, HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> keyless =
          client.send(
              HttpRequest.newBuilder(request.uri())
                  .POST(HttpRequest.BodyPublishers.ofString("{}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());

      assertThat(first.statusCode()).isEqualTo(200);
      assertThat(first.body()).isEqualTo("stored");
      assertThat(again.statusCode()).isEqualTo(200);
      assertThat(again.body()).isEqualTo("already stored");
      assertThat(running.received()).isGreaterThanOrEqualTo(before);
      assertThat(keyless.statusCode()).isEqualTo(400);
    }
    assertThat(receiver.isRunning()).isFalse();
  }

  @Test
  void anotherUrlLeavesTheDemoReceiverOff() throws Exception {
    try (TestReceiver other = TestReceiver.start()) {
      Map<String, String> settings = RunningApp.onEmbeddedSimulator();
      settings.put("http.url", other.url());
      settings.put("http.dead-letter-dir", dir.toString());
      try (RunningApp app = RunningApp.start(settings)) {
        assertThat(app.main.getMainListeners())
            .filteredOn(EmbeddedReceiver.class::isInstance)
            .allSatisfy(r -> assertThat(((EmbeddedReceiver) r).isRunning()).isFalse());
        await().atMost(Duration.ofSeconds(20)).until(() -> !other.accepted().isEmpty());
      }
    }
  }
}
