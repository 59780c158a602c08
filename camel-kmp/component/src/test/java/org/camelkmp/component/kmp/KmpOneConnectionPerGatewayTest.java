package org.camelkmp.component.kmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.camelkmp.component.kmp.support.MeterTap;
import org.camelkmp.kmp.message.CommandId;
import org.camelkmp.kmp.message.GetSerialNoResponse;
import org.camelkmp.kmp.simulator.MeterConfig;
import org.camelkmp.kmp.simulator.MeterSimulator;
import org.junit.jupiter.api.Test;

/**
 * One ser2net port, one connection, however the gateway is spelt: host names differ only in case, a
 * trailing slash. Counted at the gateway: the TCP connections it accepts.
 */
class KmpOneConnectionPerGatewayTest extends CamelTestSupport {
  private MeterSimulator simulator;
  private MeterTap tap;

  @Override
  protected void doPreSetup() {
    simulator =
        MeterSimulator.builder()
            .meter(MeterConfig.builder().serialNumber(5_000_005L).build())
            .tcpPort(0)
            .start();
    tap = new MeterTap(simulator.tcpPort());
  }

  @Override
  protected void doPostTearDown() {
    tap.close();
    simulator.close();
  }

  private String options() {
    return "?timeout=500&quietTime=20&retries=0";
  }

  @Override
  protected RouteBuilder createRouteBuilder() {
    return new RouteBuilder() {
      @Override
      public void configure() {
        from("kmp:socket://LocalHost:" + tap.port() + options() + "&registers=E1&initialDelay=0")
            .to("mock:polled");
        from("direct:upper")
            .to("kmp:socket://LOCALHOST:" + tap.port() + options() + "&command=GetSerialNo");
        from("direct:slash")
            .to("kmp:socket://localhost:" + tap.port() + "/" + options() + "&command=GetSerialNo");
      }
    };
  }

  @Test
  void equivalentSpellingsOfOneGatewayShareOneConnection() throws Exception {
    await().atMost(Duration.ofSeconds(10)).until(() -> tap.count(CommandId.GET_REGISTER) >= 1);
    for (int i = 0; i < 3; i++) {
      assertThat(template.requestBody("direct:upper", (Object) null))
          .isEqualTo(new GetSerialNoResponse(5_000_005L));
      assertThat(template.requestBody("direct:slash", (Object) null))
          .isEqualTo(new GetSerialNoResponse(5_000_005L));
    }
    assertThat(tap.connections()).as("TCP connections the gateway accepted").isEqualTo(1);
  }
}
