package org.camelkmp.benchmarks;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.ScheduledPollConsumer;
import org.camelkmp.component.kmp.KmpConstants;
import org.camelkmp.component.kmp.KmpReading;

/**
 * Real kmp consumers in a real CamelContext whose polls the benchmark triggers itself: each route
 * is {@code from("kmp:…&startScheduler=false")} to a processor that notes when the reading arrived.
 * {@link #poll(String)} runs the consumer's {@link ScheduledPollConsumer#run()} on the calling
 * thread, exactly what its scheduler would run, and returns once the exchange has been routed.
 */
public final class ManualPolls implements AutoCloseable {
  private final CamelContext context = new DefaultCamelContext();
  private final Map<String, Completion> completions = new ConcurrentHashMap<>();

  /**
   * What one poll delivered.
   *
   * @param startNanos just before the poll started
   * @param readingNanos when the reading reached the route's processor
   * @param reading the body
   * @param requestCount the CamelKmpRequestCount header
   */
  public record Completion(
      long startNanos, long readingNanos, KmpReading reading, int requestCount) {
    /** From asking to having the decoded reading in the route. */
    public long elapsedNanos() {
      return readingNanos - startNanos;
    }
  }

  /** Adds one route per URI (scheduler off) and starts the context; route ids are r0, r1… */
  public ManualPolls(String... uris) throws Exception {
    context.addRoutes(
        new RouteBuilder() {
          @Override
          public void configure() {
            for (int i = 0; i < uris.length; i++) {
              String id = "r" + i;
              from(uris[i] + (uris[i].contains("?") ? "&" : "?") + "startScheduler=false")
                  .routeId(id)
                  .process(
                      e ->
                          completions.put(
                              id,
                              new Completion(
                                  0,
                                  System.nanoTime(),
                                  e.getMessage().getBody(KmpReading.class),
                                  e.getMessage()
                                      .getHeader(KmpConstants.REQUEST_COUNT, Integer.class))));
            }
          }
        });
    context.start();
  }

  /**
   * Polls the route once on this thread.
   *
   * @throws IllegalStateException when the poll delivered no reading (its failure is logged)
   */
  public Completion poll(String routeId) {
    ScheduledPollConsumer consumer =
        (ScheduledPollConsumer) context.getRoute(routeId).getConsumer();
    completions.remove(routeId);
    long start = System.nanoTime();
    consumer.run();
    Completion done = completions.remove(routeId);
    if (done == null) {
      throw new IllegalStateException("poll of route " + routeId + " delivered no reading");
    }
    return new Completion(start, done.readingNanos(), done.reading(), done.requestCount());
  }

  @Override
  public void close() throws Exception {
    context.close();
  }
}
