package org.camelkmp.examples.database;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        "db.url | jdbc:mysql://db/meters | db.url=jdbc:mysql://db/meters is neither H2",
        "db.url | ' ' | db.url is not set",
        "db.url | jdbc:postgresql://127.0.0.1:1/test"
            + " | db.url=jdbc:postgresql://127.0.0.1:1/test: cannot create the table",
        "db.table | kmp values | db.table=kmp values is not a plain table name",
        "db.table | t;DROP TABLE x | db.table=t;DROP TABLE x is not a plain table name",
        "db.redeliveries | -2 | db.redeliveries=-2 must be a whole number of at least 0",
        "db.redelivery-delay | 1s | db.redelivery-delay=1s must be a whole number of at least 0",
        "kmp.uri | /dev/ttyUSB0 | kmp.uri=/dev/ttyUSB0 must start with kmp:",
      })
  void isRefusedNamingTheProperty(String key, String value, String message) throws Exception {
    Map<String, String> settings = RunningApp.onEmbeddedSimulator();
    settings.putAll(TestDatabase.h2(dir).settings());
    settings.put(key, value);

    assertThatThrownBy(() -> RunningApp.start(settings).close()).hasStackTraceContaining(message);
  }
}
