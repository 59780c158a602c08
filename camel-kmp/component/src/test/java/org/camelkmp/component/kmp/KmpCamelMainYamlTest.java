package org.camelkmp.component.kmp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.main.Main;
import org.camelkmp.kmp.simulator.MeterConfig;
import org.camelkmp.kmp.simulator.MeterSimulator;
import org.junit.jupiter.api.Test;

/** The way users configure it: camel-main, a YAML route, camel.component.kmp.* properties. */
class KmpCamelMainYamlTest {

  @Test
  void yamlRouteWithParametersPollsAndMarshalsToJson() throws Exception {
    try (MeterSimulator simulator =
        MeterSimulator.builder()
            .meter(MeterConfig.builder().serialNumber(4_242_424L).build())
            .tcpPort(0)
            .start()) {
      Main main = new Main();
      main.configure().withRoutesIncludePattern("classpath:routes/kmp-readings.yaml");
      main.addInitialProperty("meter.port", String.valueOf(simulator.tcpPort()));
      main.addInitialProperty("camel.component.kmp.bridge-error-handler", "true");
      main.addInitialProperty("camel.component.kmp.health-check-producer-enabled", "false");
      main.start();
      try {
        KmpComponent component = main.getCamelContext().getComponent("kmp", KmpComponent.class);
        assertThat(component.isBridgeErrorHandler()).isTrue();
        assertThat(component.isHealthCheckProducerEnabled()).isFalse();

        MockEndpoint mock = main.getCamelContext().getEndpoint("mock:json", MockEndpoint.class);
        mock.expectedMinimumMessageCount(2);
        mock.assertIsSatisfied();
        String json = mock.getReceivedExchanges().get(0).getMessage().getBody(String.class);
        JsonNode tree = new ObjectMapper().readTree(json);
        assertThat(tree.get("meterSerial").asLong()).isEqualTo(4_242_424L);
        assertThat(tree.get("registers")).hasSize(5);
        assertThat(tree.get("registers").get(0).get("name").asText()).isEqualTo("E1");
        assertThat(tree.get("registers").get(0).get("value").isNumber()).isTrue();
      } finally {
        main.stop();
      }
    }
  }
}
