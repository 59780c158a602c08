package org.camelkmp.component.kmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.apache.camel.spi.ExceptionHandler;
import org.apache.camel.spi.PooledObjectFactory;
import org.camelkmp.kmp.simulator.MeterConfig;
import org.camelkmp.kmp.simulator.MeterSimulator;
import org.junit.jupiter.api.Test;

/**
 * With camel-main's pooled exchange factory, every exchange the consumer takes from the pool goes
 * back exactly once, none is handed out again while a route still holds it, and a failure in the
 * route still reaches the consumer's exception handler.
 */
class KmpConsumerExchangeLifecycleTest {
  private static final int POLLS = 3;

  @Test
  void everyPooledExchangeIsReleasedOnceAndFailuresAreStillReported() throws Exception {
    List<Throwable> handled = new CopyOnWriteArrayList<>();
    List<String> bodies = new CopyOnWriteArrayList<>();
    List<String> reuseWhileInFlight = new CopyOnWriteArrayList<>();
    Set<Exchange> inFlight =
        Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));
    try (MeterSimulator simulator =
        MeterSimulator.builder().meter(MeterConfig.defaults()).tcpPort(0).start()) {
      String uri =
          "kmp:socket://127.0.0.1:"
              + simulator.tcpPort()
              + "?initialDelay=0&delay=10&repeatCount="
              + POLLS
              + "&timeout=500&quietTime=20&";
      Main main = new Main();
      main.configure().setExchangeFactory("pooled");
      main.configure().setExchangeFactoryStatisticsEnabled(true);
      main.bind("recorder", recorder(handled));
      main.configure()
          .addRoutesBuilder(
              new RouteBuilder() {
                @Override
                public void configure() {
                  from(uri + "registers=E1,V1&splitRegisters=true")
                      .process(
                          e -> {
                            if (!inFlight.add(e)) {
                              reuseWhileInFlight.add(e.getExchangeId());
                            }
                          })
                      .process(e -> bodies.add(e.getMessage().getBody(KmpReading.class).toString()))
                      .process(e -> inFlight.remove(e));
                  from(uri + "registers=T1&exceptionHandler=#recorder")
                      .throwException(new IllegalStateException("the route failed"));
                }
              });
      main.start();
      try {
        await()
            .atMost(Duration.ofSeconds(20))
            .untilAsserted(
                () -> assertThat(bodies).as("readings through the route").hasSize(2 * POLLS));
        await()
            .atMost(Duration.ofSeconds(20))
            .untilAsserted(
                () -> assertThat(handled).as("failures at the exception handler").hasSize(POLLS));
        PooledObjectFactory.Statistics statistics =
            main.getCamelContext()
                .getCamelContextExtension()
                .getExchangeFactoryManager()
                .getStatistics();
        await("every exchange back in the pool")
            .atMost(Duration.ofSeconds(5))
            .until(
                () ->
                    statistics.getReleasedCounter() + statistics.getDiscardedCounter()
                        >= 3L * POLLS);
        assertThat(statistics.getAcquiredCounter() + statistics.getCreatedCounter())
            .as("exchanges handed out")
            .isEqualTo(3L * POLLS);
        assertThat(statistics.getReleasedCounter() + statistics.getDiscardedCounter())
            .as("exchanges given back")
            .isEqualTo(3L * POLLS);
      } finally {
        main.stop();
      }
    }
    assertThat(reuseWhileInFlight).isEmpty();
    assertThat(bodies).allSatisfy(b -> assertThat(b).contains("meter 0x3F"));
    assertThat(handled)
        .hasSize(POLLS)
        .allSatisfy(e -> assertThat(e).hasMessage("the route failed"));
  }

  private static ExceptionHandler recorder(List<Throwable> handled) {
    return new ExceptionHandler() {
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
    };
  }
}
