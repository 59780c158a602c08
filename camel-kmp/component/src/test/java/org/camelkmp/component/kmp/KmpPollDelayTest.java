package org.camelkmp.component.kmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.main.Main;
import org.apache.camel.spi.ScheduledPollConsumerScheduler;
import org.apache.camel.support.service.ServiceSupport;
import org.camelkmp.component.kmp.support.MeterTap;
import org.camelkmp.kmp.message.CommandId;
import org.camelkmp.kmp.simulator.MeterConfig;
import org.camelkmp.kmp.simulator.MeterSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How often the meter is read, counted where it costs battery: the GetRegister requests that reach
 * the simulated meter. A route without {@code delay} polls once a minute, so after the first poll
 * no second one may arrive within several seconds; a 500 ms default would send about ten.
 */
class KmpPollDelayTest {
  /** Long enough for a 500 ms default to poll many times, far shorter than the 60 s default. */
  private static final Duration WINDOW = Duration.ofSeconds(4);

  private MeterSimulator simulator;
  private MeterTap tap;

  @BeforeEach
  void startMeter() {
    simulator =
        MeterSimulator.builder()
            .meter(MeterConfig.builder().serialNumber(60_000_001L).build())
            .tcpPort(0)
            .start();
    tap = new MeterTap(simulator.tcpPort());
  }

  @AfterEach
  void stopMeter() {
    tap.close();
    simulator.close();
  }

  private String gateway() {
    return "socket://127.0.0.1:" + tap.port();
  }

  /** Exactly one GetRegister reaches the meter, and no second one within the window. */
  private void assertOnePollInTheWindow() {
    await("a first GetRegister at the meter")
        .atMost(Duration.ofSeconds(15))
        .until(() -> tap.count(CommandId.GET_REGISTER) >= 1);
    await("no second GetRegister at the meter within " + WINDOW)
        .during(WINDOW)
        .atMost(WINDOW.plusSeconds(5))
        .until(() -> tap.count(CommandId.GET_REGISTER) == 1);
  }

  @Test
  void javaRouteWithoutDelayReadsTheMeterOnceAMinute() throws Exception {
    try (CamelContext context = new DefaultCamelContext()) {
      context.addRoutes(
          new RouteBuilder() {
            @Override
            public void configure() {
              from("kmp:" + gateway() + "?registers=E1,V1&initialDelay=0").to("log:reading");
            }
          });
      context.start();
      assertOnePollInTheWindow();
    }
  }

  @Test
  void theReadmeYamlRouteReadsTheMeterOnceAMinute(@TempDir Path dir) throws Exception {
    String readme = Files.readString(Path.of("../../README.md"), StandardCharsets.UTF_8);
    String section = readme.substring(readme.indexOf("## Using the Camel component"));
    int start = section.indexOf("```yaml\n") + 8;
    String yaml = section.substring(start, section.indexOf("```", start));
    assertThat(yaml).doesNotContain("delay");
    Path route = dir.resolve("readings.yaml");
    Files.writeString(route, yaml.replace("socket://localhost:2002", gateway()));
    Main main = new Main();
    main.configure().withRoutesIncludePattern("file:" + route);
    main.start();
    try {
      assertOnePollInTheWindow();
      assertThat(tap.count(CommandId.GET_SERIAL_NO)).isEqualTo(1);
    } finally {
      main.stop();
    }
  }

  @Test
  void anExplicitDelayIsHonoured() throws Exception {
    try (CamelContext context = new DefaultCamelContext()) {
      context.addRoutes(
          new RouteBuilder() {
            @Override
            public void configure() {
              from("kmp:" + gateway() + "?registers=E1&initialDelay=0&delay=50").to("log:reading");
            }
          });
      context.start();
      await().atMost(Duration.ofSeconds(20)).until(() -> tap.count(CommandId.GET_REGISTER) >= 5);
    }
  }

  @Test
  void anExplicitDelayInAnotherTimeUnitIsHonoured() throws Exception {
    try (CamelContext context = new DefaultCamelContext()) {
      context.addRoutes(
          new RouteBuilder() {
            @Override
            public void configure() {
              from("kmp:" + gateway() + "?registers=E1&initialDelay=0&delay=1&timeUnit=MINUTES")
                  .to("log:reading");
            }
          });
      context.start();
      assertOnePollInTheWindow();
    }
  }

  @Test
  void aRepeatCountStopsPollingAfterThatManyReads() throws Exception {
    try (CamelContext context = new DefaultCamelContext()) {
      context.addRoutes(
          new RouteBuilder() {
            @Override
            public void configure() {
              from("kmp:" + gateway() + "?registers=E1&initialDelay=0&delay=20&repeatCount=3")
                  .to("log:reading");
            }
          });
      context.start();
      await().atMost(Duration.ofSeconds(15)).until(() -> tap.count(CommandId.GET_REGISTER) >= 3);
      await()
          .during(Duration.ofSeconds(1))
          .atMost(Duration.ofSeconds(5))
          .until(() -> tap.count(CommandId.GET_REGISTER) == 3);
    }
  }

  @Test
  void aCustomSchedulerDecidesWhenTheMeterIsRead() throws Exception {
    ManualScheduler manual = new ManualScheduler();
    try (CamelContext context = new DefaultCamelContext()) {
      context.getRegistry().bind("manual", manual);
      context.addRoutes(
          new RouteBuilder() {
            @Override
            public void configure() {
              from("kmp:" + gateway() + "?registers=E1&scheduler=#manual").to("log:reading");
            }
          });
      context.start();
      for (int i = 0; i < 3; i++) {
        manual.fire();
      }
      await("no poll but the three fired")
          .during(Duration.ofSeconds(2))
          .atMost(Duration.ofSeconds(5))
          .until(() -> tap.count(CommandId.GET_REGISTER) == 3);
    }
  }

  /** A scheduler that polls only when the test says so, as a user's own scheduler might. */
  static final class ManualScheduler extends ServiceSupport
      implements ScheduledPollConsumerScheduler {
    private CamelContext camelContext;
    private volatile Runnable task;

    void fire() {
      task.run();
    }

    @Override
    public void onInit(Consumer consumer) {}

    @Override
    public void scheduleTask(Runnable task) {
      this.task = task;
    }

    @Override
    public void unscheduleTask() {
      task = null;
    }

    @Override
    public void startScheduler() {}

    @Override
    public boolean isSchedulerStarted() {
      return task != null;
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
      this.camelContext = camelContext;
    }

    @Override
    public CamelContext getCamelContext() {
      return camelContext;
    }
  }
}
