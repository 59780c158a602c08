package org.camelkmp.benchmarks.scale;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.ExceptionHandler;
import org.camelkmp.benchmarks.Meters;
import org.camelkmp.component.kmp.KmpComponent;
import org.camelkmp.component.kmp.KmpReading;

/**
 * The measured JVM of the scale benchmark (run with {@code -Xmx512m}): one CamelContext with a
 * {@code kmp:socket://127.0.0.1:PORT?registers=<8 ids>&delay=P} route per meter of a {@link
 * MeterFarm}, polling at a fixed rate on the component's shared scheduler. After a warm-up it
 * records a window and prints one line {@code RESULT key=value …}: polls completed, missed and late
 * ({@link PollLog}), failed polls, peak threads, process CPU time, heap after GC.
 *
 * <p>Arguments: meters, period (ms), warm-up (s), window (s), ports file, poll threads.
 */
public final class ScaleReader {
  private ScaleReader() {}

  /** Counts polls that failed (the consumers' exception handler). */
  static final class FailureCounter implements ExceptionHandler {
    final AtomicLong failures = new AtomicLong();
    volatile String last;

    @Override
    public void handleException(Throwable exception) {
      handleException(null, null, exception);
    }

    @Override
    public void handleException(String message, Throwable exception) {
      handleException(message, null, exception);
    }

    @Override
    public void handleException(String message, Exchange exchange, Throwable exception) {
      failures.incrementAndGet();
      last = String.valueOf(exception);
    }
  }

  public static void main(String[] args) throws Exception {
    int meters = Integer.parseInt(args[0]);
    long periodMillis = Long.parseLong(args[1]);
    long warmupSeconds = Long.parseLong(args[2]);
    long windowSeconds = Long.parseLong(args[3]);
    List<String> ports = Files.readAllLines(Path.of(args[4]), StandardCharsets.US_ASCII);
    int pollThreads = Integer.parseInt(args[5]);
    if (ports.size() < meters) {
      throw new IllegalArgumentException("only " + ports.size() + " ports for " + meters);
    }
    long period = TimeUnit.MILLISECONDS.toNanos(periodMillis);
    long window = TimeUnit.SECONDS.toNanos(windowSeconds);
    PollLog pollLog = new PollLog(meters, period, (int) (window / period) + 16);
    AtomicLong badReadings = new AtomicLong();
    FailureCounter failures = new FailureCounter();
    String registers = Meters.option(Meters.EIGHT);

    DefaultCamelContext context = new DefaultCamelContext();
    context.getRegistry().bind("pollFailures", failures);
    context.getComponent("kmp", KmpComponent.class).setPollThreads(pollThreads);
    context.addRoutes(
        new RouteBuilder() {
          @Override
          public void configure() {
            for (int i = 0; i < meters; i++) {
              int meter = i;
              // staggered start: the polls of all meters spread evenly over one period
              long initialDelay = 1_000 + periodMillis * i / meters;
              from("kmp:socket://127.0.0.1:"
                      + ports.get(i).strip()
                      + "?registers="
                      + registers
                      + "&delay="
                      + periodMillis
                      + "&initialDelay="
                      + initialDelay
                      + "&useFixedDelay=false&exceptionHandler=#pollFailures")
                  .routeId("meter-" + i)
                  .process(recorder(meter, pollLog, badReadings));
            }
          }
        });
    long startBegin = System.nanoTime();
    context.start();
    long startNanos = System.nanoTime() - startBegin;

    TimeUnit.SECONDS.sleep(warmupSeconds);

    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    List<MemoryPoolMXBean> heapPools =
        ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP)
            .toList();
    threads.resetPeakThreadCount();
    heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
    long gcCount0 = gcCount();
    long gcMillis0 = gcMillis();
    long failures0 = failures.failures.get();
    Map<Long, Long> pollCpu0 = pollThreadCpu(threads);
    long cpu0 = os.getProcessCpuTime();
    long spanStart = System.nanoTime();
    long span = window + 2 * period;
    pollLog.open(spanStart, span);

    TimeUnit.NANOSECONDS.sleep(span);

    long cpu = os.getProcessCpuTime() - cpu0;
    long pollCpu = 0;
    for (Map.Entry<Long, Long> end : pollThreadCpu(threads).entrySet()) {
      pollCpu += end.getValue() - pollCpu0.getOrDefault(end.getKey(), 0L);
    }
    long spanNanos = System.nanoTime() - spanStart;
    int peakThreads = threads.getPeakThreadCount();
    long heapPeak = heapPools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    long gcCount = gcCount() - gcCount0;
    long gcMillis = gcMillis() - gcMillis0;
    long failed = failures.failures.get() - failures0;
    PollLog.Stats stats = pollLog.stats(window);
    int liveThreads = threads.getThreadCount();
    long pollPoolThreads =
        Thread.getAllStackTraces().keySet().stream()
            .filter(t -> t.getName().contains("KmpPoll"))
            .count();
    System.gc();
    System.gc();
    long heapAfterGc = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();

    Map<String, Object> result = new LinkedHashMap<>();
    result.put("meters", meters);
    result.put("periodMs", periodMillis);
    result.put("windowS", windowSeconds);
    result.put("startMs", TimeUnit.NANOSECONDS.toMillis(startNanos));
    result.put("expected", stats.expected());
    result.put("completed", stats.completed());
    result.put("missed", stats.missed());
    result.put("late", stats.late());
    result.put("silentMeters", stats.silentMeters());
    result.put("maxIntervalMs", TimeUnit.NANOSECONDS.toMillis(stats.maxIntervalNanos()));
    result.put("recorded", stats.recorded());
    result.put("overflow", stats.overflow());
    result.put("failed", failed);
    result.put("badReadings", badReadings.get());
    result.put("peakThreads", peakThreads);
    result.put("liveThreads", liveThreads);
    result.put("pollThreads", pollPoolThreads);
    result.put("pollThreadsConfigured", pollThreads);
    result.put("cpuNanos", cpu);
    result.put("pollThreadCpuNanos", pollCpu);
    result.put("spanNanos", spanNanos);
    result.put("heapAfterGc", heapAfterGc);
    result.put("heapPeak", heapPeak);
    result.put("heapMax", Runtime.getRuntime().maxMemory());
    result.put("gcCount", gcCount);
    result.put("gcMillis", gcMillis);
    StringBuilder line = new StringBuilder("RESULT");
    result.forEach((k, v) -> line.append(' ').append(k).append('=').append(v));
    System.out.println(line);
    if (failures.last != null) {
      System.err.println("last poll failure: " + failures.last);
    }
    System.out.flush();
    Runtime.getRuntime().halt(0); // the meters are many: skip the orderly stop of every route
  }

  private static Processor recorder(int meter, PollLog pollLog, AtomicLong badReadings) {
    return exchange -> {
      long now = System.nanoTime();
      KmpReading reading = exchange.getMessage().getBody(KmpReading.class);
      if (reading == null || reading.getRegisters().size() != 8) {
        badReadings.incrementAndGet();
        return;
      }
      pollLog.completed(meter, now);
    };
  }

  /** CPU time of each poll thread by thread id. */
  private static Map<Long, Long> pollThreadCpu(ThreadMXBean threads) {
    Map<Long, Long> cpu = new LinkedHashMap<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().contains("KmpPoll")) {
        long nanos = threads.getThreadCpuTime(t.getId());
        if (nanos >= 0) {
          cpu.put(t.getId(), nanos);
        }
      }
    }
    return cpu;
  }

  private static long gcCount() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(GarbageCollectorMXBean::getCollectionCount)
        .sum();
  }

  private static long gcMillis() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(GarbageCollectorMXBean::getCollectionTime)
        .sum();
  }
}
