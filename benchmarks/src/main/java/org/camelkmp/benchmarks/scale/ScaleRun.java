package org.camelkmp.benchmarks.scale;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.camelkmp.benchmarks.Report;
import org.camelkmp.benchmarks.Report.Row;
import org.camelkmp.benchmarks.Report.Verdict;

/**
 * Figure 4, scale: for each number of meters, forks a {@link MeterFarm} and then the measured JVM,
 * a {@link ScaleReader} with {@code -Xmx512m}, and turns its result line into rows 4.x.
 */
public final class ScaleRun {
  /** Heap the reader may use: the target. */
  public static final String READER_HEAP = "-Xmx512m";

  /** Threads the reader JVM may have at most, whatever the number of meters. */
  public static final int THREAD_BOUND = 64;

  private static final long MIB = 1024 * 1024;

  /**
   * How to run.
   *
   * @param meters numbers of meters, one run each
   * @param periodMillis poll period of every meter
   * @param warmupSeconds before the window
   * @param windowSeconds measured window, a multiple of the period
   * @param pollThreads the component's pollThreads
   * @param targetMeters the run whose polls must all complete (1,000); others are reported only
   */
  public record Settings(
      List<Integer> meters,
      long periodMillis,
      long warmupSeconds,
      long windowSeconds,
      int pollThreads,
      int targetMeters) {}

  private ScaleRun() {}

  /** Runs every size and adds its rows. */
  public static void run(Report report, Settings settings) throws Exception {
    int section = 1;
    for (int meters : settings.meters()) {
      System.err.printf(Locale.ROOT, "   scale: %,d meters…%n", meters);
      Map<String, String> r;
      try {
        r = runOnce(meters, settings);
      } catch (IOException | IllegalStateException e) {
        report.add(
            new Row(
                "4." + section++,
                String.format(Locale.ROOT, "scale, %,d meters", meters),
                "did not run: " + e.getMessage(),
                "",
                "",
                Verdict.MISS));
        continue;
      }
      section = rows(report, section, meters, settings, r);
    }
    report.note(
        String.format(
            Locale.ROOT,
            "4.x: each meter is a simulated MULTICAL 403 on its own loopback port, served from"
                + " one selector thread in a separate process, answering at once (not paced: a"
                + " paced poll holds a poll thread for its whole 1 s on the wire, see 2.1). The"
                + " reader is a separate JVM (%s) with one kmp route per meter, 8 registers,"
                + " delay=%d ms at a fixed rate (an 8-register poll keeps a 1200-baud line busy"
                + " for about 1 s, so no real meter can be polled more often), start times spread"
                + " over one period, pollThreads=%d. Window %d s after %d s of warm-up. Missed:"
                + " polls short of window/period per meter; late: a poll completing more than 1.5"
                + " periods after the meter's previous one. CPU: process CPU time over the"
                + " window, and that of the poll threads alone, per completed poll.",
            READER_HEAP,
            settings.periodMillis(),
            settings.pollThreads(),
            settings.windowSeconds(),
            settings.warmupSeconds()));
  }

  private static int rows(
      Report report, int section, int meters, Settings settings, Map<String, String> r) {
    long expected = num(r, "expected");
    long completed = num(r, "completed");
    long missed = num(r, "missed");
    long late = num(r, "late");
    long failed = num(r, "failed");
    long bad = num(r, "badReadings");
    boolean target = meters <= settings.targetMeters();
    boolean allPolls = missed == 0 && late == 0 && failed == 0 && bad == 0;
    String who = String.format(Locale.ROOT, "scale, %,d meters", meters);
    report.add(
        new Row(
            "4." + section++,
            who + ": polls completed / expected in the window",
            String.format(
                Locale.ROOT,
                "%,d / %,d; missed %,d, late %,d, failed %,d (longest gap %,d ms)",
                completed,
                expected,
                missed,
                late,
                failed,
                num(r, "maxIntervalMs")),
            String.format(
                Locale.ROOT,
                "all, none missed or late (%s)",
                target ? "target" : "beyond the target, reported"),
            Report.ratio(completed / (double) expected),
            target ? (allPolls ? Verdict.PASS : Verdict.MISS) : Verdict.INFO));
    long peak = num(r, "peakThreads");
    long pool = num(r, "pollThreads");
    report.add(
        new Row(
            "4." + section++,
            who + ": peak threads in the reader JVM (poll pool)",
            String.format(Locale.ROOT, "%d (%d)", peak, pool),
            String.format(
                Locale.ROOT,
                "≤ %d whatever the meters; pool ≤ pollThreads = %d",
                THREAD_BOUND,
                settings.pollThreads()),
            Report.ratio(peak / (double) meters) + " per meter",
            peak <= THREAD_BOUND && pool <= settings.pollThreads() ? Verdict.PASS : Verdict.MISS));
    long heapAfterGc = num(r, "heapAfterGc");
    long heapMax = num(r, "heapMax");
    report.add(
        new Row(
            "4." + section++,
            who + ": heap used after GC (peak before GC)",
            String.format(
                Locale.ROOT,
                "%s (%s); %d GCs, %d ms",
                Report.mib(heapAfterGc),
                Report.mib(num(r, "heapPeak")),
                num(r, "gcCount"),
                num(r, "gcMillis")),
            "< 512 MiB (" + READER_HEAP + ", max " + heapMax / MIB + " MiB)",
            Report.ratio(heapAfterGc / (512.0 * MIB)),
            heapAfterGc < 512 * MIB ? Verdict.PASS : Verdict.MISS));
    long cpu = num(r, "cpuNanos");
    long pollCpu = num(r, "pollThreadCpuNanos");
    long span = num(r, "spanNanos");
    long recorded = Math.max(1, num(r, "recorded"));
    report.add(
        new Row(
            "4." + section++,
            who + ": reader CPU, whole process (poll threads); context start",
            String.format(
                Locale.ROOT,
                "%.1f %% (%.1f %%) of one core: %.0f µs (%.0f µs) per poll; start %,d ms",
                100.0 * cpu / span,
                100.0 * pollCpu / span,
                cpu / 1e3 / recorded,
                pollCpu / 1e3 / recorded,
                num(r, "startMs")),
            "",
            "",
            Verdict.INFO));
    return section;
  }

  private static long num(Map<String, String> r, String key) {
    String v = r.get(key);
    if (v == null) {
      throw new IllegalStateException("the reader's result lacks " + key + ": " + r);
    }
    return Long.parseLong(v);
  }

  /** Runs one size: farm, then reader; returns the reader's result fields. */
  static Map<String, String> runOnce(int meters, Settings settings)
      throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classpath = System.getProperty("java.class.path");
    Path ports = Files.createTempFile("kmp-farm-", ".ports");
    Process farm =
        new ProcessBuilder(
                java,
                "-Xss256k",
                "-Xmx1g",
                "-XX:+UseSerialGC",
                "-cp",
                classpath,
                MeterFarm.class.getName(),
                Integer.toString(meters),
                ports.toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    try {
      BufferedReader farmOut =
          new BufferedReader(new InputStreamReader(farm.getInputStream(), StandardCharsets.UTF_8));
      String ready = farmOut.readLine();
      if (ready == null || !ready.startsWith("READY")) {
        throw new IllegalStateException("the meter farm did not start: " + ready);
      }
      List<String> command = new ArrayList<>();
      command.add(java);
      command.add(READER_HEAP);
      command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
      command.add("-cp");
      command.add(classpath);
      command.add(ScaleReader.class.getName());
      command.add(Integer.toString(meters));
      command.add(Long.toString(settings.periodMillis()));
      command.add(Long.toString(settings.warmupSeconds()));
      command.add(Long.toString(settings.windowSeconds()));
      command.add(ports.toString());
      command.add(Integer.toString(settings.pollThreads()));
      Process reader =
          new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
      Map<String, String> result = null;
      try (BufferedReader out =
          new BufferedReader(
              new InputStreamReader(reader.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = out.readLine()) != null) {
          if (line.startsWith("RESULT ")) {
            result = parse(line);
          } else {
            System.err.println("   reader: " + line);
          }
        }
      }
      if (!reader.waitFor(60, TimeUnit.SECONDS)) {
        reader.destroyForcibly().waitFor();
      }
      if (result == null) {
        throw new IllegalStateException(
            "the reader JVM gave no result (exit " + reader.exitValue() + "); see its output");
      }
      return result;
    } finally {
      farm.getOutputStream().close(); // the farm exits when its input closes
      if (!farm.waitFor(10, TimeUnit.SECONDS)) {
        farm.destroyForcibly();
      }
      Files.deleteIfExists(ports);
    }
  }

  static Map<String, String> parse(String line) {
    Map<String, String> fields = new HashMap<>();
    for (String part : line.substring("RESULT ".length()).trim().split(" ")) {
      int eq = part.indexOf('=');
      if (eq > 0) {
        fields.put(part.substring(0, eq), part.substring(eq + 1));
      }
    }
    return fields;
  }
}
