package org.camelkmp.component.kmp.kamelet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.camelkmp.kmp.simulator.MeterConfig;
import org.camelkmp.kmp.simulator.MeterSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code kmp-sink} Kamelet from the component jar in camel-kamelet-main: each message sent to
 * it becomes one request to the simulated meter and comes back as the answer; a write command in a
 * header is refused, since the Kamelet never enables writes.
 */
class KmpSinkKameletTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void eachMessageReadsTheMeterAndARequestedWriteIsRefused() throws Exception {
    Path route = dir.resolve("ask.yaml");
    Files.writeString(
        route,
        """
        - route:
            from:
              uri: "direct:ask"
              steps:
                - to: "kamelet:kmp-sink?port=socket://127.0.0.1:{{meter.port}}&registers=E1,T1&timeout=500"
        """);
    try (MeterSimulator meter =
            MeterSimulator.builder()
                .meter(MeterConfig.builder().serialNumber(3_141_592L).build())
                .tcpPort(0)
                .start();
        KameletRun run =
            new KameletRun(
                    "file:" + route, Map.of("meter.port", String.valueOf(meter.tcpPort())), false)
                .start()) {
      ProducerTemplate template = run.main().getCamelTemplate();

      JsonNode reading = JSON.readTree(template.requestBody("direct:ask", null, String.class));
      assertThat(reading.get("registers").findValuesAsText("name")).containsExactly("E1", "T1");

      Exchange write =
          template.request(
              "direct:ask", e -> e.getMessage().setHeader("CamelKmpCommand", "SetClock"));
      assertThat(write.getException()).hasMessageContaining("SetClock");
      assertThat(write.getException().getClass().getSimpleName())
          .isEqualTo("KmpWriteNotAllowedException");
    }
  }
}
