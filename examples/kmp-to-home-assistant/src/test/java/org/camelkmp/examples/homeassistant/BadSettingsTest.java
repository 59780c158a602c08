package org.camelkmp.examples.homeassistant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.camel.main.Main;
import org.camelkmp.examples.support.ExampleRun;
import org.camelkmp.examples.support.ExampleStartupException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A bad setting stops the application before it connects or reads, naming the setting. */
class BadSettingsTest {
  @TempDir Path dir;

  private static final class RunningApp extends ExampleRun {
    private RunningApp(Main main) {
      super(main);
    }

    static RunningApp start(Map<String, String> overrides) throws Exception {
      return new RunningApp(started(KmpToHomeAssistantApplication.createMain(), overrides));
    }
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "mqtt.url | http://broker:1883 | mqtt.url=http://broker:1883 is not an MQTT broker address",
        "mqtt.url | localhost:1883 | mqtt.url=localhost:1883 is not an MQTT broker address",
        "mqtt.url | tcp://broker:1883/topic | mqtt.url=tcp://broker:1883/topic is not an MQTT",
        "mqtt.url | ' ' | mqtt.url is not set",
        "ha.node.id | my/reader | ha.node.id=my/reader may hold only letters",
        "ha.discovery.prefix | home# | ha.discovery.prefix=home# may hold only letters",
        "kmp.delay | soon | kmp.delay=soon is not a duration such as 15m",
        "kmp.delay | 0 | kmp.delay=0 is not a duration",
        "kmp.registers | E1,NOPE | kmp.registers=E1,NOPE:",
        "ha.buffer.max | 0 | ha.buffer.max=0 must be a whole number of at least 1",
        "mqtt.reconnect-delay-max | -1 | mqtt.reconnect-delay-max=-1 is not a duration",
        "kmp.uri | 'kmp:socket://a:2002,kmp:socket://a:2002' | names the same meter twice",
        "kmp.uri | socket://gateway:2002 | kmp.uri=socket://gateway:2002 must start with kmp:",
        "mqtt.password | secret | a password is set but mqtt.username is not",
        "kmp.meters.file | MISSING | cannot read the file",
        "kmp.meters.file | BAD_LINE | line 3: 'socket://b:2002' is not one kmp: URI",
        "mqtt.truststore | A_FILE | mqtt.truststore is set but mqtt.url=tcp://127.0.0.1:9 is not TLS",
      })
  void isRefusedNamingTheSetting(String key, String value, String message) throws Exception {
    Map<String, String> settings = ExampleRun.onEmbeddedSimulator();
    settings.put("mqtt.url", "tcp://127.0.0.1:9");
    settings.put("ha.buffer.dir", dir.resolve("data").toString());
    switch (value) {
      case "MISSING" -> value = dir.resolve("missing.txt").toString();
      case "BAD_LINE" ->
          value =
              Files.writeString(
                      dir.resolve("meters.txt"),
                      "# my meters\nkmp:socket://a:2002\nsocket://b:2002\n")
                  .toString();
      case "A_FILE" -> value = Files.writeString(dir.resolve("ca.pem"), "x").toString();
      default -> {}
    }
    settings.put(key, value);

    assertThatThrownBy(() -> RunningApp.start(settings).close())
        .hasStackTraceContaining(ExampleStartupException.class.getName())
        .hasStackTraceContaining(message);
    assertThat(dir.resolve("data/outbox")).doesNotExist();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "not a certificate | cannot read it as PEM certificates or a PKCS12/JKS trust store",
        "-----BEGIN CERTIFICATE-----\\nnope\\n-----END CERTIFICATE----- | mqtt.truststore=",
      })
  void aTrustStoreThatIsNeitherPemNorAStoreIsRefused(String content, String message)
      throws Exception {
    Path file = Files.writeString(dir.resolve("trust"), content.replace("\\n", "\n"));
    Map<String, String> settings = ExampleRun.onEmbeddedSimulator();
    settings.put("mqtt.url", "ssl://127.0.0.1:9");
    settings.put("mqtt.truststore", file.toString());
    settings.put("ha.buffer.dir", dir.resolve("data").toString());

    assertThatThrownBy(() -> RunningApp.start(settings).close())
        .hasStackTraceContaining(ExampleStartupException.class.getName())
        .hasStackTraceContaining(message);
  }
}
