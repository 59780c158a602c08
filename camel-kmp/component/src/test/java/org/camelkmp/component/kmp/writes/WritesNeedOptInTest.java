package org.camelkmp.component.kmp.writes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.camelkmp.component.kmp.KmpConstants;
import org.camelkmp.component.kmp.KmpWriteNotAllowedException;
import org.camelkmp.kmp.message.ClearEventStatusRequest;
import org.camelkmp.kmp.message.EventStatus;
import org.camelkmp.kmp.message.PutRegisterRequest;
import org.camelkmp.kmp.message.RawRequest;
import org.camelkmp.kmp.message.SetClockRequest;
import org.camelkmp.kmp.simulator.Fault;
import org.camelkmp.kmp.simulator.MeterConfig;
import org.camelkmp.kmp.simulator.MeterSimulator;
import org.camelkmp.kmp.value.RegisterValue;
import org.junit.jupiter.api.Test;

/**
 * SetClock, PutRegister and ClearEventStatus are never sent without allowWrites=true, whichever way
 * they are asked for (endpoint command, header, a request object or raw CID as the body); and the
 * PutRegister password shows nowhere: not in debug logs, frame traces of an echoing head,
 * exceptions, health checks, the dev console or endpoint names.
 */
class WritesNeedOptInTest extends CamelTestSupport {
  private MeterSimulator simulator;

  @Override
  protected void doPreSetup() {
    simulator = MeterSimulator.builder().meter(MeterConfig.defaults()).tcpPort(0).start();
  }

  @Override
  protected void doPostTearDown() {
    simulator.close();
  }

  private String uri(String options) {
    return "kmp:socket://127.0.0.1:" + simulator.tcpPort() + "?timeout=300&retries=0&" + options;
  }

  @Override
  protected RouteBuilder createRouteBuilder() {
    return new RouteBuilder() {
      @Override
      public void configure() {
        from("direct:setClock").to(uri("command=SetClock"));
        from("direct:put").to(uri("command=PutRegister&password=4711"));
        from("direct:clear").to(uri("command=ClearEventStatus"));
        from("direct:read").to(uri("command=GetType"));
      }
    };
  }

  @Test
  void noWriteReachesTheMeterWithoutAllowWrites() {
    // a sentinel: the first request frame that reaches the meter uses it up
    simulator.meter().faults().inject(Fault.noAnswer(), 1);
    RegisterValue value = RegisterValue.ofNumber(60, BigDecimal.ONE, 0x11);
    List<Runnable> attempts =
        List.of(
            () -> template.requestBody("direct:setClock", (Object) null),
            () ->
                template.requestBodyAndHeaders(
                    "direct:put",
                    null,
                    Map.of(
                        KmpConstants.REGISTERS, "E1",
                        KmpConstants.VALUE, BigDecimal.ONE,
                        KmpConstants.UNIT, "GJ")),
            () -> template.requestBody("direct:clear", (Object) null),
            () ->
                template.requestBodyAndHeader(
                    "direct:read", null, KmpConstants.COMMAND, "PutRegister"),
            () ->
                template.requestBodyAndHeader(
                    "direct:read", null, KmpConstants.COMMAND, "setclock"),
            () -> template.requestBody("direct:read", new PutRegisterRequest(4711, value)),
            () ->
                template.requestBody(
                    "direct:read", new SetClockRequest(LocalDateTime.of(2030, 1, 1, 0, 0))),
            () ->
                template.requestBody(
                    "direct:read", new ClearEventStatusRequest(EventStatus.NONE, EventStatus.NONE)),
            () ->
                template.requestBody("direct:read", new RawRequest(0x11, new byte[] {0x12, 0x67})),
            () -> template.requestBody("direct:read", new RawRequest(0x09, new byte[8])),
            () -> template.requestBody("direct:read", new RawRequest(0x9C, new byte[8])));
    for (Runnable attempt : attempts) {
      assertThatThrownBy(attempt::run)
          .isInstanceOf(CamelExecutionException.class)
          .cause()
          .isInstanceOf(KmpWriteNotAllowedException.class)
          .hasMessageContaining("allowWrites=true")
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("4711"));
    }
    assertThat(simulator.meter().faults().isEmpty())
        .as("a request frame reached the meter")
        .isFalse();
  }

  @Test
  void thePasswordShowsNowhereEvenWithDebugLogs() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process probe =
        new ProcessBuilder(
                java.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=debug",
                SecretProbe.class.getName())
            .redirectErrorStream(true)
            .start();
    String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(probe.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(probe.exitValue()).as(output).isZero();
    assertThat(output)
        .contains("PROBE DONE")
        .contains("accepted:")
        .contains("failed as expected")
        .contains("-> socket://")
        .contains("**")
        .contains("console:");
    String upper = output.toUpperCase(Locale.ROOT);
    assertThat(upper)
        .as("the password 0xBEEF in decimal or hex")
        .doesNotContain(Integer.toString(SecretProbe.PASSWORD))
        .doesNotContain("BEEF")
        .doesNotContain("BE EF");
  }
}
