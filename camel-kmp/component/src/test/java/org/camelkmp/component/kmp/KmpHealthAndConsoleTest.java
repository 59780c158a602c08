package org.camelkmp.component.kmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.console.DevConsole;
import org.apache.camel.console.DevConsoleRegistry;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.camelkmp.kmp.simulator.Fault;
import org.camelkmp.kmp.simulator.MeterConfig;
import org.camelkmp.kmp.simulator.MeterSimulator;
import org.junit.jupiter.api.Test;

class KmpHealthAndConsoleTest extends CamelTestSupport {
  private MeterSimulator simulator;

  @Override
  protected void doPreSetup() {
    simulator = MeterSimulator.builder().meter(MeterConfig.defaults()).tcpPort(0).start();
  }

  @Override
  protected org.apache.camel.CamelContext createCamelContext() throws Exception {
    org.apache.camel.CamelContext camel = super.createCamelContext();
    // what camel-main does with camel.health.consumers-enabled and producers-enabled
    HealthCheckRegistry registry = HealthCheckRegistry.get(camel);
    registry.register(registry.resolveById("consumers"));
    registry.register(registry.resolveById("producers"));
    registry.getRepository("producers").ifPresent(repository -> repository.setEnabled(true));
    return camel;
  }

  @Override
  protected void doPostTearDown() {
    simulator.close();
  }

  private String uri(String options) {
    return "kmp:socket://127.0.0.1:"
        + simulator.tcpPort()
        + "?timeout=200&quietTime=10&retries=0&password=4711&"
        + options;
  }

  @Override
  protected RouteBuilder createRouteBuilder() {
    return new RouteBuilder() {
      @Override
      public void configure() {
        from(uri("registers=E1&initialDelay=0&delay=20")).routeId("poller").to("mock:polled");
        from("direct:serial").to(uri("command=GetSerialNo"));
      }
    };
  }

  private Optional<HealthCheck.Result> health(String idPart) {
    return HealthCheckRegistry.get(context).stream()
        .filter(check -> check.getId().contains(idPart))
        .findFirst()
        .map(HealthCheck::call);
  }

  @Test
  void consumerHealthGoesDownWhileTheMeterIsSilentAndBackUpAfter() {
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> health("poller").map(r -> r.getState() == HealthCheck.State.UP).orElse(false));
    simulator.meter().faults().injectUntilCleared(Fault.noAnswer());
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> health("poller").map(r -> r.getState() == HealthCheck.State.DOWN).orElse(false));
    HealthCheck.Result down = health("poller").orElseThrow();
    assertThat(down.getDetails()).containsEntry("kmp.error.type", "KmpPortSilentException");
    assertThat(down.getDetails().get("kmp.port").toString()).startsWith("socket://127.0.0.1:");
    simulator.meter().faults().clear();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> health("poller").map(r -> r.getState() == HealthCheck.State.UP).orElse(false));
  }

  @Test
  void producerHealthFollowsTheLastExchange() throws Exception {
    template.requestBody("direct:serial", (Object) null);
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                health("producer:kmp")
                    .map(r -> r.getState() == HealthCheck.State.UP)
                    .orElse(false));
    context.getRouteController().stopRoute("poller");
    simulator.meter().faults().injectUntilCleared(Fault.noAnswer());
    template.request("direct:serial", e -> {});
    HealthCheck.Result down = health("producer:kmp").orElseThrow();
    assertThat(down.getState()).isEqualTo(HealthCheck.State.DOWN);
    assertThat(down.getMessage()).hasValueSatisfying(m -> assertThat(m).contains("port silent"));
    assertThat(down.getDetails()).containsKeys("kmp.port", "kmp.transactions", "kmp.last.error");
    simulator.meter().faults().clear();
    template.requestBody("direct:serial", (Object) null);
    assertThat(health("producer:kmp").orElseThrow().getState()).isEqualTo(HealthCheck.State.UP);
  }

  @Test
  void devConsoleListsPortsWithoutThePassword() {
    template.requestBody("direct:serial", (Object) null);
    DevConsole console =
        context
            .getCamelContextExtension()
            .getContextPlugin(DevConsoleRegistry.class)
            .resolveById("kmp");
    assertThat(console).isNotNull();
    String text = (String) console.call(DevConsole.MediaType.TEXT);
    assertThat(text)
        .contains("Port: socket://127.0.0.1:" + simulator.tcpPort())
        .contains("transactions:")
        .doesNotContain("4711");
    @SuppressWarnings("unchecked")
    Map<String, Object> json = (Map<String, Object>) console.call(DevConsole.MediaType.JSON);
    assertThat(json.get("ports").toString()).contains("users=2").doesNotContain("4711");
  }
}
