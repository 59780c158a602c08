package org.camelkmp.examples.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The application against the embedded simulator and a real HTTP receiver that fails. */
@SuppressWarnings("try") // a running application is a resource that is closed, not used
class KmpToHttpTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private static ConditionFactory waiting() {
    return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(10));
  }

  private Path deadLetters() {
    return dir.resolve("dead-letter");
  }

  private Map<String, String> settings(String url) throws Exception {
    Map<String, String> settings = RunningApp.onEmbeddedSimulator();
    settings.put("http.url", url);
    settings.put("http.dead-letter-dir", deadLetters().toString());
    settings.put("http.replay-delay", "200");
    settings.put("http.response-timeout", "1000");
    return settings;
  }

  /** The key the route makes: the meter serial, then the read time in ISO 8601 basic format. */
  static String keyOf(String json) throws IOException {
    JsonNode reading = JSON.readTree(json);
    return reading.get("meterSerial").asLong()
        + "-"
        + reading.get("readAt").asText().replace("-", "").replace(":", "");
  }

  private List<Path> deadLetterFiles() throws IOException {
    if (!Files.isDirectory(deadLetters())) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(deadLetters())) {
      return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    }
  }

  /** No reading was taken twice by the receiver. */
  private static void eachKeyAcceptedOnce(TestReceiver receiver) {
    Map<String, Long> accepted =
        receiver.accepted().stream()
            .collect(Collectors.groupingBy(TestReceiver.Request::key, Collectors.counting()));
    assertThat(accepted).allSatisfy((key, times) -> assertThat(times).as(key).isEqualTo(1));
  }

  @Test
  void eachReadingIsPostedAsJsonWithItsIdempotencyKey() throws Exception {
    try (TestReceiver receiver = TestReceiver.start()) {
      try (RunningApp app = RunningApp.start(settings(receiver.url()))) {
        waiting().until(() -> receiver.accepted().size() >= 3);
      }
      List<TestReceiver.Request> requests = receiver.requests();
      for (TestReceiver.Request request : requests) {
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/readings");
        assertThat(request.contentType()).startsWith("application/json");
        JsonNode reading = JSON.readTree(request.body());
        assertThat(reading.get("meterSerial").asLong()).isEqualTo(72345678L);
        assertThat(reading.get("registers")).hasSize(6);
        // UTF-8, as JSON must be: the volume's unit arrives intact
        assertThat(reading.get("registers").get(1).get("unit").asText()).isEqualTo("m³");
        assertThat(request.key())
            .isEqualTo(keyOf(request.body()))
            .matches("72345678-\\d{8}T\\d{6}\\.\\d+Z");
        // the component's own headers stay inside Camel
        assertThat(request.headers()).noneMatch(h -> h.toLowerCase().startsWith("camel"));
      }
      assertThat(requests).extracting(TestReceiver.Request::key).doesNotHaveDuplicates();
      assertThat(deadLetterFiles()).isEmpty();
    }
  }

  @Test
  void aFailingReceiverGetsTheSameReadingAgainUntilItRecovers() throws Exception {
    try (TestReceiver receiver = TestReceiver.start()) {
      receiver.answer(503);
      Map<String, String> settings = settings(receiver.url());
      settings.put("http.redeliveries", "20");
      try (RunningApp app = RunningApp.start(settings)) {
        waiting().until(() -> receiver.requests().size() >= 3);
        receiver.answer(200);
        waiting().until(() -> receiver.accepted().size() >= 2);
      }
      TestReceiver.Request first = receiver.requests().get(0);
      List<TestReceiver.Request> attempts = receiver.requests(first.key());
      assertThat(attempts).hasSizeGreaterThanOrEqualTo(3);
      assertThat(attempts).extracting(TestReceiver.Request::body).containsOnly(first.body());
      assertThat(attempts.get(0).status()).isEqualTo(503);
      assertThat(attempts.get(attempts.size() - 1).status()).isEqualTo(200);
      eachKeyAcceptedOnce(receiver);
      assertThat(deadLetterFiles()).isEmpty();
    }
  }

  @Test
  void aReceiverThatStaysDownLeavesDeadLettersDeliveredOnceItIsBack() throws Exception {
    int port;
    try (TestReceiver gone = TestReceiver.start()) {
      port = gone.port(); // closed at once: connections to it are refused
    }
    Map<String, String> settings = settings("http://127.0.0.1:" + port + "/readings");
    settings.put("http.redeliveries", "1");
    try (RunningApp app = RunningApp.start(settings)) {
      waiting().until(() -> deadLetterFiles().size() >= 3);
      List<Path> kept = deadLetterFiles();
      for (Path file : kept) {
        String json = Files.readString(file);
        assertThat(file.getFileName()).hasToString(keyOf(json) + ".json");
      }
      List<String> keptKeys =
          kept.stream().map(f -> f.getFileName().toString().replace(".json", "")).toList();

      try (TestReceiver receiver = TestReceiver.start(port)) {
        waiting()
            .until(
                () ->
                    receiver.accepted().stream()
                        .map(TestReceiver.Request::key)
                        .toList()
                        .containsAll(keptKeys));
        waiting().until(() -> deadLetterFiles().isEmpty());
        app.close();

        for (String key : keptKeys) {
          assertThat(receiver.requests(key)).hasSize(1);
        }
        eachKeyAcceptedOnce(receiver);
      }
    }
  }

  @Test
  void aDeadLetterReplayedBeforeIsDroppedNotPostedAgain() throws Exception {
    int port;
    try (TestReceiver gone = TestReceiver.start()) {
      port = gone.port();
    }
    Map<String, String> settings = settings("http://127.0.0.1:" + port + "/readings");
    settings.put("http.redeliveries", "0");
    try (RunningApp app = RunningApp.start(settings)) {
      waiting().until(() -> !deadLetterFiles().isEmpty());
      Path file = deadLetterFiles().get(0);
      String json = Files.readString(file);
      String key = keyOf(json);
      try (TestReceiver receiver = TestReceiver.start(port)) {
        waiting().until(() -> !Files.exists(file));
        assertThat(receiver.requests(key)).hasSize(1);

        // as after a crash between the delivery and the deletion of the file
        Files.writeString(file, json);
        waiting().until(() -> !Files.exists(file));
        app.close();

        assertThat(receiver.requests(key)).hasSize(1);
        eachKeyAcceptedOnce(receiver);
      }
    }
  }

  @Test
  void aPostThatTimesOutIsSentAgainWithTheSameKey() throws Exception {
    try (TestReceiver receiver = TestReceiver.start()) {
      receiver.holdAnswers();
      Map<String, String> settings = settings(receiver.url());
      settings.put("http.response-timeout", "300");
      settings.put("http.redeliveries", "20");
      try (RunningApp app = RunningApp.start(settings)) {
        waiting().until(() -> receiver.requests().size() >= 2);
        receiver.release();
        waiting().until(() -> !receiver.accepted().isEmpty());
      }
      TestReceiver.Request first = receiver.requests().get(0);
      List<TestReceiver.Request> attempts = receiver.requests(first.key());
      // the receiver may have stored the first one: the key lets it see the second is the same
      assertThat(attempts).hasSizeGreaterThanOrEqualTo(2);
      assertThat(attempts).extracting(TestReceiver.Request::body).containsOnly(first.body());
      assertThat(deadLetterFiles()).isEmpty();
    }
  }

  @Test
  void stoppingWhileARedeliveryWaitsKeepsTheReadingAsADeadLetter() throws Exception {
    try (TestReceiver receiver = TestReceiver.start()) {
      receiver.answer(503); // which the HTTP client would retry itself if it were let
      Map<String, String> settings = settings(receiver.url());
      settings.put("http.redelivery-delay", "60000");
      settings.put("kmp.delay", "3600000");
      RunningApp app = RunningApp.start(settings);
      waiting().until(() -> !receiver.requests().isEmpty());
      app.close();

      String key = receiver.requests().get(0).key();
      assertThat(deadLetterFiles())
          .extracting(f -> f.getFileName().toString())
          .containsExactly(key + ".json");
      assertThat(keyOf(Files.readString(deadLetterFiles().get(0)))).isEqualTo(key);
      assertThat(receiver.requests()).hasSize(1);
    }
  }

  @Test
  void whileTheReceiverFailsEachReplayRoundTriesOneDeadLetterOnly() throws Exception {
    Files.createDirectories(deadLetters());
    List<String> keys = List.of("1-A", "1-B", "1-C", "1-D", "1-E");
    for (String key : keys) {
      Files.writeString(deadLetters().resolve(key + ".json"), "{\"key\":\"" + key + "\"}");
    }
    try (TestReceiver receiver = TestReceiver.start()) {
      receiver.answer(503);
      Map<String, String> settings = settings(receiver.url());
      // only the dead letters are sent: the meter is not read during the test
      settings.put(
          "kmp.uri", settings.get("kmp.uri").replace("initialDelay=0", "initialDelay=3600000"));
      try (RunningApp app = RunningApp.start(settings)) {
        waiting().until(() -> receiver.requests().size() >= 4);
        // the first file failed each round, and the rest of the round was skipped
        assertThat(receiver.requests().subList(0, 4))
            .extracting(TestReceiver.Request::key)
            .containsOnly("1-A");

        receiver.answer(200);
        waiting().until(() -> deadLetterFiles().isEmpty());
      }
      assertThat(receiver.accepted())
          .extracting(TestReceiver.Request::key)
          .containsExactlyElementsOf(keys);
      assertThat(receiver.accepted())
          .extracting(TestReceiver.Request::body)
          .first()
          .isEqualTo("{\"key\":\"1-A\"}");
      eachKeyAcceptedOnce(receiver);
    }
  }
}
