package org.camelkmp.kmp.fuzz;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.camelkmp.kmp.error.KmpException;

/**
 * Feeds inputs to one target and keeps the figures: how many inputs, how many decoded and how many
 * rejected by which exception, the slowest input and the most memory one input made the target
 * allocate. Anything but a {@link KmpException} escaping the target is a finding, kept with the
 * input that caused it.
 */
final class FuzzRun {
  /** An input that broke the promise. */
  record Finding(String target, String input, Throwable failure) {
    @Override
    public String toString() {
      return target + " on " + input + ": " + failure;
    }
  }

  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private final String target;
  private final Function<byte[], String> call;
  private final Map<String, Long> outcomes = new TreeMap<>();
  private final List<Finding> findings = new ArrayList<>();
  private final Map<String, Boolean> seen = new LinkedHashMap<>();
  private long inputs;
  private long inputBytes;
  private long maxNanos;
  private String slowest = "";
  private long maxAllocated;
  private int maxAllocatedLength;

  FuzzRun(String target, Function<byte[], String> call) {
    this.target = target;
    this.call = call;
    THREADS.setThreadAllocatedMemoryEnabled(true);
  }

  void feed(byte[] input) {
    inputs++;
    inputBytes += input.length;
    long thread = Thread.currentThread().getId();
    long allocatedBefore = THREADS.getThreadAllocatedBytes(thread);
    long started = System.nanoTime();
    String outcome;
    try {
      outcome = "decoded " + call.apply(input);
    } catch (KmpException e) {
      outcome = "rejected " + e.getClass().getSimpleName();
    } catch (Throwable e) {
      outcome = "FINDING " + e.getClass().getSimpleName();
      String key = e.getClass().getName() + ":" + firstFrame(e);
      if (seen.putIfAbsent(key, true) == null && findings.size() < 20) {
        findings.add(new Finding(target, HexFormat.of().formatHex(input), e));
      }
    }
    long nanos = System.nanoTime() - started;
    long allocated = THREADS.getThreadAllocatedBytes(thread) - allocatedBefore;
    if (nanos > maxNanos) {
      maxNanos = nanos;
      slowest = HexFormat.of().formatHex(input, 0, Math.min(input.length, 40));
    }
    if (allocated > maxAllocated) {
      maxAllocated = allocated;
      maxAllocatedLength = input.length;
    }
    outcomes.merge(outcome, 1L, Long::sum);
  }

  private static String firstFrame(Throwable e) {
    StackTraceElement[] trace = e.getStackTrace();
    return trace.length == 0 ? "" : trace[0].toString();
  }

  List<Finding> findings() {
    return findings;
  }

  long inputs() {
    return inputs;
  }

  long maxNanos() {
    return maxNanos;
  }

  long maxAllocated() {
    return maxAllocated;
  }

  long decoded() {
    return outcomes.entrySet().stream()
        .filter(e -> e.getKey().startsWith("decoded"))
        .mapToLong(Map.Entry::getValue)
        .sum();
  }

  String report() {
    StringBuilder text = new StringBuilder();
    text.append(
        String.format(
            "%s: %,d inputs (%,d bytes), %,d decoded, %d finding(s); slowest %.2f ms (%s…),"
                + " most allocated %,d bytes for a %d-byte input%n",
            target,
            inputs,
            inputBytes,
            decoded(),
            findings.size(),
            maxNanos / 1e6,
            slowest,
            maxAllocated,
            maxAllocatedLength));
    outcomes.forEach((k, v) -> text.append(String.format("    %-40s %,d%n", k, v)));
    return text.toString();
  }
}
