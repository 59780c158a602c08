package org.camelkmp.component.kmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.camelkmp.kmp.error.KmpPortSilentException;
import org.camelkmp.kmp.message.AckResponse;
import org.camelkmp.kmp.message.EventStatusResponse;
import org.camelkmp.kmp.message.GetLoggerConfigRequest;
import org.camelkmp.kmp.message.GetLoggerConfigResponse;
import org.camelkmp.kmp.message.GetSerialNoResponse;
import org.camelkmp.kmp.message.GetTypeRequest;
import org.camelkmp.kmp.message.GetTypeResponse;
import org.camelkmp.kmp.message.LogResponse;
import org.camelkmp.kmp.message.RawRequest;
import org.camelkmp.kmp.message.SetClockRequest;
import org.camelkmp.kmp.simulator.Fault;
import org.camelkmp.kmp.simulator.MeterConfig;
import org.camelkmp.kmp.simulator.MeterSimulator;
import org.camelkmp.kmp.value.RegisterValue;
import org.junit.jupiter.api.Test;

class KmpProducerTest extends CamelTestSupport {
  private MeterSimulator simulator;

  @Override
  protected void doPreSetup() {
    simulator =
        MeterSimulator.builder()
            .meter(MeterConfig.builder().serialNumber(7_000_007L).password(1234).build())
            .tcpPort(0)
            .start();
  }

  @Override
  protected void doPostTearDown() {
    simulator.close();
  }

  private String base() {
    return "kmp:socket://127.0.0.1:" + simulator.tcpPort() + "?timeout=300&quietTime=20&retries=0";
  }

  @Override
  protected RouteBuilder createRouteBuilder() {
    return new RouteBuilder() {
      @Override
      public void configure() {
        from("direct:read").to(base() + "&registers=E1,V1");
        from("direct:any").to(base());
        from("direct:write").to(base() + "&allowWrites=true&password=1234");
        from("direct:type").to(base() + "&command=GetType");
      }
    };
  }

  private Exchange send(String endpoint, Object body, Map<String, Object> headers) {
    Exchange exchange =
        template.request(
            endpoint,
            e -> {
              e.getMessage().setBody(body);
              e.getMessage().setHeaders(new java.util.HashMap<>(headers));
            });
    if (exchange.getException() != null) {
      throw new CamelExecutionException("failed", exchange, exchange.getException());
    }
    return exchange;
  }

  @Test
  void getRegisterReturnsAReadingWithHeaders() {
    Exchange exchange = send("direct:read", null, Map.of());
    KmpReading reading = exchange.getMessage().getBody(KmpReading.class);
    assertThat(reading.getRegisters())
        .extracting(KmpRegisterReading::name)
        .containsExactly("E1", "V1");
    assertThat(exchange.getMessage().getHeader(KmpConstants.REQUEST_COUNT)).isEqualTo(1);
  }

  @Test
  void registersHeaderOverridesTheEndpoint() {
    Exchange exchange = send("direct:read", null, Map.of(KmpConstants.REGISTERS, "T1,T2,4242"));
    KmpReading reading = exchange.getMessage().getBody(KmpReading.class);
    assertThat(reading.getRegisters()).extracting(KmpRegisterReading::id).containsExactly(86, 87);
    assertThat(exchange.getMessage().getHeader(KmpConstants.MISSING_REGISTERS))
        .isEqualTo(List.of(4242));
    Exchange listed = send("direct:read", null, Map.of(KmpConstants.REGISTERS, List.of(60, "V1")));
    assertThat(listed.getMessage().getBody(KmpReading.class).getRegisters()).hasSize(2);
  }

  @Test
  void commandHeaderSelectsEveryReadCommand() {
    assertThat(send("direct:any", null, Map.of(KmpConstants.COMMAND, "GetSerialNo")).getMessage())
        .satisfies(m -> assertThat(m.getBody()).isEqualTo(new GetSerialNoResponse(7_000_007L)))
        .satisfies(m -> assertThat(m.getHeader(KmpConstants.METER_SERIAL)).isEqualTo(7_000_007L));
    assertThat(
            send("direct:any", null, Map.of(KmpConstants.COMMAND, "GetType"))
                .getMessage()
                .getBody())
        .isInstanceOf(GetTypeResponse.class);
    assertThat(
            send("direct:any", null, Map.of(KmpConstants.COMMAND, "GetEventStatus"))
                .getMessage()
                .getBody())
        .isInstanceOf(EventStatusResponse.class);
    Object log =
        send(
                "direct:any",
                null,
                Map.of(
                    KmpConstants.COMMAND,
                    "GetLogTimePresent",
                    KmpConstants.REGISTERS,
                    "E1,V1",
                    KmpConstants.LOG_RECORDS,
                    3,
                    KmpConstants.LOG_FROM,
                    LocalDateTime.now().minusHours(5)))
            .getMessage()
            .getBody();
    assertThat(log)
        .isInstanceOfSatisfying(LogResponse.class, l -> assertThat(l.records()).hasSize(3));
    Object last =
        send(
                "direct:any",
                null,
                Map.of(KmpConstants.COMMAND, "GetLogLastPresent", KmpConstants.REGISTERS, "E1"))
            .getMessage()
            .getBody();
    assertThat(last).isInstanceOf(LogResponse.class);
    LogResponse three = (LogResponse) log;
    int firstId = three.records().get(0).recordId();
    Object byId =
        send(
                "direct:any",
                null,
                Map.of(
                    KmpConstants.COMMAND,
                    "GetLogIDPresent",
                    KmpConstants.REGISTERS,
                    "E1",
                    KmpConstants.LOG_RECORDS,
                    2,
                    KmpConstants.LOG_RECORD_ID,
                    firstId))
            .getMessage()
            .getBody();
    assertThat(byId)
        .isInstanceOfSatisfying(
            LogResponse.class, l -> assertThat(l.records().get(0).recordId()).isEqualTo(firstId));
    Object past =
        send(
                "direct:any",
                null,
                Map.of(
                    KmpConstants.COMMAND,
                    "GetLogTimePast",
                    KmpConstants.REGISTERS,
                    "E1,T1",
                    KmpConstants.LOG_RECORDS,
                    2,
                    KmpConstants.LOG_FROM,
                    LocalDateTime.now().minusHours(2),
                    KmpConstants.LOG_OFFSET,
                    1))
            .getMessage()
            .getBody();
    assertThat(past)
        .isInstanceOfSatisfying(LogResponse.class, l -> assertThat(l.records()).hasSize(2));
  }

  @Test
  void getLoggerConfigReadsTheLoggerNamedByTheLoggerTypeHeader() {
    Exchange exchange =
        send(
            "direct:any",
            null,
            Map.of(
                KmpConstants.COMMAND,
                "GetLoggerConfig",
                KmpConstants.LOGGER_TYPE,
                GetLoggerConfigRequest.HOUR));

    assertThat(exchange.getMessage().getBody())
        .isInstanceOfSatisfying(
            GetLoggerConfigResponse.class,
            config -> {
              assertThat(config.loggerType()).isEqualTo(GetLoggerConfigRequest.HOUR);
              assertThat(config.registerIds())
                  .hasValueSatisfying(ids -> assertThat(ids).contains(60));
            });
    assertThat(exchange.getMessage().getHeader(KmpConstants.LOGGER_TYPE)).isNull();
  }

  @Test
  void getLoggerConfigWithoutTheLoggerTypeHeaderNamesIt() {
    assertThatThrownBy(
            () -> send("direct:any", null, Map.of(KmpConstants.COMMAND, "GetLoggerConfig")))
        .hasRootCauseMessage("header CamelKmpLoggerType is required for this command");
  }

  @Test
  void endpointCommandIsTheDefault() {
    assertThat(send("direct:type", null, Map.of()).getMessage().getBody())
        .isInstanceOf(GetTypeResponse.class);
  }

  @Test
  void anyRequestObjectOfTheCoreIsAcceptedAsBody() {
    assertThat(send("direct:any", new GetTypeRequest(), Map.of()).getMessage().getBody())
        .isInstanceOf(GetTypeResponse.class);
  }

  @Test
  void writesAreRefusedWithoutAllowWrites() {
    assertThatThrownBy(() -> send("direct:any", null, Map.of(KmpConstants.COMMAND, "SetClock")))
        .hasCauseInstanceOf(KmpWriteNotAllowedException.class)
        .hasRootCauseMessage(
            "SetClock changes the meter and is refused on socket://127.0.0.1:"
                + simulator.tcpPort()
                + ": set allowWrites=true on the endpoint to allow SetClock, PutRegister and ClearEventStatus");
    assertThatThrownBy(() -> send("direct:any", new SetClockRequest(LocalDateTime.now()), Map.of()))
        .hasCauseInstanceOf(KmpWriteNotAllowedException.class);
    assertThatThrownBy(
            () -> send("direct:any", null, Map.of(KmpConstants.COMMAND, "ClearEventStatus")))
        .hasCauseInstanceOf(KmpWriteNotAllowedException.class);
    assertThatThrownBy(() -> send("direct:any", null, Map.of(KmpConstants.COMMAND, "PutRegister")))
        .hasCauseInstanceOf(KmpWriteNotAllowedException.class);
  }

  @Test
  void writesGoThroughWithAllowWrites() {
    LocalDateTime when = LocalDateTime.of(2031, 5, 6, 7, 8, 9);
    assertThat(
            send(
                    "direct:write",
                    null,
                    Map.of(KmpConstants.COMMAND, "SetClock", KmpConstants.CLOCK, when))
                .getMessage()
                .getBody())
        .isEqualTo(AckResponse.INSTANCE);
    assertThat(simulator.meter().meterTime()).isBetween(when, when.plusSeconds(5));

    send(
        "direct:write",
        null,
        Map.of(
            KmpConstants.COMMAND, "PutRegister",
            KmpConstants.REGISTERS, "E1",
            KmpConstants.VALUE, new BigDecimal("123.456"),
            KmpConstants.UNIT, "GJ"));
    assertThat(simulator.meter().register(60).orElseThrow().decimal())
        .isEqualByComparingTo("123.456");

    send(
        "direct:write",
        RegisterValue.ofNumber(68, new BigDecimal("9.5"), 40, 4),
        Map.of(KmpConstants.COMMAND, "PutRegister"));
    assertThat(simulator.meter().register(68).orElseThrow().decimal()).isEqualByComparingTo("9.5");

    assertThat(
            send(
                    "direct:write",
                    null,
                    Map.of(
                        KmpConstants.COMMAND,
                        "ClearEventStatus",
                        KmpConstants.UNCONDITIONAL_MASK,
                        0xFFFFFFFFL))
                .getMessage()
                .getBody())
        .isInstanceOf(EventStatusResponse.class);
  }

  @Test
  void failuresThrowTheCoreExceptionsSoRoutesCanHandleThem() {
    simulator.meter().faults().inject(Fault.noAnswer(), 1);
    assertThatThrownBy(() -> send("direct:read", null, Map.of()))
        .hasCauseInstanceOf(KmpPortSilentException.class);
  }

  @Test
  void unknownCommandNamesTheKnownOnes() {
    assertThatThrownBy(() -> send("direct:any", null, Map.of(KmpConstants.COMMAND, "Reboot")))
        .hasRootCauseMessage(
            "unknown KMP command 'Reboot': one of GetType, GetSerialNo, SetClock, GetRegister, PutRegister,"
                + " GetEventStatus, ClearEventStatus, GetLogTimePresent, GetLogLastPresent, GetLogIDPresent,"
                + " GetLogTimePast, GetLoggerConfig");
  }

  @Test
  void unknownCidsGoOutRawWithAllowWritesAndSilenceIsATimeout() {
    assertThatThrownBy(() -> send("direct:write", new RawRequest(0x77, new byte[0]), Map.of()))
        .hasCauseInstanceOf(KmpPortSilentException.class);
  }
}
