package org.camelkmp.component.kmp.springboot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.camel.ProducerTemplate;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.camelkmp.kmp.simulator.Fault;
import org.camelkmp.kmp.simulator.MeterConfig;
import org.camelkmp.kmp.simulator.MeterSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.CompositeHealth;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The kmp consumer's and producer's health checks as Spring Boot actuator health reports them
 * (camel-spring-boot's Camel health indicator): UP while the meter answers, DOWN with the kind of
 * failure while it is silent, UP again once it answers. Read through the actuator's {@link
 * HealthEndpoint}, as {@code /actuator/health} would show it.
 */
@SpringBootTest(
    classes = KmpTestApplication.class,
    properties = {
      "camel.component.kmp.registers=E1",
      "camel.component.kmp.delay=50ms",
      "camel.component.kmp.timeout=200ms",
      "camel.component.kmp.quiet-time=10ms",
      "camel.component.kmp.retries=0",
      "camel.health.producers-enabled=true",
      "camel.health.exposure-level=full",
      "management.endpoint.health.show-details=always"
    })
@DirtiesContext
class KmpStarterHealthTest {
  private static final Duration PATIENCE = Duration.ofSeconds(20);
  private static MeterSimulator meter;

  @Autowired private HealthEndpoint health;
  @Autowired private ProducerTemplate template;

  @BeforeAll
  static void startMeter() {
    meter = MeterSimulator.builder().meter(MeterConfig.defaults()).tcpPort(0).start();
  }

  @AfterAll
  static void stopMeter() {
    meter.close();
  }

  @DynamicPropertySource
  static void meterPort(DynamicPropertyRegistry registry) {
    registry.add("meter.port", () -> meter.tcpPort());
  }

  @Test
  void consumerAndProducerChecksFollowTheMeterInActuatorHealth() {
    template.requestBody("direct:serial", (Object) null);
    awaitKmpChecks("UP");
    assertThat(health.health().getStatus()).isEqualTo(Status.UP);

    meter.meter().faults().injectUntilCleared(Fault.noAnswer());
    template.request("direct:serial", exchange -> {});
    awaitKmpChecks("DOWN");
    assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
    assertThat(camelDetails().get("consumer:meter.data"))
        .asInstanceOf(InstanceOfAssertFactories.MAP)
        .containsEntry("kmp.error.type", "KmpPortSilentException");

    meter.meter().faults().clear();
    template.requestBody("direct:serial", (Object) null);
    awaitKmpChecks("UP");
    assertThat(health.health().getStatus()).isEqualTo(Status.UP);
  }

  /** Waits until the poller's consumer check and every kmp producer check report {@code state}. */
  private void awaitKmpChecks(String state) {
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () -> {
              Map<String, Object> checks = kmpChecks();
              assertThat(checks)
                  .as("%s", camelDetails().keySet())
                  .containsKey("consumer:meter")
                  .hasSizeGreaterThan(1);
              assertThat(checks.values()).as("%s", camelDetails()).containsOnly(state);
            });
  }

  /** The state of the poller's consumer check and of each kmp producer check, by check id. */
  private Map<String, Object> kmpChecks() {
    Map<String, Object> checks = new TreeMap<>();
    camelDetails()
        .forEach(
            (key, value) -> {
              if (key.equals("consumer:meter")
                  || (key.startsWith("producer:kmp-") && !key.endsWith(".data"))) {
                checks.put(key, value);
              }
            });
    return checks;
  }

  /** The details of the Camel health indicator among the actuator's health components. */
  private Map<String, Object> camelDetails() {
    HealthComponent root = health.health();
    assertThat(root).isInstanceOf(CompositeHealth.class);
    Optional<Health> camel =
        ((CompositeHealth) root)
            .getComponents().values().stream()
                .filter(Health.class::isInstance)
                .map(Health.class::cast)
                .filter(h -> "camel-health-check".equals(h.getDetails().get("name")))
                .findFirst();
    assertThat(camel).as("Camel's health indicator in %s", root).isPresent();
    return camel.get().getDetails();
  }
}
