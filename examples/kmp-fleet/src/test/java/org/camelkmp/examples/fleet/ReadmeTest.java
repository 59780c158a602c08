package org.camelkmp.examples.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The README's settings table names every setting of application.properties. */
class ReadmeTest {
  @Test
  void everySettingIsInTheReadmesTable() throws IOException {
    Properties defaults = new Properties();
    try (Reader in =
        Files.newBufferedReader(Path.of("src/main/resources/application.properties"))) {
      defaults.load(in);
    }
    Set<String> table = new TreeSet<>();
    for (String line : Files.readAllLines(Path.of("README.md"))) {
      if (line.startsWith("| `")) {
        table.add(line.substring(3, line.indexOf('`', 3)));
      }
    }
    Set<String> ours = new TreeSet<>();
    for (String key : defaults.stringPropertyNames()) {
      if (!key.startsWith("camel.")) {
        ours.add(key);
      }
    }

    assertThat(table).containsAll(ours);
  }
}
