package org.camelkmp.component.kmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.camelkmp.kmp.simulator.Fault;
import org.camelkmp.kmp.simulator.MeterConfig;
import org.camelkmp.kmp.simulator.MeterSimulator;
import org.camelkmp.kmp.testsupport.TcpRelay;
import org.junit.jupiter.api.Test;

/**
 * With a Micrometer registry in Camel's registry, each consumer counts its polls there; the figures
 * are checked against what crossed the line, counted by a relay in front of the meter.
 */
class KmpMicrometerMetricsTest extends CamelTestSupport {
  private final MeterRegistry meters = new SimpleMeterRegistry();
  private final AtomicLong bytesOnTheLine = new AtomicLong();
  private final AtomicLong requestChunks = new AtomicLong();
  private MeterSimulator simulator;
  private TcpRelay relay;

  @Override
  protected void doPreSetup() {
    simulator =
        MeterSimulator.builder()
            .meter(MeterConfig.builder().serialNumber(5_000_777L).build())
            .tcpPort(0)
            .start();
    relay =
        new TcpRelay(
            simulator.tcpPort(),
            () ->
                (direction, bytes, length) -> {
                  bytesOnTheLine.addAndGet(length);
                  if (direction == TcpRelay.Direction.TO_METER) {
                    requestChunks.incrementAndGet();
                  }
                  return length;
                });
  }

  @Override
  protected void doPostTearDown() {
    relay.close();
    simulator.close();
  }

  @Override
  protected CamelContext createCamelContext() throws Exception {
    CamelContext context = super.createCamelContext();
    context.getRegistry().bind("meters", meters);
    return context;
  }

  private String port() {
    return "socket://127.0.0.1:" + relay.port();
  }

  @Override
  protected RouteBuilder createRouteBuilder() {
    return new RouteBuilder() {
      @Override
      public void configure() {
        // 12 registers: two GetRegister requests per poll, and one GetSerialNo on the first
        from("kmp:"
                + port()
                + "?registers=E1,V1,POWER1,FLOW1,T1,T2,T1-T2,HOUR_COUNTER,INFO,E3,V2,DATE"
                + "&readSerialNumber=true&delay=20&initialDelay=0&repeatCount=3")
            .routeId("polls")
            .to("mock:readings");
      }
    };
  }

  @Test
  void pollsRequestsAndBytesAreTheOnesThatCrossedTheLine() throws Exception {
    MockEndpoint readings = getMockEndpoint("mock:readings");
    readings.expectedMessageCount(3);
    readings.assertIsSatisfied(10_000);
    Instant afterLast = Instant.now();

    String[] tags = {"port", port(), "address", "63", "route", "polls"};
    assertThat(meters.get("kmp.consumer.polls").tags(tags).counter().count()).isEqualTo(3);
    DistributionSummary requests = meters.get("kmp.consumer.poll.requests").tags(tags).summary();
    assertThat(requests.count()).isEqualTo(3);
    assertThat(requests.totalAmount()).as("1 GetSerialNo + 3 × 2 GetRegister").isEqualTo(7);
    assertThat(requests.totalAmount()).isEqualTo(requestChunks.get());
    DistributionSummary bytes = meters.get("kmp.consumer.poll.bytes").tags(tags).summary();
    assertThat((long) bytes.totalAmount()).isEqualTo(bytesOnTheLine.get());
    Timer duration = meters.get("kmp.consumer.poll.duration").tags(tags).timer();
    assertThat(duration.count()).isEqualTo(3);
    double lastSuccess = meters.get("kmp.consumer.last.success").tags(tags).gauge().value();
    assertThat(lastSuccess).isPositive().isLessThanOrEqualTo(afterLast.toEpochMilli() / 1000.0);
    assertThat(meters.find("kmp.consumer.poll.failures").counters()).isEmpty();
  }

  @Test
  void failedPollsAreCountedByExceptionTypeAndTheMetersGoWithTheConsumer() throws Exception {
    getMockEndpoint("mock:readings").expectedMessageCount(3);
    getMockEndpoint("mock:readings").assertIsSatisfied(10_000);
    simulator.meter().faults().injectUntilCleared(Fault.noAnswer());
    context.getRouteController().stopRoute("polls");
    context.addRoutes(
        new RouteBuilder() {
          @Override
          public void configure() {
            from("kmp:"
                    + port()
                    + "?registers=E1&timeout=200&retries=0&delay=20&initialDelay=0&repeatCount=2")
                .routeId("silent")
                .to("mock:never");
          }
        });

    String[] tags = {"port", port(), "address", "63", "route", "silent"};
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                meters.find("kmp.consumer.poll.failures").tags(tags).counter() != null
                    && meters.find("kmp.consumer.poll.failures").tags(tags).counter().count() == 2);
    Counter failures = meters.find("kmp.consumer.poll.failures").tags(tags).counter();
    assertThat(failures.getId().getTag("exception")).isEqualTo("KmpPortSilentException");
    assertThat(meters.get("kmp.consumer.polls").tags(tags).counter().count()).isEqualTo(2);
    assertThat(meters.get("kmp.consumer.last.success").tags(tags).gauge().value()).isZero();

    context.getRouteController().stopRoute("silent");
    assertThat(meters.find("kmp.consumer.polls").counters()).isEmpty();
    assertThat(meters.find("kmp.consumer.poll.failures").counters()).isEmpty();
  }
}
