package org.camelkmp.component.kmp.concurrency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.camelkmp.component.kmp.KmpComponent;
import org.camelkmp.component.kmp.KmpConnection;
import org.camelkmp.component.kmp.KmpReading;
import org.camelkmp.component.kmp.KmpRegisterReading;
import org.camelkmp.kmp.message.GetSerialNoResponse;
import org.camelkmp.kmp.message.GetTypeResponse;
import org.camelkmp.kmp.simulator.LineTiming;
import org.camelkmp.kmp.simulator.MeterConfig;
import org.camelkmp.kmp.simulator.SerialMeterServer;
import org.camelkmp.kmp.simulator.SimulatedMeter;
import org.camelkmp.kmp.simulator.TcpMeterServer;
import org.camelkmp.kmp.testsupport.Figures;
import org.camelkmp.kmp.testsupport.SocatPtyPair;
import org.junit.jupiter.api.Test;

/**
 * A consumer polling and several producers sending on one port at once, thousands of transactions:
 * every response matches its request, no frames interleave (the meter would stay silent on a mixed
 * frame and the client would count a failure), no reading comes twice, nothing deadlocks. Then
 * routes stopped and started again many times, over TCP and over a tty: threads and file
 * descriptors come back to where they were.
 */
class SharedPortUnderLoadTest extends CamelTestSupport {
  private static final long SERIAL = 12_345_678L;
  private static final int PRODUCER_THREADS = 4;
  private static final int PER_THREAD = 600;

  private SimulatedMeter meter;
  private TcpMeterServer server;
  private SocatPtyPair ptys;
  private SerialMeterServer serialServer;
  private final List<String> polled = new CopyOnWriteArrayList<>();
  private final AtomicInteger serialPolls = new AtomicInteger();

  @Override
  protected void doPreSetup() {
    meter =
        new SimulatedMeter(
            MeterConfig.builder().serialNumber(SERIAL).hourlyLog(1, 0).dailyLog(1, 0).build(),
            new Ticking(Instant.parse("2026-03-01T00:00:00Z")));
    server = new TcpMeterServer(meter, 0).start();
    ptys = SocatPtyPair.start();
    serialServer = new SerialMeterServer(meter, ptys.pathB(), LineTiming.immediate()).start();
  }

  @Override
  protected void doPostTearDown() {
    server.close();
    serialServer.close();
    ptys.close();
  }

  private String uri(String options) {
    return "kmp:socket://127.0.0.1:"
        + server.port()
        + "?timeout=1000&quietTime=20&retries=0&"
        + options;
  }

  @Override
  protected RouteBuilder createRouteBuilder() {
    return new RouteBuilder() {
      @Override
      public void configure() {
        from(uri("registers=E1,CLOCK,DATE&initialDelay=0&delay=1"))
            .routeId("poller")
            .process(e -> polled.add(key(e.getMessage().getBody(KmpReading.class))));
        from("direct:serial").routeId("serial").to(uri("command=GetSerialNo"));
        from("direct:type").routeId("type").to(uri("command=GetType"));
        from("direct:registers").routeId("registers").to(uri("registers=V1,T1,T2,CLOCK,DATE"));
        from("kmp:" + ptys.pathA() + "?registers=E1&initialDelay=0&delay=1&timeout=1000")
            .routeId("tty")
            .autoStartup(false)
            .process(e -> serialPolls.incrementAndGet());
      }
    };
  }

  private static String key(KmpReading reading) {
    StringBuilder key = new StringBuilder();
    for (KmpRegisterReading r : reading.getRegisters()) {
      if (r.id() == 1002 || r.id() == 1003) {
        key.append(r.value().toPlainString()).append(' ');
      }
    }
    return key.toString();
  }

  @Test
  void consumerAndProducersShareThePortForThousandsOfTransactions() throws Exception {
    List<String> producerReadings = new CopyOnWriteArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(PRODUCER_THREADS);
    long started = System.nanoTime();
    int pollsBefore = polled.size();
    try {
      List<Future<Integer>> futures = new ArrayList<>();
      for (int t = 0; t < PRODUCER_THREADS; t++) {
        int thread = t;
        futures.add(pool.submit(() -> producerLoop(thread, producerReadings)));
      }
      int sent = 0;
      for (Future<Integer> future : futures) {
        sent += future.get(3, TimeUnit.MINUTES); // a deadlock fails here
      }
      assertThat(sent).isEqualTo(PRODUCER_THREADS * PER_THREAD);
    } finally {
      pool.shutdownNow();
    }
    context.getRouteController().stopRoute("poller");
    long millis = (System.nanoTime() - started) / 1_000_000;

    List<String> all = new ArrayList<>(polled);
    all.addAll(producerReadings);
    Set<String> unique = new LinkedHashSet<>(all);
    KmpConnection connection =
        context.getComponent("kmp", KmpComponent.class).activeConnections().stream()
            .filter(c -> c.port().startsWith("socket:"))
            .findFirst()
            .orElseThrow();
    int polls = polled.size() - pollsBefore;
    String figures =
        String.format(
            "[concurrency] one port, %d producer threads + 1 polling consumer: %d producer"
                + " transactions and %d polls in %d ms; %d transactions on the connection, %d"
                + " failed; %d GetRegister answers, %d unique; %d server connection(s)%n",
            PRODUCER_THREADS,
            PRODUCER_THREADS * PER_THREAD,
            polls,
            millis,
            connection.transactions(),
            connection.failures(),
            all.size(),
            unique.size(),
            server.connectionCount());
    System.out.print(figures);
    Figures.append("concurrency-figures.txt", figures);

    assertThat(polls).as("polls while the producers ran").isGreaterThan(100);
    assertThat(connection.failures()).as("failed attempts: an interleaved frame").isZero();
    assertThat(all).as("GetRegister answers delivered twice").hasSameSizeAs(unique);
    assertThat(server.connectionCount()).isEqualTo(1);
  }

  private int producerLoop(int thread, List<String> readings) {
    for (int i = 0; i < PER_THREAD; i++) {
      switch ((i + thread) % 3) {
        case 0 -> {
          Object body = template.requestBody("direct:serial", (Object) null);
          assertThat(body).isEqualTo(new GetSerialNoResponse(SERIAL));
        }
        case 1 -> {
          GetTypeResponse type =
              template.requestBody("direct:type", (Object) null, GetTypeResponse.class);
          assertThat(type.meterType()).isEqualTo(MeterConfig.DEFAULT_METER_TYPE);
        }
        default -> {
          KmpReading reading =
              template.requestBody("direct:registers", (Object) null, KmpReading.class);
          assertThat(reading.getRegisters())
              .extracting(KmpRegisterReading::id)
              .containsExactly(68, 86, 87, 1002, 1003);
          assertThat(reading.getMissing()).isEmpty();
          readings.add(key(reading));
        }
      }
    }
    return PER_THREAD;
  }

  @Test
  void stoppingAndStartingRoutesLeaksNoThreadsAndNoFileDescriptors() throws Exception {
    List<String> routes = List.of("poller", "serial", "type", "registers", "tty");
    for (int warmUp = 0; warmUp < 3; warmUp++) {
      cycle(routes);
    }
    int threadsBefore = threads();
    long fdsBefore = fileDescriptors();
    int cycles = 40;
    for (int i = 0; i < cycles; i++) {
      cycle(routes);
    }
    for (String route : routes) {
      context.getRouteController().stopRoute(route);
    }
    cycle(routes);
    // settle: stopped pools and closed sockets may take a moment to go
    await("threads back")
        .atMost(Duration.ofSeconds(15))
        .until(() -> threads() <= threadsBefore + 2);
    await("file descriptors back")
        .atMost(Duration.ofSeconds(15))
        .until(() -> fileDescriptors() <= fdsBefore + 2);
    String figures =
        String.format(
            "[concurrency] %d stop/start cycles of %d routes (TCP and tty): threads %d -> %d,"
                + " file descriptors %d -> %d%n",
            cycles, routes.size(), threadsBefore, threads(), fdsBefore, fileDescriptors());
    System.out.print(figures);
    Figures.append("concurrency-figures.txt", figures);
  }

  /** Starts every route, uses each once, stops them all. */
  private void cycle(List<String> routes) throws Exception {
    int polls = polled.size();
    int ttyPolls = serialPolls.get();
    for (String route : routes) {
      context.getRouteController().startRoute(route);
    }
    assertThat(template.requestBody("direct:serial", (Object) null))
        .isEqualTo(new GetSerialNoResponse(SERIAL));
    template.requestBody("direct:registers", (Object) null);
    await().atMost(Duration.ofSeconds(10)).until(() -> polled.size() > polls);
    await().atMost(Duration.ofSeconds(10)).until(() -> serialPolls.get() > ttyPolls);
    for (String route : routes) {
      context.getRouteController().stopRoute(route);
    }
    assertThat(context.getComponent("kmp", KmpComponent.class).activeConnections()).isEmpty();
  }

  private static int threads() {
    return ManagementFactory.getThreadMXBean().getThreadCount();
  }

  private static long fileDescriptors() throws IOException {
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      return fds.count();
    }
  }

  /** One second further at every read: every GetRegister answer is unique. */
  private static final class Ticking extends java.time.Clock {
    private final Instant start;
    private final java.util.concurrent.atomic.AtomicLong ticks =
        new java.util.concurrent.atomic.AtomicLong();

    Ticking(Instant start) {
      this.start = start;
    }

    @Override
    public java.time.ZoneId getZone() {
      return java.time.ZoneOffset.UTC;
    }

    @Override
    public java.time.Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return start.plusSeconds(ticks.incrementAndGet());
    }
  }
}
