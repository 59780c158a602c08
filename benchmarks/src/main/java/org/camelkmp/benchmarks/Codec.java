package org.camelkmp.benchmarks;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.camelkmp.benchmarks.Report.Row;
import org.camelkmp.benchmarks.Report.Verdict;
import org.camelkmp.kmp.frame.PhysicalLayer;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link CodecBenchmark} with JMH (one fork, short iterations so the suite stays within its
 * time, GC profiler for bytes allocated per operation) and turns the results into rows 3.x.
 */
public final class Codec {
  /** Target per 8-register answer, encode or decode. */
  public static final double TARGET_NANOS = 2_000;

  /** Target allocation per 8-register answer, encode or decode. */
  public static final double TARGET_BYTES = 1_024;

  private Codec() {}

  /** Runs the benchmarks and adds their rows. */
  public static void run(Report report, boolean quick) throws Exception {
    Options options =
        new OptionsBuilder()
            .include(CodecBenchmark.class.getName() + "\\.")
            .forks(1)
            .warmupIterations(quick ? 1 : 3)
            .warmupTime(TimeValue.seconds(1))
            .measurementIterations(quick ? 2 : 5)
            .measurementTime(TimeValue.seconds(1))
            .addProfiler(GCProfiler.class)
            .shouldFailOnError(true)
            .build();
    Collection<RunResult> results = new Runner(options).run();
    Map<String, RunResult> byName = new LinkedHashMap<>();
    for (RunResult r : results) {
      String label = r.getParams().getBenchmark();
      byName.put(label.substring(label.lastIndexOf('.') + 1), r);
    }
    CodecBenchmark frames = new CodecBenchmark();
    frames.setUp();
    int n = 1;
    String answer = "8-register GetRegister answer (" + frames.registersFrame.length + " B)";
    report.add(row(n++, "decode " + answer, byName.get("decodeRegisterResponse8"), true));
    report.add(row(n++, "encode " + answer, byName.get("encodeRegisterResponse8"), true));
    String stuffed =
        "stuffing-heavy 8-register answer ("
            + frames.stuffedFrame.length
            + " B, "
            + escapes(frames.stuffedFrame)
            + " escapes)";
    report.add(row(n++, "decode " + stuffed, byName.get("decodeStuffedResponse8"), true));
    report.add(row(n++, "encode " + stuffed, byName.get("encodeStuffedResponse8"), true));
    String request = "8-register GetRegister request (" + frames.requestFrame.length + " B)";
    report.add(row(n++, "encode " + request, byName.get("encodeRegisterRequest8"), false));
    String serial = "GetSerialNo answer (" + frames.serialFrame.length + " B)";
    report.add(row(n++, "decode " + serial, byName.get("decodeSerialResponse"), false));
    report.add(row(n++, "encode " + serial, byName.get("encodeSerialResponse"), false));
    report.note(
        String.format(
            Locale.ROOT,
            "3.x: JMH 1.37, whole frames through FrameCodec (physical, data-link and application"
                + " layer), average time ± 99.9 %% error, allocation from -prof gc"
                + " (gc.alloc.rate.norm); 1 fork, %d × 1 s warm-up, %d × 1 s measurement.",
            quick ? 1 : 3,
            quick ? 2 : 5));
  }

  private static int escapes(byte[] frame) {
    return frame.length - 2 - PhysicalLayer.destuff(frame, 1, frame.length - 2).length;
  }

  private static Row row(int n, String figure, RunResult result, boolean target) {
    if (result == null) {
      throw new IllegalStateException("JMH produced no result for " + figure);
    }
    Result<?> time = result.getPrimaryResult();
    Result<?> alloc = result.getSecondaryResults().get("gc.alloc.rate.norm");
    double nanos = time.getScore();
    double bytes = alloc == null ? Double.NaN : alloc.getScore();
    String value =
        String.format(
            Locale.ROOT, "%.0f ± %.0f ns · %.0f B/op", nanos, time.getScoreError(), bytes);
    if (!target) {
      return new Row("3." + n, figure, value, "", "", Verdict.INFO);
    }
    boolean pass = nanos < TARGET_NANOS && bytes < TARGET_BYTES;
    return new Row(
        "3." + n,
        figure,
        value,
        "< 2 µs · < 1 KiB",
        Report.ratio(nanos / TARGET_NANOS) + " · " + Report.ratio(bytes / TARGET_BYTES),
        pass ? Verdict.PASS : Verdict.MISS);
  }
}
