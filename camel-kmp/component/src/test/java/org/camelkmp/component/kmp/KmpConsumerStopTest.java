package org.camelkmp.component.kmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.camelkmp.kmp.simulator.MeterConfig;
import org.camelkmp.kmp.simulator.MeterSimulator;
import org.junit.jupiter.api.Test;

/**
 * A route stopped while its poll is in flight: the meter has the request and is still thinking. The
 * answer costs the meter battery, so the poll finishes and its reading reaches the route before the
 * port is released; no further request reaches the meter.
 */
class KmpConsumerStopTest extends CamelTestSupport {
  private MeterSimulator simulator;

  @Override
  protected void doPreSetup() {
    simulator =
        MeterSimulator.builder()
            .meter(MeterConfig.defaults())
            .thinkTime(Duration.ofMillis(1_000))
            .tcpPort(0)
            .start();
  }

  @Override
  protected void doPostTearDown() {
    simulator.close();
  }

  @Override
  protected RouteBuilder createRouteBuilder() {
    return new RouteBuilder() {
      @Override
      public void configure() {
        from("kmp:socket://127.0.0.1:"
                + simulator.tcpPort()
                + "?registers=E1,V1&initialDelay=0&delay=60000&timeout=5000&retries=0")
            .routeId("slow")
            .to("mock:readings");
      }
    };
  }

  @Test
  void stoppingTheRouteLetsThePollInFlightDeliverItsReading() throws Exception {
    MockEndpoint readings = getMockEndpoint("mock:readings");
    await("the meter has the first request")
        .atMost(Duration.ofSeconds(10))
        .until(() -> simulator.meter().faults().requestsSeen() == 1);
    assertThat(readings.getReceivedCounter()).as("the meter is still thinking").isZero();

    context.getRouteController().stopRoute("slow");

    assertThat(readings.getReceivedCounter())
        .as("readings delivered by the poll that was in flight when the route stopped")
        .isEqualTo(1);
    assertThat(simulator.meter().faults().requestsSeen()).as("requests the meter saw").isEqualTo(1);
  }

  @Test
  void aConsumerThatNeverStartedStopsWithoutAFailureAndOpensNothing() throws Exception {
    KmpEndpoint endpoint =
        context.getEndpoint(
            "kmp:socket://127.0.0.1:" + simulator.tcpPort() + "?registers=E1&initialDelay=0",
            KmpEndpoint.class);
    int before = endpoint.getComponent().connections().connections().size();
    org.apache.camel.Consumer consumer = endpoint.createConsumer(exchange -> {});
    consumer.init();

    org.assertj.core.api.Assertions.assertThatCode(consumer::stop).doesNotThrowAnyException();
    assertThat(endpoint.getComponent().connections().connections()).hasSize(before);
  }
}
