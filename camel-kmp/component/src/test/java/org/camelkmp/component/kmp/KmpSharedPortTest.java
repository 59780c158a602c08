package org.camelkmp.component.kmp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.camelkmp.kmp.message.GetSerialNoResponse;
import org.camelkmp.kmp.simulator.MeterConfig;
import org.camelkmp.kmp.simulator.SimulatedMeter;
import org.camelkmp.kmp.simulator.TcpMeterServer;
import org.junit.jupiter.api.Test;

/**
 * One port, one connection: a consumer and several producers share it and never interleave; the
 * connection closes with its last user and reopens after the gateway comes back.
 */
class KmpSharedPortTest extends CamelTestSupport {
  private SimulatedMeter meter;
  private TcpMeterServer server;
  private int port;

  @Override
  protected void doPreSetup() {
    meter = new SimulatedMeter(MeterConfig.builder().serialNumber(31_337L).build());
    server = new TcpMeterServer(meter, 0).start();
    port = server.port();
  }

  @Override
  protected void doPostTearDown() {
    server.close();
  }

  private String uri(String options) {
    return "kmp:socket://127.0.0.1:" + port + "?timeout=5000&quietTime=20&retries=1&" + options;
  }

  @Override
  protected RouteBuilder createRouteBuilder() {
    return new RouteBuilder() {
      @Override
      public void configure() {
        from(uri("registers=E1,V1,T1,T2,POWER1,FLOW1,CLOCK,DATE,1004&initialDelay=0&delay=1"))
            .routeId("poller")
            .autoStartup(false)
            .to("mock:polled");
        from("direct:serial").routeId("serials").to(uri("command=GetSerialNo"));
        from("direct:registers").routeId("registers").to(uri("registers=60,68"));
      }
    };
  }

  private KmpComponent component() {
    return context.getComponent("kmp", KmpComponent.class);
  }

  @Test
  void consumerAndProducersShareOnePortWithoutInterleaving() throws Exception {
    MockEndpoint polled = getMockEndpoint("mock:polled");
    polled.expectedMinimumMessageCount(20);
    context.getRouteController().startRoute("poller");
    int perThread = 150;
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Future<?>> futures =
          List.of(
              pool.submit(() -> sendSerials(perThread)),
              pool.submit(() -> sendSerials(perThread)),
              pool.submit(() -> sendRegisters(perThread)));
      for (Future<?> f : futures) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    polled.assertIsSatisfied();
    for (var exchange : polled.getReceivedExchanges()) {
      KmpReading reading = exchange.getMessage().getBody(KmpReading.class);
      assertThat(reading.getRegisters()).hasSize(9);
      assertThat(reading.getMissing()).isEmpty();
    }
    assertThat(component().activeConnections()).hasSize(1);
    KmpConnection connection = component().activeConnections().get(0);
    assertThat(connection.users()).isEqualTo(3);
    assertThat(connection.failures()).isZero();
    assertThat(server.connectionCount()).isEqualTo(1);
  }

  private void sendSerials(int count) {
    for (int i = 0; i < count; i++) {
      Object body = template.requestBody("direct:serial", (Object) null);
      assertThat(body).isEqualTo(new GetSerialNoResponse(31_337L));
    }
  }

  private void sendRegisters(int count) {
    for (int i = 0; i < count; i++) {
      KmpReading reading =
          template.requestBody("direct:registers", (Object) null, KmpReading.class);
      assertThat(reading.getRegisters()).extracting(KmpRegisterReading::id).containsExactly(60, 68);
    }
  }

  @Test
  void connectionClosesWithItsLastUserAndReopensOnNextUse() throws Exception {
    MockEndpoint polled = getMockEndpoint("mock:polled");
    polled.expectedMinimumMessageCount(1);
    context.getRouteController().startRoute("poller");
    polled.assertIsSatisfied();
    context.getRouteController().stopRoute("poller");
    assertThat(component().activeConnections()).extracting(KmpConnection::users).containsOnly(2);
    for (String route : List.of("serials", "registers")) {
      context.getRouteController().stopRoute(route);
      context.removeRoute(route);
    }
    assertThat(component().activeConnections()).isEmpty();
    assertThat(template.requestBody(uri("command=GetSerialNo"), (Object) null))
        .isEqualTo(new GetSerialNoResponse(31_337L));
  }

  @Test
  void pollingResumesByItselfAfterTheGatewayRestarts() throws Exception {
    MockEndpoint polled = getMockEndpoint("mock:polled");
    polled.expectedMinimumMessageCount(1);
    context.getRouteController().startRoute("poller");
    polled.assertIsSatisfied();
    server.stop();
    server = new TcpMeterServer(meter, port).start();
    polled.reset();
    polled.expectedMinimumMessageCount(3);
    polled.assertIsSatisfied();
  }
}
