package org.camelkmp.examples.homeassistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {
  @TempDir Path dir;

  private static Settings settings(String... keyValues) {
    DefaultCamelContext context = new DefaultCamelContext();
    Properties properties = new Properties();
    for (int i = 0; i < keyValues.length; i += 2) {
      properties.setProperty(keyValues[i], keyValues[i + 1]);
    }
    context.getPropertiesComponent().setInitialProperties(properties);
    return new Settings(context);
  }

  @Test
  void kmpUriMayListSeveralMetersSeparatedByCommasSemicolonsOrSpaces() {
    Settings settings =
        settings(
            "kmp.uri",
            "kmp:socket://gw:2002?registers=E1,V1, kmp:/dev/ttyUSB0;kmp:socket://gw:2003");

    assertThat(settings.meters())
        .containsExactly(
            "kmp:socket://gw:2002?registers=E1,V1", "kmp:/dev/ttyUSB0", "kmp:socket://gw:2003");
  }

  @Test
  void aMetersFileHasOneMeterPerLineWithCommentsAndBlankLines() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("meters.txt"),
            "# the block's meters\n\nkmp:socket://gw:2002\n  kmp:socket://gw:2003?delay=15m  \n");

    assertThat(settings("kmp.meters.file", file.toString(), "kmp.uri", "ignored").meters())
        .containsExactly("kmp:socket://gw:2002", "kmp:socket://gw:2003?delay=15m");
  }

  @Test
  void mqttUrlsAreGivenInPahosFormWithTheDefaultPort() {
    assertThat(settings("mqtt.url", "mqtt://ha.local").mqttUrl()).isEqualTo("tcp://ha.local:1883");
    assertThat(settings("mqtt.url", "mqtts://ha.local").mqttUrl()).isEqualTo("ssl://ha.local:8883");
    assertThat(settings("mqtt.url", "tcp://10.0.0.2:1884").mqttUrl())
        .isEqualTo("tcp://10.0.0.2:1884");
  }

  @Test
  void thePasswordFileGivesItsFirstLine() throws Exception {
    Path file = Files.writeString(dir.resolve("pw"), "p4ss word\nsecond line\n");

    assertThat(settings("mqtt.username", "kmp", "mqtt.password.file", file.toString()).password())
        .isEqualTo("p4ss word");
  }
}
