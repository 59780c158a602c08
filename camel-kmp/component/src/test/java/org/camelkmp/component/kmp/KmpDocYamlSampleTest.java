package org.camelkmp.component.kmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.main.Main;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.camelkmp.kmp.simulator.MeterConfig;
import org.camelkmp.kmp.simulator.MeterSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The YAML sample of kmp-component.adoc, as written, gives JSON readings with a serial number. */
class KmpDocYamlSampleTest {

  @Test
  void theDocumentedYamlRouteLogsJsonReadingsWithTheSerialNumber(@TempDir Path dir)
      throws Exception {
    String doc =
        Files.readString(Path.of("src/main/docs/kmp-component.adoc"), StandardCharsets.UTF_8);
    String section = doc.substring(doc.indexOf("=== YAML DSL"));
    String yaml =
        section.substring(
            section.indexOf("----\n") + 5,
            section.indexOf("\n----", section.indexOf("----\n") + 5));
    try (MeterSimulator simulator =
        MeterSimulator.builder()
            .meter(MeterConfig.builder().serialNumber(12_345_678L).build())
            .tcpPort(0)
            .start()) {
      // the only change: the simulator's port, and a first poll now rather than after a second
      Path route = dir.resolve("meter.yaml");
      Files.writeString(route, yaml.replace("localhost:2002", "localhost:" + simulator.tcpPort()));
      List<String> bodies = new CopyOnWriteArrayList<>();
      Main main = new Main();
      main.configure().withRoutesIncludePattern("file:" + route);
      main.addInitialProperty("camel.component.kmp.lazy-start-producer", "false");
      main.start();
      try {
        main.getCamelContext()
            .getManagementStrategy()
            .addEventNotifier(
                new EventNotifierSupport() {
                  @Override
                  public void notify(CamelEvent event) {
                    if (event instanceof CamelEvent.ExchangeCompletedEvent completed) {
                      bodies.add(completed.getExchange().getMessage().getBody(String.class));
                    }
                  }
                });
        await().atMost(Duration.ofSeconds(10)).until(() -> !bodies.isEmpty());
      } finally {
        main.stop();
      }
      JsonNode reading = new ObjectMapper().readTree(bodies.get(0));
      assertThat(reading.get("meterSerial").asLong()).isEqualTo(12_345_678L);
      assertThat(reading.get("registers"))
          .extracting(r -> r.get("name").asText())
          .containsExactly("E1", "V1", "POWER1", "FLOW1", "T1", "T2");
    }
  }
}
