package org.camelkmp.component.kmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.camelkmp.component.kmp.support.MeterTap;
import org.camelkmp.kmp.message.CommandId;
import org.camelkmp.kmp.simulator.MeterConfig;
import org.camelkmp.kmp.simulator.MeterSimulator;
import org.junit.jupiter.api.Test;

/**
 * Options set from Java (or by a bean container) after the endpoint was made take effect, and a bad
 * one is refused when the route starts, naming it. Watched at the meter and in the route.
 */
class KmpJavaConfiguredEndpointTest extends CamelTestSupport {
  private MeterSimulator simulator;
  private MeterTap tap;

  @Override
  protected void doPreSetup() {
    simulator =
        MeterSimulator.builder()
            .meter(MeterConfig.builder().address(0x7F).serialNumber(7_700_077L).build())
            .tcpPort(0)
            .start();
    tap = new MeterTap(simulator.tcpPort());
  }

  @Override
  protected void doPostTearDown() {
    tap.close();
    simulator.close();
  }

  private KmpEndpoint endpoint() {
    KmpEndpoint endpoint =
        context.getEndpoint("kmp:socket://127.0.0.1:" + tap.port(), KmpEndpoint.class);
    endpoint.getConfiguration().setTimeout(500);
    endpoint.getConfiguration().setQuietTime(20);
    endpoint.getConfiguration().setRetries(0);
    return endpoint;
  }

  @Test
  void aConsumerConfiguredFromJavaReadsTheRegistersAndAddressSetThere() throws Exception {
    KmpEndpoint endpoint = endpoint();
    endpoint.getConfiguration().setRegisters("E1,V1");
    endpoint.getConfiguration().setDestinationAddress("0x7F");
    endpoint.setInitialDelay(0);
    endpoint.setDelay(20);
    context.addRoutes(
        new RouteBuilder() {
          @Override
          public void configure() {
            from(endpoint).to("mock:readings");
          }
        });
    MockEndpoint mock = getMockEndpoint("mock:readings");
    mock.expectedMinimumMessageCount(2);
    mock.assertIsSatisfied();
    KmpReading reading = mock.getReceivedExchanges().get(0).getMessage().getBody(KmpReading.class);
    assertThat(reading.getRegisters())
        .extracting(KmpRegisterReading::name)
        .containsExactly("E1", "V1");
    assertThat(reading.getMeterAddress()).isEqualTo(0x7F);
    assertThat(tap.requests())
        .allSatisfy(r -> assertThat(r.address()).isEqualTo(0x7F))
        .allSatisfy(r -> assertThat(r.cid()).isEqualTo(CommandId.GET_REGISTER.code()));
  }

  @Test
  void aProducerConfiguredFromJavaSendsTheCommandSetThere() throws Exception {
    KmpEndpoint endpoint = endpoint();
    endpoint.getConfiguration().setDestinationAddress("127");
    endpoint.getConfiguration().setRegisters("T1,T2");
    context.addRoutes(
        new RouteBuilder() {
          @Override
          public void configure() {
            from("direct:read").to(endpoint);
          }
        });
    KmpReading reading = template.requestBody("direct:read", (Object) null, KmpReading.class);
    assertThat(reading.getRegisters())
        .extracting(KmpRegisterReading::name)
        .containsExactly("T1", "T2");
    assertThat(tap.requests()).singleElement().isEqualTo(new MeterTap.Request(0x7F, 0x10));
  }

  @Test
  void aBadOptionSetFromJavaIsRefusedWhenTheRouteStartsNamingIt() {
    KmpEndpoint endpoint = endpoint();
    endpoint.getConfiguration().setRegisters("E1,E9X");
    assertThatThrownBy(
            () ->
                context.addRoutes(
                    new RouteBuilder() {
                      @Override
                      public void configure() {
                        from(endpoint).routeId("bad").to("mock:never");
                      }
                    }))
        .satisfies(
            e -> assertThat(messages(e)).contains("registers=E1,E9X: unknown register 'E9X'"));
    assertThat(tap.count()).isZero();
  }

  private static String messages(Throwable t) {
    StringBuilder all = new StringBuilder();
    for (Throwable e = t; e != null; e = e.getCause() == e ? null : e.getCause()) {
      all.append(e.getMessage()).append(" / ");
    }
    return all.toString();
  }
}
