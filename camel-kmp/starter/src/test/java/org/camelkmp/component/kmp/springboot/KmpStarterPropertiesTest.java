package org.camelkmp.component.kmp.springboot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.camelkmp.component.kmp.KmpConstants;
import org.camelkmp.component.kmp.KmpReading;
import org.camelkmp.component.kmp.KmpRegisterReading;
import org.camelkmp.kmp.simulator.MeterConfig;
import org.camelkmp.kmp.simulator.MeterSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A Spring Boot application whose kmp route names only its port: the destination address, the
 * registers, the serial number read and the line's timing come from {@code camel.component.kmp.*}
 * properties. The only meter on the line answers at 0x7F, not at the component's default 0x3F;
 * watched where the requests reach it and in the readings the route emits.
 */
@SpringBootTest(
    classes = KmpTestApplication.class,
    properties = {
      "camel.component.kmp.destination-address=0x7F",
      "camel.component.kmp.registers=E1,T1",
      "camel.component.kmp.read-serial-number=true",
      "camel.component.kmp.delay=100ms",
      "camel.component.kmp.timeout=500ms",
      "camel.component.kmp.quiet-time=20ms"
    })
@DirtiesContext
class KmpStarterPropertiesTest {
  private static final long SERIAL = 7_654_321L;
  private static MeterSimulator meter;
  private static RequestAddresses wire;

  @Autowired private CamelContext camelContext;

  @BeforeAll
  static void startMeter() {
    meter =
        MeterSimulator.builder()
            .meter(MeterConfig.builder().address(0x7F).serialNumber(SERIAL).build())
            .tcpPort(0)
            .start();
    wire = new RequestAddresses(meter.tcpPort());
  }

  @AfterAll
  static void stopMeter() {
    wire.close();
    meter.close();
  }

  @DynamicPropertySource
  static void meterPort(DynamicPropertyRegistry registry) {
    registry.add("meter.port", () -> wire.port());
  }

  @Test
  void componentDefaultsFromPropertiesReachTheMeter() {
    MockEndpoint readings = camelContext.getEndpoint("mock:readings", MockEndpoint.class);
    await().atMost(Duration.ofSeconds(20)).until(() -> readings.getReceivedCounter() >= 3);

    List<Exchange> received = List.copyOf(readings.getReceivedExchanges());
    KmpReading first = received.get(0).getMessage().getBody(KmpReading.class);
    assertThat(first.getMeterSerial()).isEqualTo(SERIAL);
    assertThat(first.getRegisters())
        .extracting(KmpRegisterReading::name)
        .containsExactly("E1", "T1");
    assertThat(received)
        .allSatisfy(
            e ->
                assertThat(e.getMessage().getHeader(KmpConstants.DESTINATION_ADDRESS))
                    .isEqualTo(0x7F));
    assertThat(wire.seen()).isNotEmpty().containsOnly(0x7F);
  }
}
