package org.camelkmp.component.kmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.camelkmp.kmp.error.KmpPortSilentException;
import org.camelkmp.kmp.simulator.Fault;
import org.camelkmp.kmp.simulator.MeterConfig;
import org.camelkmp.kmp.simulator.MeterSimulator;
import org.junit.jupiter.api.Test;

class KmpConsumerTest extends CamelTestSupport {
  private static final String FAST = "&initialDelay=0&delay=50&timeout=300&quietTime=20&retries=0";
  private MeterSimulator simulator;
  private final List<Throwable> handled = new CopyOnWriteArrayList<>();

  @Override
  protected void doPreSetup() {
    simulator =
        MeterSimulator.builder()
            .meter(MeterConfig.builder().serialNumber(5_550_001L).remove(63).build())
            .tcpPort(0)
            .start();
  }

  @Override
  protected void doPostTearDown() {
    simulator.close();
  }

  private String uri(String options) {
    return "kmp:socket://127.0.0.1:" + simulator.tcpPort() + "?" + options + FAST;
  }

  @Override
  protected RouteBuilder createRouteBuilder() {
    return new RouteBuilder() {
      @Override
      public void configure() {
        from(uri("registers=E1,V1,POWER1,T1,T2,CLOCK,DATE,4242&readSerialNumber=true"))
            .routeId("plain")
            .autoStartup(false)
            .to("mock:readings");
        from(uri("registers=60,68,74,80,86,87,89,99,1001,1002,1003,1004,266,239,63"))
            .routeId("many")
            .autoStartup(false)
            .to("mock:many");
        from(uri("registers=E1,V1,T1&splitRegisters=true"))
            .routeId("split")
            .autoStartup(false)
            .to("mock:split");
        from(uri("registers=E1&bridgeErrorHandler=true"))
            .routeId("bridged")
            .autoStartup(false)
            .onException(KmpPortSilentException.class)
            .handled(true)
            .to("mock:failed")
            .end()
            .to("mock:bridged");
        from(uri("registers=E1&exceptionHandler=#recorder"))
            .routeId("handled")
            .autoStartup(false)
            .to("mock:handled");
      }
    };
  }

  @Override
  protected void bindToRegistry(org.apache.camel.spi.Registry registry) {
    registry.bind(
        "recorder",
        (org.apache.camel.spi.ExceptionHandler)
            new org.apache.camel.spi.ExceptionHandler() {
              @Override
              public void handleException(Throwable exception) {
                handled.add(exception);
              }

              @Override
              public void handleException(String message, Throwable exception) {
                handled.add(exception);
              }

              @Override
              public void handleException(String message, Exchange exchange, Throwable exception) {
                handled.add(exception);
              }
            });
  }

  @Test
  void emitsOneReadingPerPollWithValuesAndHeaders() throws Exception {
    MockEndpoint mock = getMockEndpoint("mock:readings");
    mock.expectedMinimumMessageCount(2);
    context.getRouteController().startRoute("plain");
    mock.assertIsSatisfied();
    Exchange exchange = mock.getReceivedExchanges().get(0);
    KmpReading reading = exchange.getMessage().getBody(KmpReading.class);
    assertThat(reading.getRegisters())
        .extracting(KmpRegisterReading::name)
        .containsExactly("E1", "V1", "POWER1", "T1", "T2", "CLOCK", "DATE");
    assertThat(reading.register("E1").orElseThrow().unit()).isEqualTo("GJ");
    assertThat(reading.register("CLOCK").orElseThrow().text()).matches("\\d\\d:\\d\\d:\\d\\d");
    assertThat(reading.getMissing()).containsExactly(4242);
    assertThat(reading.getMeterSerial()).isEqualTo(5_550_001L);
    Map<String, Object> headers = exchange.getMessage().getHeaders();
    assertThat(headers)
        .containsEntry(KmpConstants.METER_SERIAL, 5_550_001L)
        .containsEntry(KmpConstants.DESTINATION_ADDRESS, 0x3F)
        .containsEntry(KmpConstants.MISSING_REGISTERS, List.of(4242))
        .containsEntry(KmpConstants.REQUEST_COUNT, 1);
    assertThat(headers.get(KmpConstants.READ_TIMESTAMP)).isInstanceOf(Instant.class);
    assertThat(headers.get(KmpConstants.ROUND_TRIP_TIME)).isInstanceOf(Long.class);
  }

  @Test
  void readingSerialisesToCleanJsonAndConvertsToMapAndString() throws Exception {
    MockEndpoint mock = getMockEndpoint("mock:readings");
    mock.expectedMinimumMessageCount(1);
    context.getRouteController().startRoute("plain");
    mock.assertIsSatisfied();
    Exchange exchange = mock.getReceivedExchanges().get(0);
    KmpReading reading = exchange.getMessage().getBody(KmpReading.class);
    JsonNode json = new ObjectMapper().readTree(new ObjectMapper().writeValueAsString(reading));
    assertThat(json.get("meterSerial").asLong()).isEqualTo(5_550_001L);
    assertThat(json.get("readAt").asText()).isEqualTo(reading.readTimestamp().toString());
    JsonNode e1 = json.get("registers").get(0);
    assertThat(e1.get("id").asInt()).isEqualTo(60);
    assertThat(e1.get("unitCode").asInt()).isEqualTo(8);
    assertThat(e1.get("value").isNumber()).isTrue();
    assertThat(e1.get("value").decimalValue())
        .isEqualByComparingTo(reading.register(60).orElseThrow().value());
    assertThat(json.get("missing").get(0).asInt()).isEqualTo(4242);

    Map<?, ?> map = exchange.getMessage().getBody(Map.class);
    assertThat(map.get("meterSerial")).isEqualTo(5_550_001L);
    assertThat((List<?>) map.get("registers")).hasSize(7);
    JsonNode converted = new ObjectMapper().readTree(exchange.getMessage().getBody(String.class));
    assertThat(converted).isEqualTo(json);
    assertThat(reading.toString()).contains("E1=").contains("GJ").contains("missing [4242]");
  }

  @Test
  void readsMoreThanEightRegistersInTwoRequests() throws Exception {
    MockEndpoint mock = getMockEndpoint("mock:many");
    mock.expectedMinimumMessageCount(1);
    context.getRouteController().startRoute("many");
    mock.assertIsSatisfied();
    Exchange exchange = mock.getReceivedExchanges().get(0);
    assertThat(exchange.getMessage().getHeader(KmpConstants.REQUEST_COUNT)).isEqualTo(2);
    KmpReading reading = exchange.getMessage().getBody(KmpReading.class);
    assertThat(reading.getRegisters()).hasSize(14);
    assertThat(reading.getMissing()).containsExactly(63);
  }

  @Test
  void splitRegistersEmitsOneExchangePerRegister() throws Exception {
    MockEndpoint mock = getMockEndpoint("mock:split");
    mock.expectedMinimumMessageCount(3);
    context.getRouteController().startRoute("split");
    mock.assertIsSatisfied();
    List<String> names =
        List.copyOf(mock.getReceivedExchanges()).subList(0, 3).stream()
            .map(e -> e.getMessage().getBody(KmpReading.class).getRegisters().get(0).name())
            .toList();
    assertThat(names).containsExactly("E1", "V1", "T1");
    assertThat(
            mock.getReceivedExchanges().get(0).getMessage().getHeader(KmpConstants.REQUEST_COUNT))
        .isEqualTo(1);
  }

  @Test
  void failedPollGoesToTheRouteErrorHandlerWithBridgeErrorHandler() throws Exception {
    simulator.meter().faults().inject(Fault.noAnswer(), 1);
    MockEndpoint failed = getMockEndpoint("mock:failed");
    MockEndpoint ok = getMockEndpoint("mock:bridged");
    failed.expectedMessageCount(1);
    ok.expectedMinimumMessageCount(1);
    context.getRouteController().startRoute("bridged");
    failed.assertIsSatisfied();
    ok.assertIsSatisfied();
    Exception cause =
        failed
            .getReceivedExchanges()
            .get(0)
            .getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
    assertThat(cause)
        .isInstanceOf(KmpPortSilentException.class)
        .hasMessageContaining("port silent");
  }

  @Test
  void failedPollGoesToTheConsumerExceptionHandlerAndTheNextPollRecovers() throws Exception {
    simulator.meter().faults().inject(Fault.corruptCrc(), 1);
    MockEndpoint ok = getMockEndpoint("mock:handled");
    ok.expectedMinimumMessageCount(1);
    context.getRouteController().startRoute("handled");
    ok.assertIsSatisfied();
    await().atMost(Duration.ofSeconds(5)).until(() -> !handled.isEmpty());
    assertThat(handled.get(0)).isInstanceOf(org.camelkmp.kmp.error.KmpCrcException.class);
  }
}
