package org.camelkmp.component.kmp;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.camelkmp.component.kmp.support.SimulatedMeterOnPty;
import org.camelkmp.kmp.message.GetSerialNoResponse;
import org.junit.jupiter.api.Test;

/**
 * The component on a real tty: the simulator on one end of a socat pty pair, Camel on the other.
 */
class KmpOverSerialPtyTest extends CamelTestSupport {
  private SimulatedMeterOnPty meter;

  @Override
  protected void doPreSetup() {
    meter = SimulatedMeterOnPty.start(8_080_808L);
  }

  @Override
  protected void doPostTearDown() {
    meter.close();
  }

  @Override
  protected RouteBuilder createRouteBuilder() {
    return new RouteBuilder() {
      @Override
      public void configure() {
        String uri = "kmp:" + meter.readerDevice() + "?timeout=500&quietTime=20";
        from(uri + "&registers=E1,V1,T1,T2&initialDelay=0&delay=20&readSerialNumber=true")
            .to("mock:tty");
        from("direct:serial").to(uri + "&command=GetSerialNo");
      }
    };
  }

  @Test
  void consumerAndProducerShareTheTty() throws Exception {
    MockEndpoint mock = getMockEndpoint("mock:tty");
    mock.expectedMinimumMessageCount(3);
    for (int i = 0; i < 10; i++) {
      assertThat(template.requestBody("direct:serial", (Object) null))
          .isEqualTo(new GetSerialNoResponse(8_080_808L));
    }
    mock.assertIsSatisfied();
    Exchange exchange = mock.getReceivedExchanges().get(0);
    KmpReading reading = exchange.getMessage().getBody(KmpReading.class);
    assertThat(reading.getRegisters())
        .extracting(KmpRegisterReading::name)
        .containsExactly("E1", "V1", "T1", "T2");
    assertThat(exchange.getMessage().getHeader(KmpConstants.METER_SERIAL)).isEqualTo(8_080_808L);
  }
}
