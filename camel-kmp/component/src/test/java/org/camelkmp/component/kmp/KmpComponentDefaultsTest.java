package org.camelkmp.component.kmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.camelkmp.component.kmp.support.MeterTap;
import org.camelkmp.kmp.message.CommandId;
import org.camelkmp.kmp.simulator.MeterConfig;
import org.camelkmp.kmp.simulator.MeterSimulator;
import org.junit.jupiter.api.Test;

/**
 * Options set once for a fleet as camel.component.kmp.* apply to every endpoint; an endpoint's own
 * options override them for that endpoint only. Watched at the meters and in the readings.
 */
class KmpComponentDefaultsTest {

  @Test
  void componentOptionsAreEveryEndpointsDefaultsAndAnEndpointOverridesThemForItselfOnly()
      throws Exception {
    List<KmpReading> fleet = new CopyOnWriteArrayList<>();
    List<KmpReading> own = new CopyOnWriteArrayList<>();
    try (MeterSimulator m1 = meter(0x7F, 1_000_001L);
        MeterSimulator m2 = meter(0xBF, 2_000_002L);
        MeterTap tap1 = new MeterTap(m1.tcpPort());
        MeterTap tap2 = new MeterTap(m2.tcpPort())) {
      Main main = new Main();
      main.addInitialProperty("camel.component.kmp.destination-address", "0x7F");
      main.addInitialProperty("camel.component.kmp.registers", "T1,T2");
      main.addInitialProperty("camel.component.kmp.read-serial-number", "true");
      main.addInitialProperty("camel.component.kmp.delay", "50");
      main.addInitialProperty("camel.component.kmp.timeout", "500ms");
      main.addInitialProperty("camel.component.kmp.quiet-time", "20");
      main.configure()
          .addRoutesBuilder(
              new RouteBuilder() {
                @Override
                public void configure() {
                  from("kmp:socket://127.0.0.1:"
                          + tap2.port()
                          + "?initialDelay=0&destinationAddress=0xBF&registers=E1&delay=60000")
                      .process(e -> own.add(e.getMessage().getBody(KmpReading.class)));
                  from("kmp:socket://127.0.0.1:" + tap1.port() + "?initialDelay=0")
                      .process(e -> fleet.add(e.getMessage().getBody(KmpReading.class)));
                }
              });
      main.start();
      try {
        await().atMost(Duration.ofSeconds(20)).until(() -> fleet.size() >= 5 && !own.isEmpty());
        assertThat(fleet.get(0).getRegisters())
            .extracting(KmpRegisterReading::name)
            .containsExactly("T1", "T2");
        assertThat(fleet.get(0).getMeterSerial()).isEqualTo(1_000_001L);
        assertThat(tap1.requests()).allSatisfy(r -> assertThat(r.address()).isEqualTo(0x7F));

        assertThat(own.get(0).getRegisters())
            .extracting(KmpRegisterReading::name)
            .containsExactly("E1");
        assertThat(own.get(0).getMeterSerial()).isEqualTo(2_000_002L);
        assertThat(tap2.requests()).allSatisfy(r -> assertThat(r.address()).isEqualTo(0xBF));
        await()
            .during(Duration.ofSeconds(2))
            .atMost(Duration.ofSeconds(5))
            .until(() -> tap2.count(CommandId.GET_REGISTER) == 1);
      } finally {
        main.stop();
      }
    }
  }

  private static MeterSimulator meter(int address, long serial) {
    return MeterSimulator.builder()
        .meter(MeterConfig.builder().address(address).serialNumber(serial).build())
        .tcpPort(0)
        .start();
  }
}
