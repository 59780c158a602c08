package org.camelkmp.component.kmp.kamelet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camelkmp.kmp.simulator.MeterConfig;
import org.camelkmp.kmp.simulator.MeterSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code kmp-source} Kamelet from the component jar, run by camel-kamelet-main against a
 * simulated meter at 0x7F: the route {@code kamelet:kmp-source → file:} writes one JSON reading per
 * poll, with the meter's serial number and the registers asked for. A missing or wrong property
 * stops the start with a message naming it.
 */
class KmpSourceKameletTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long SERIAL = 5_550_123L;

  @TempDir Path out;

  @Test
  void readingsFromTheMeterArriveAsJsonFiles() throws Exception {
    try (MeterSimulator meter = meterAt(0x7F);
        KameletRun run =
            new KameletRun(
                    "classpath:routes/kmp-source-to-file.yaml",
                    Map.of(
                        "meter.port", String.valueOf(meter.tcpPort()), "out.dir", out.toString()),
                    false)
                .start()) {
      await().atMost(Duration.ofSeconds(20)).until(() -> files().size() >= 2);
      for (Path file : files()) {
        JsonNode reading = JSON.readTree(file.toFile());
        assertThat(reading.get("meterSerial").asLong()).isEqualTo(SERIAL);
        assertThat(reading.get("registers").findValuesAsText("name")).containsExactly("E1", "T1");
        assertThat(reading.get("registers").get(0).get("value").isNumber()).isTrue();
      }
    }
  }

  @Test
  void aMissingRequiredPropertyIsNamed() throws IOException {
    Path route =
        route(
            """
            - route:
                from:
                  uri: "kamelet:kmp-source"
                  parameters:
                    port: "socket://127.0.0.1:1"
                  steps:
                    - to: "log:readings"
            """);
    assertThatThrownBy(() -> startAndClose(route))
        .satisfies(
            e ->
                assertThat(messages(e))
                    .contains("kmp-source", "mandatory parameters must be provided: registers"));
  }

  @Test
  void aWrongPropertyValueIsNamedWithWhatIsWrong() throws IOException {
    Path route =
        route(
            """
            - route:
                from:
                  uri: "kamelet:kmp-source"
                  parameters:
                    port: "socket://127.0.0.1:1"
                    registers: "E1"
                    destinationAddress: "0x100"
                  steps:
                    - to: "log:readings"
            """);
    assertThatThrownBy(() -> startAndClose(route))
        .satisfies(
            e ->
                assertThat(messages(e))
                    .contains("kmp-source", "destinationAddress=0x100 must be 0..255"));
  }

  private void startAndClose(Path route) throws Exception {
    try (KameletRun run = new KameletRun("file:" + route, Map.of(), false)) {
      run.start();
    }
  }

  private Path route(String yaml) throws IOException {
    Path file = out.resolve("route.yaml");
    Files.writeString(file, yaml);
    return file;
  }

  private List<Path> files() throws IOException {
    try (Stream<Path> files = Files.list(out)) {
      return files.filter(f -> f.toString().endsWith(".json")).toList();
    }
  }

  private static MeterSimulator meterAt(int address) {
    return MeterSimulator.builder()
        .meter(MeterConfig.builder().address(address).serialNumber(SERIAL).build())
        .tcpPort(0)
        .start();
  }

  /** Every message of a failure and its causes, as a user reads them in the log. */
  private static String messages(Throwable t) {
    StringBuilder all = new StringBuilder();
    for (Throwable e = t; e != null; e = e.getCause() == e ? null : e.getCause()) {
      all.append(e.getMessage()).append(" / ");
    }
    return all.toString();
  }
}
