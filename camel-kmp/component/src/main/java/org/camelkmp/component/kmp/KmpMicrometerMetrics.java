package org.camelkmp.component.kmp;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.CamelContext;

/**
 * A consumer's meters in a Micrometer registry, tagged with the port, the meter's address and the
 * consumer's route id:
 *
 * <ul>
 *   <li>{@code kmp.consumer.polls} (counter): polls made, read or failed;
 *   <li>{@code kmp.consumer.poll.failures} (counter, tag {@code exception}): failed polls by the
 *       core's exception type ({@code KmpNoAnswerException}, {@code KmpCrcException}…);
 *   <li>{@code kmp.consumer.poll.duration} (timer): how long a poll took, failed ones included;
 *   <li>{@code kmp.consumer.poll.requests} and {@code kmp.consumer.poll.bytes} (summaries): KMP
 *       requests and bytes on the line (both ways, echo and noise included) per successful poll;
 *   <li>{@code kmp.consumer.last.success} (gauge, seconds since the epoch; 0 before the first).
 * </ul>
 *
 * In Prometheus they read {@code kmp_consumer_polls_total}, {@code
 * kmp_consumer_poll_failures_total}, {@code kmp_consumer_poll_duration_seconds_*} and so on.
 */
final class KmpMicrometerMetrics implements KmpPollMetrics {
  /** The name Camel's Micrometer support binds its registry under. */
  static final String CAMEL_REGISTRY_NAME = "metricsRegistry";

  private final CamelContext context;
  private final Tags tags;
  private final AtomicLong lastSuccessMillis = new AtomicLong();
  private final List<Meter> meters = new CopyOnWriteArrayList<>();
  private MeterRegistry registry;
  private Counter polls;
  private Timer duration;
  private DistributionSummary requests;
  private DistributionSummary bytes;

  KmpMicrometerMetrics(CamelContext context, String port, int address, String route) {
    this.context = context;
    this.tags = Tags.of("port", port, "address", String.valueOf(address), "route", route);
  }

  /**
   * The registry, found on first use: camel-main binds camel-micrometer-prometheus's only once the
   * routes are starting. Until there is one, nothing is recorded.
   */
  private synchronized boolean ready() {
    if (registry != null) {
      return true;
    }
    MeterRegistry found =
        context.getRegistry().lookupByNameAndType(CAMEL_REGISTRY_NAME, MeterRegistry.class);
    if (found == null) {
      Set<MeterRegistry> all = context.getRegistry().findByType(MeterRegistry.class);
      found =
          all.stream()
              .filter(
                  r -> r instanceof io.micrometer.core.instrument.composite.CompositeMeterRegistry)
              .findFirst()
              .orElse(all.isEmpty() ? null : all.iterator().next());
    }
    if (found == null) {
      return false;
    }
    registry = found;
    polls =
        keep(
            Counter.builder("kmp.consumer.polls")
                .description("KMP polls made")
                .tags(tags)
                .register(registry));
    duration =
        keep(
            Timer.builder("kmp.consumer.poll.duration")
                .description("How long a KMP poll took, failed ones included")
                .tags(tags)
                .register(registry));
    requests =
        keep(
            DistributionSummary.builder("kmp.consumer.poll.requests")
                .description("KMP request frames per successful poll")
                .tags(tags)
                .register(registry));
    bytes =
        keep(
            DistributionSummary.builder("kmp.consumer.poll.bytes")
                .description("Bytes on the line, both ways, per successful poll")
                .baseUnit("bytes")
                .tags(tags)
                .register(registry));
    keep(
        Gauge.builder("kmp.consumer.last.success", lastSuccessMillis, v -> v.get() / 1000.0)
            .description("When a poll last read the meter, seconds since the epoch; 0 before")
            .baseUnit("seconds")
            .tags(tags)
            .register(registry));
    return true;
  }

  private <M extends Meter> M keep(M meter) {
    meters.add(meter);
    return meter;
  }

  @Override
  public void succeeded(long nanos, int requestCount, long byteCount) {
    if (!ready()) {
      return;
    }
    polls.increment();
    duration.record(nanos, TimeUnit.NANOSECONDS);
    requests.record(requestCount);
    bytes.record(byteCount);
    lastSuccessMillis.set(System.currentTimeMillis());
  }

  @Override
  public void failed(long nanos, Exception failure) {
    if (!ready()) {
      return;
    }
    polls.increment();
    duration.record(nanos, TimeUnit.NANOSECONDS);
    Counter failures =
        Counter.builder("kmp.consumer.poll.failures")
            .description("Failed KMP polls by exception type")
            .tags(tags.and("exception", failure.getClass().getSimpleName()))
            .register(registry);
    if (!meters.contains(failures)) {
      meters.add(failures);
    }
    failures.increment();
  }

  @Override
  public synchronized void close() {
    if (registry != null) {
      meters.forEach(registry::remove);
    }
    meters.clear();
    registry = null;
  }
}
