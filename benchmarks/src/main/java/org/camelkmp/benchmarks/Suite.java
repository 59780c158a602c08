package org.camelkmp.benchmarks;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.camelkmp.benchmarks.scale.ScaleRun;

/**
 * Runs the whole benchmark suite and writes {@code results.md} next to the jar (normally {@code
 * benchmarks/target/results.md}), then prints it.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar [--only wire,latency,codec,scale,cli] [--meters 100,1000,5000]
 *     [--reps 7] [--window 30] [--period 1000] [--poll-threads 16] [--quick] [--out FILE]
 * </pre>
 *
 * {@code --quick} is a smoke run of a minute or two: fewer polls, shorter JMH, 100 and 1,000 meters
 * with a 10 s window. Its figures are not for publishing.
 */
public final class Suite {
  private static final Set<String> PARTS = Set.of("wire", "latency", "codec", "scale", "cli");

  private Suite() {}

  /** Command-line options. */
  static final class Options {
    Set<String> only = new TreeSet<>(PARTS);
    List<Integer> meters = List.of(100, 1_000, 5_000);
    int reps = 7;
    long windowSeconds = 30;
    long warmupSeconds = 10;
    long periodMillis = 1_000;
    int pollThreads = 16;
    boolean quick;
    Path out;

    static Options parse(String... args) {
      Options o = new Options();
      boolean metersGiven = false;
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        switch (a) {
          case "--quick":
            o.quick = true;
            break;
          case "--only":
            o.only = new TreeSet<>(Arrays.asList(value(args, ++i, a).split(",")));
            if (!PARTS.containsAll(o.only)) {
              throw new IllegalArgumentException(
                  "--only takes some of " + PARTS + ", not " + o.only);
            }
            break;
          case "--meters":
            o.meters =
                Arrays.stream(value(args, ++i, a).split(","))
                    .map(String::strip)
                    .map(Integer::valueOf)
                    .toList();
            metersGiven = true;
            break;
          case "--reps":
            o.reps = Integer.parseInt(value(args, ++i, a));
            break;
          case "--window":
            o.windowSeconds = Long.parseLong(value(args, ++i, a));
            break;
          case "--period":
            o.periodMillis = Long.parseLong(value(args, ++i, a));
            break;
          case "--poll-threads":
            o.pollThreads = Integer.parseInt(value(args, ++i, a));
            break;
          case "--out":
            o.out = Path.of(value(args, ++i, a));
            break;
          default:
            throw new IllegalArgumentException("unknown option " + a + "; see the Suite Javadoc");
        }
      }
      if (o.quick) {
        o.reps = Math.min(o.reps, 2);
        o.windowSeconds = Math.min(o.windowSeconds, 10);
        o.warmupSeconds = 5;
        if (!metersGiven) {
          o.meters = List.of(100, 1_000);
        }
      }
      if (o.reps < 1 || o.windowSeconds * 1000 % o.periodMillis != 0) {
        throw new IllegalArgumentException(
            "--reps must be at least 1 and --window a multiple of --period");
      }
      return o;
    }

    private static String value(String[] args, int i, String option) {
      if (i >= args.length) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      return args[i];
    }
  }

  public static void main(String[] args) throws Exception {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    Machine machine = Machine.describe();
    Report report = new Report();
    long started = System.nanoTime();
    List<String> failures = new ArrayList<>();
    if (options.only.contains("wire")) {
      step("1 wire efficiency", failures, () -> WireEfficiency.run(report));
    }
    if (options.only.contains("latency")) {
      step(
          "2 latency at 1200 baud (about " + (options.reps + 1) * 12 + " s)",
          failures,
          () -> Latency.run(report, options.reps));
    }
    if (options.only.contains("codec")) {
      step("3 codec (JMH)", failures, () -> Codec.run(report, options.quick));
    }
    if (options.only.contains("scale")) {
      step(
          "4 scale " + options.meters,
          failures,
          () ->
              ScaleRun.run(
                  report,
                  new ScaleRun.Settings(
                      options.meters,
                      options.periodMillis,
                      options.warmupSeconds,
                      options.windowSeconds,
                      options.pollThreads,
                      1_000)));
    }
    if (options.only.contains("cli")) {
      step(
          "5 kmp-tool start to answer (about " + (2 * options.reps + 2) * 2 + " s)",
          failures,
          () -> CliStart.run(report, Math.max(options.reps, 5)));
    }
    failures.forEach(f -> report.note("**not measured:** " + f));
    report.note(
        String.format(
            Locale.ROOT,
            "load average at the end: %.2f (figures from a machine busy with other work are"
                + " noisy)",
            java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage()));
    if (options.quick) {
      report.note("**--quick run: a smoke test, not figures to publish.**");
    }
    String markdown = report.markdown(machine, System.nanoTime() - started);
    Path out = options.out != null ? options.out : defaultOutput();
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, markdown, StandardCharsets.UTF_8);
    System.out.println(markdown);
    System.err.println("written to " + out);
    System.exit(failures.isEmpty() ? 0 : 1);
  }

  /** A part of the suite. */
  private interface Part {
    void run() throws Exception;
  }

  private static void step(String name, List<String> failures, Part part) {
    System.err.println("== " + name);
    long t = System.nanoTime();
    try {
      part.run();
    } catch (Exception | AssertionError e) {
      e.printStackTrace();
      failures.add(name + ": " + e);
    }
    System.err.printf(Locale.ROOT, "   %.0f s%n", (System.nanoTime() - t) / 1e9);
  }

  /** results.md next to the jar (target/), or in target/ when run from classes. */
  static Path defaultOutput() throws URISyntaxException {
    Path code = Path.of(Suite.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path dir = code.getParent();
    return dir.resolve("results.md");
  }
}
