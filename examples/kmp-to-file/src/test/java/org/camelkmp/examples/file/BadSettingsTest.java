package org.camelkmp.examples.file;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A bad setting stops the application before it starts, naming the property. */
class BadSettingsTest {
  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "file.format | xml | file.format=xml is not one of jsonl, csv",
        "file.zone | Mars/Olympus | file.zone=Mars/Olympus is not a time zone id",
        "kmp.uri | socket://gateway:2002 | kmp.uri=socket://gateway:2002 must start with kmp:",
        "kmp.uri | ' ' | kmp.uri is not set",
        "file.dir | A_FILE | is not a directory",
      })
  void isRefusedNamingTheProperty(String key, String value, String message) throws Exception {
    Map<String, String> settings = RunningApp.onEmbeddedSimulator();
    settings.put("file.dir", dir.toString());
    if (value.equals("A_FILE")) {
      value = Files.writeString(dir.resolve("a-file"), "").toString();
    }
    settings.put(key, value);

    assertThatThrownBy(() -> RunningApp.start(settings).close()).hasStackTraceContaining(message);
  }
}
