package org.camelkmp.component.kmp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.camelkmp.component.kmp.support.MeterTap;
import org.camelkmp.kmp.error.KmpTimeoutException;
import org.camelkmp.kmp.simulator.Fault;
import org.camelkmp.kmp.simulator.MeterConfig;
import org.camelkmp.kmp.simulator.MeterSimulator;
import org.junit.jupiter.api.Test;

/**
 * Input headers are removed only once the request got its answer: a redelivery after a timeout
 * sends the same request to the same meter, and the answer leaves no input header behind. A bad
 * input header is refused before anything is sent.
 */
class KmpProducerRedeliveryTest extends CamelTestSupport {
  private MeterSimulator simulator;
  private MeterTap tap;

  @Override
  protected void doPreSetup() {
    simulator =
        MeterSimulator.builder()
            .meter(MeterConfig.builder().address(0xBF).build())
            .tcpPort(0)
            .start();
    tap = new MeterTap(simulator.tcpPort());
  }

  @Override
  protected void doPostTearDown() {
    tap.close();
    simulator.close();
  }

  @Override
  protected RouteBuilder createRouteBuilder() {
    return new RouteBuilder() {
      @Override
      public void configure() {
        onException(KmpTimeoutException.class).maximumRedeliveries(1).redeliveryDelay(0);
        from("direct:read")
            .to(
                "kmp:socket://127.0.0.1:"
                    + tap.port()
                    + "?registers=E1&timeout=300&quietTime=20&retries=0");
      }
    };
  }

  @Test
  void aRedeliveryRepeatsTheRequestTheInputHeadersAskedFor() {
    simulator.meter().faults().inject(Fault.noAnswer(), 1);
    Exchange exchange =
        template.request(
            "direct:read",
            e ->
                e.getMessage()
                    .setHeaders(
                        new java.util.HashMap<>(
                            Map.of(
                                KmpConstants.OVERRIDE_DESTINATION_ADDRESS, "0xBF",
                                KmpConstants.REGISTERS, "T1,T2"))));
    assertThat(exchange.getException()).isNull();
    assertThat(tap.requests())
        .hasSize(2)
        .allSatisfy(r -> assertThat(r).isEqualTo(new MeterTap.Request(0xBF, 0x10)));
    KmpReading reading = exchange.getMessage().getBody(KmpReading.class);
    assertThat(reading.getRegisters())
        .extracting(KmpRegisterReading::name)
        .containsExactly("T1", "T2");
    assertThat(exchange.getMessage().getHeaders())
        .doesNotContainKeys(KmpConstants.OVERRIDE_DESTINATION_ADDRESS, KmpConstants.REGISTERS)
        .containsEntry(KmpConstants.DESTINATION_ADDRESS, 0xBF);
  }

  @Test
  void anOverrideHeaderThatIsNoAddressIsRefusedNamingItBeforeAnythingIsSent() {
    Exchange exchange =
        template.request(
            "direct:read",
            e -> e.getMessage().setHeader(KmpConstants.OVERRIDE_DESTINATION_ADDRESS, "0x100"));
    assertThat(exchange.getException())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "header CamelKmpOverrideDestinationAddress=0x100 must be 0..255, decimal or 0x hex");
    assertThat(tap.requests()).isEmpty();
  }
}
