package org.camelkmp.examples.http;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A bad setting stops the application before it reads the meter, naming the property. */
class BadSettingsTest {
  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "http.url | ftp://receiver/readings | http.url=ftp://receiver/readings is not an http://",
        "http.url | receiver:8080/readings | http.url=receiver:8080/readings is not an http://",
        "http.url | ' ' | http.url is not set",
        "http.redeliveries | -1 | http.redeliveries=-1 must be a whole number of at least 0",
        "http.redelivery-delay | 1s | http.redelivery-delay=1s must be a whole number of at least 0",
        "http.replay-delay | 0 | http.replay-delay=0 must be a whole number of at least 1",
        "http.response-timeout | x | http.response-timeout=x must be a whole number of at least 1",
        "http.dead-letter-dir | A_FILE | is not a directory",
        "kmp.uri | socket://gateway:2002 | kmp.uri=socket://gateway:2002 must start with kmp:",
      })
  void isRefusedNamingTheProperty(String key, String value, String message) throws Exception {
    Map<String, String> settings = RunningApp.onEmbeddedSimulator();
    settings.put("http.url", "http://127.0.0.1:9/readings");
    settings.put("http.dead-letter-dir", dir.resolve("dead-letter").toString());
    if (value.equals("A_FILE")) {
      value = Files.writeString(dir.resolve("a-file"), "").toString();
    }
    settings.put(key, value);

    assertThatThrownBy(() -> RunningApp.start(settings).close()).hasStackTraceContaining(message);
  }
}
