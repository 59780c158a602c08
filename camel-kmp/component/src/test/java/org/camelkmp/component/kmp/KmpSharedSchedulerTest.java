package org.camelkmp.component.kmp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.camelkmp.kmp.simulator.MeterConfig;
import org.camelkmp.kmp.simulator.MeterSimulator;
import org.junit.jupiter.api.Test;

/** Many consumers, few threads: every kmp consumer polls on one pool shared by the component. */
class KmpSharedSchedulerTest extends CamelTestSupport {
  private static final int METERS = 24;
  private MeterSimulator[] simulators;

  @Override
  protected void doPreSetup() {
    simulators = new MeterSimulator[METERS];
    for (int i = 0; i < METERS; i++) {
      simulators[i] =
          MeterSimulator.builder()
              .meter(MeterConfig.builder().serialNumber(1000 + i).build())
              .tcpPort(0)
              .start();
    }
  }

  @Override
  protected void doPostTearDown() {
    for (MeterSimulator simulator : simulators) {
      simulator.close();
    }
  }

  @Override
  protected RouteBuilder createRouteBuilder() {
    return new RouteBuilder() {
      @Override
      public void configure() {
        getContext().getComponent("kmp", KmpComponent.class).setPollThreads(3);
        for (MeterSimulator simulator : simulators) {
          from("kmp:socket://127.0.0.1:"
                  + simulator.tcpPort()
                  + "?registers=E1,V1&initialDelay=0&delay=20&readSerialNumber=true")
              .to("mock:all");
        }
      }
    };
  }

  @Test
  void threadsStayBoundedWhateverTheNumberOfMeters() throws Exception {
    MockEndpoint all = getMockEndpoint("mock:all");
    all.expectedMinimumMessageCount(METERS * 3);
    all.assertIsSatisfied();
    Set<Long> serials =
        all.getReceivedExchanges().stream()
            .map(e -> e.getMessage().getHeader(KmpConstants.METER_SERIAL, Long.class))
            .collect(Collectors.toSet());
    assertThat(serials).hasSize(METERS);
    Set<String> names =
        Thread.getAllStackTraces().keySet().stream()
            .map(Thread::getName)
            .collect(Collectors.toSet());
    assertThat(names.stream().filter(n -> n.contains("KmpPoll"))).hasSizeBetween(1, 3);
    assertThat(names.stream().filter(n -> n.contains("kmp://"))).isEmpty();
  }

  @Test
  void theSharedSchedulerHoldsAPollTaskForEachOfThousandsOfMeters() {
    ScheduledExecutorService scheduler =
        context.getComponent("kmp", KmpComponent.class).sharedScheduler();
    List<ScheduledFuture<?>> tasks = new ArrayList<>();
    try {
      for (int i = 0; i < 5_000; i++) {
        tasks.add(scheduler.scheduleAtFixedRate(() -> {}, 1, 1, TimeUnit.HOURS));
      }
      assertThat(tasks).hasSize(5_000);
    } finally {
      tasks.forEach(t -> t.cancel(false));
    }
  }
}
