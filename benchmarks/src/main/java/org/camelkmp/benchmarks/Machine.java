package org.camelkmp.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The machine a run measured: CPU model, cores, memory, JDK, OS, and how loaded it was when the run
 * began (figures from a busy machine are noisy).
 *
 * @param cpu CPU model name
 * @param cores processors available to the JVM
 * @param memoryBytes physical memory
 * @param jdk JVM name and version
 * @param os operating system, version and architecture
 * @param loadAverage one-minute load average at the start, -1 when unknown
 * @param startedAt when the run began
 * @param commit the git commit of the working directory, or "unknown"
 */
public record Machine(
    String cpu,
    int cores,
    long memoryBytes,
    String jdk,
    String os,
    double loadAverage,
    Instant startedAt,
    String commit) {

  /** Describes this machine now. */
  public static Machine describe() {
    long memory = -1;
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      memory = os.getTotalMemorySize();
    }
    return new Machine(
        cpuModel(),
        Runtime.getRuntime().availableProcessors(),
        memory,
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
        System.getProperty("os.name")
            + " "
            + System.getProperty("os.version")
            + " "
            + System.getProperty("os.arch"),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
        Instant.now().truncatedTo(ChronoUnit.SECONDS),
        gitCommit());
  }

  private static String cpuModel() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8)) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).strip();
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: fall through
    }
    return System.getProperty("os.arch");
  }

  private static String gitCommit() {
    try {
      Process git =
          new ProcessBuilder("git", "rev-parse", "--short=12", "HEAD")
              .redirectErrorStream(true)
              .start();
      String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (git.waitFor(5, TimeUnit.SECONDS) && git.exitValue() == 0 && !out.isEmpty()) {
        return out;
      }
    } catch (IOException e) {
      // no git
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return "unknown";
  }

  /** As a Markdown list. */
  public String markdown() {
    return String.format(
        Locale.ROOT,
        "- machine: %s, %d cores, %.1f GiB RAM%n- JDK: %s; OS: %s%n"
            + "- load average at start: %.2f; started %s; commit %s%n",
        cpu,
        cores,
        memoryBytes / (1024.0 * 1024 * 1024),
        jdk,
        os,
        loadAverage,
        startedAt,
        commit);
  }
}
