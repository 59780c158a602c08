package org.camelkmp.component.kmp.writes;

import java.math.BigDecimal;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.console.DevConsole;
import org.apache.camel.console.DevConsoleRegistry;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.impl.DefaultCamelContext;
import org.camelkmp.component.kmp.KmpConstants;
import org.camelkmp.kmp.simulator.Fault;
import org.camelkmp.kmp.simulator.MeterConfig;
import org.camelkmp.kmp.simulator.MeterSimulator;

/**
 * Run in a JVM of its own with every logger at debug: writes a register with a password through the
 * component (once accepted, through an echoing head, once unanswered), and prints everything a user
 * could see: logs, the exception with its causes, the health checks and the dev console.
 */
public final class SecretProbe {
  static final int PASSWORD = 0xBEEF;

  private SecretProbe() {}

  public static void main(String[] args) throws Exception {
    try (MeterSimulator simulator =
        MeterSimulator.builder()
            .meter(MeterConfig.builder().password(PASSWORD).build())
            .tcpPort(0)
            .start()) {
      CamelContext camel = new DefaultCamelContext();
      HealthCheckRegistry registry = HealthCheckRegistry.get(camel);
      registry.register(registry.resolveById("producers"));
      registry.getRepository("producers").ifPresent(r -> r.setEnabled(true));
      String uri =
          "kmp:socket://127.0.0.1:"
              + simulator.tcpPort()
              + "?command=PutRegister&allowWrites=true&password="
              + PASSWORD
              + "&timeout=300&quietTime=50&retries=1";
      camel.addRoutes(
          new RouteBuilder() {
            @Override
            public void configure() {
              from("direct:put").routeId("put").to(uri);
            }
          });
      camel.start();
      ProducerTemplate template = camel.createProducerTemplate();
      Map<String, Object> headers =
          Map.of(
              KmpConstants.REGISTERS, "E1",
              KmpConstants.VALUE, new BigDecimal("1.5"),
              KmpConstants.UNIT, "GJ");
      simulator.meter().faults().inject(Fault.echo(), 1);
      Object ack = template.requestBodyAndHeaders("direct:put", null, headers);
      System.out.println("accepted: " + ack);
      simulator.meter().faults().injectUntilCleared(Fault.echo());
      simulator.meter().faults().injectUntilCleared(Fault.noAnswer());
      try {
        template.requestBodyAndHeaders("direct:put", null, headers);
        System.out.println("UNEXPECTED: the unanswered write succeeded");
      } catch (Exception e) {
        System.out.println("failed as expected: " + e);
        e.printStackTrace(System.out);
      }
      for (HealthCheck check : registry.stream().toList()) {
        HealthCheck.Result result = check.call();
        System.out.println(
            "health "
                + check.getId()
                + " "
                + result.getState()
                + " "
                + result.getMessage().orElse("")
                + " "
                + result.getDetails());
        result.getError().ifPresent(e -> e.printStackTrace(System.out));
      }
      DevConsole console =
          camel
              .getCamelContextExtension()
              .getContextPlugin(DevConsoleRegistry.class)
              .resolveById("kmp");
      System.out.println("console: " + console.call(DevConsole.MediaType.TEXT));
      System.out.println("console json: " + console.call(DevConsole.MediaType.JSON));
      camel.getEndpoints().forEach(e -> System.out.println("endpoint: " + e));
      camel.getRoutes().forEach(r -> System.out.println("route: " + r + " " + r.getEndpoint()));
      camel.stop();
      System.out.println("PROBE DONE");
    }
  }
}
