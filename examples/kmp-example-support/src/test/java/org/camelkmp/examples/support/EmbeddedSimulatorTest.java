package org.camelkmp.examples.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.main.Main;
import org.camelkmp.kmp.testsupport.FreePorts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EmbeddedSimulatorTest {

  @ParameterizedTest
  @CsvSource({
    "kmp:socket://localhost:20402, true",
    "kmp:socket://127.0.0.1:20402?registers=60, true",
    "kmp:socket://localhost:2002, false",
    "kmp:socket://gateway:20402, false",
    "kmp:/dev/ttyUSB0, false",
    "'', false"
  })
  void startsOnlyForItsOwnAddress(String uri, boolean expected) {
    assertThat(EmbeddedSimulator.targetsLocalPort(uri, 20402)).isEqualTo(expected);
  }

  @Test
  void aRouteOnTheDefaultUriReadsTheEmbeddedMeter(@TempDir Path dir) throws Exception {
    Path route = dir.resolve("route.yaml");
    Files.writeString(
        route,
        """
        - route:
            from:
              uri: "{{kmp.uri}}"
              parameters:
                registers: E1
                initialDelay: 0
                delay: 100
              steps:
                - to: mock:readings
        """);
    EmbeddedSimulator simulator = new EmbeddedSimulator();
    Main main = new Main();
    main.addMainListener(simulator);
    main.configure().withRoutesIncludePattern("file:" + route);
    int port = FreePorts.next();
    main.addInitialProperty("kmp.simulator.port", String.valueOf(port));
    main.addInitialProperty("kmp.uri", "kmp:socket://localhost:" + port);
    main.start();
    try {
      assertThat(simulator.isRunning()).isTrue();
      MockEndpoint mock = main.getCamelContext().getEndpoint("mock:readings", MockEndpoint.class);
      mock.expectedMinimumMessageCount(1);
      mock.assertIsSatisfied();
    } finally {
      main.stop();
    }
    assertThat(simulator.isRunning()).isFalse();
  }
}
