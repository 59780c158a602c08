package org.camelkmp.benchmarks;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.camelkmp.benchmarks.Report.Row;
import org.camelkmp.benchmarks.Report.Verdict;
import org.camelkmp.component.kmp.KmpRegisterReading;
import org.camelkmp.kmp.client.ClientOptions;
import org.camelkmp.kmp.client.KmpClient;
import org.camelkmp.kmp.client.RegisterReading;
import org.camelkmp.kmp.simulator.MeterSimulator;
import org.camelkmp.kmp.simulator.SimulatedMeter;
import org.camelkmp.kmp.transport.LineSettings;
import org.camelkmp.kmp.transport.TcpTransport;

/**
 * Figure 2, latency against the physical limit: the time from asking to having the decoded reading
 * of 8 and 40 registers, from a simulated meter paced in real time at 1200 baud 8N2 (11 bit times a
 * byte, both ways) with a fixed think time, against the wire-time limit (request bytes + answer
 * bytes) × byte time + think time per request.
 *
 * <p>The bare client and the Camel consumer read the same frozen meter in one run, polls
 * alternating: the client's time is from calling {@code readRegisters} to its return; the
 * consumer's from calling its {@code run()} (what its scheduler calls) to the reading reaching the
 * route's processor. The limit comes from the frames the client counted; the consumer talks to the
 * same frozen meter, whose answers are byte for byte the same (checked here: same readings, same
 * request count; figure 1 counts the consumer's bytes on the wire and finds them equal).
 */
public final class Latency {
  /** The meter's think time per request. */
  public static final Duration THINK_TIME = Duration.ofMillis(50);

  /** Allowed overhead over the limit: 2 % of it, or 20 ms when that is more. */
  public static long allowanceNanos(long limitNanos) {
    return Math.max(limitNanos / 50, 20_000_000L);
  }

  static final int[] SIZES = {8, 40};
  private static final int WARMUP_POLLS = 300;

  private Latency() {}

  /** Measures {@code reps} polls per size and path and adds rows 2.1 to 2.4. */
  public static void run(Report report, int reps) throws Exception {
    SimulatedMeter meter = Meters.frozen();
    LineSettings line = LineSettings.KMP_DEFAULT;
    warmUp(meter);
    try (MeterSimulator simulator =
        MeterSimulator.builder()
            .meter(meter)
            .tcpPort(0)
            .lineSettings(line)
            .realtime(true)
            .thinkTime(THINK_TIME)
            .start()) {
      WireCounter counter = new WireCounter();
      try (ManualPolls camel = new ManualPolls(uris(simulator.tcpPort()));
          KmpClient client =
              new KmpClient(
                  new TcpTransport("127.0.0.1", simulator.tcpPort(), 5_000),
                  ClientOptions.defaults().withLineSettings(line),
                  counter,
                  Clock.systemUTC())) {
        // the first polls open the connections: not measured
        for (int i = 0; i < SIZES.length; i++) {
          client.readRegisters(Meters.registers(SIZES[i]));
          camel.poll("r" + i);
        }
        long[][] clientNanos = new long[SIZES.length][reps];
        long[][] camelNanos = new long[SIZES.length][reps];
        long[] bytes = new long[SIZES.length];
        int[] requests = new int[SIZES.length];
        for (int rep = 0; rep < reps; rep++) {
          for (int i = 0; i < SIZES.length; i++) {
            List<Integer> ids = Meters.registers(SIZES[i]);

            counter.reset();
            long start = System.nanoTime();
            RegisterReading reading = client.readRegisters(ids);
            clientNanos[i][rep] = System.nanoTime() - start;
            check(rep == 0 || bytes[i] == counter.bytes(), "the meter's frames changed");
            check(counter.failures() == 0, "a client attempt failed");
            bytes[i] = counter.bytes();
            requests[i] = counter.requests();

            ManualPolls.Completion polled = camel.poll("r" + i);
            camelNanos[i][rep] = polled.elapsedNanos();
            check(polled.requestCount() == requests[i], "the consumer sent other requests");
            check(
                polled
                        .reading()
                        .getRegisters()
                        .equals(reading.values().stream().map(KmpRegisterReading::of).toList())
                    && polled.reading().getMissing().equals(reading.missing()),
                "the consumer read other values than the client");
          }
        }
        int row = 1;
        for (int i = 0; i < SIZES.length; i++) {
          long limit = bytes[i] * line.nanosPerByte() + requests[i] * THINK_TIME.toNanos();
          report.add(row(row++, SIZES[i], "client", clientNanos[i], limit, bytes[i], requests[i]));
          report.add(
              row(row++, SIZES[i], "Camel consumer", camelNanos[i], limit, bytes[i], requests[i]));
        }
        report.note(
            String.format(
                Locale.ROOT,
                "2.x: simulated meter paced in real time both ways at %s (%.3f ms a byte), think"
                    + " time %d ms per request, loopback TCP; %d polls per row, client and"
                    + " consumer alternating. Target: the median within 2 %% or 20 ms of the limit,"
                    + " whichever is more; the slowest poll is shown too (on a loaded machine it"
                    + " carries thread-scheduling delays of the simulator as well as of the"
                    + " reader).",
                line,
                line.nanosPerByte() / 1e6,
                THINK_TIME.toMillis(),
                reps));
      }
    }
  }

  private static Row row(
      int n, int size, String path, long[] nanos, long limit, long bytes, int requests) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    long median = sorted[sorted.length / 2];
    long max = sorted[sorted.length - 1];
    boolean pass = median - limit <= allowanceNanos(limit);
    return new Row(
        "2." + n,
        String.format(Locale.ROOT, "latency, %d registers, %s: median (slowest)", size, path),
        String.format(
            Locale.ROOT,
            "%.1f ms (%.1f ms): +%.1f ms (+%.1f ms)",
            median / 1e6,
            max / 1e6,
            (median - limit) / 1e6,
            (max - limit) / 1e6),
        String.format(
            Locale.ROOT,
            "%.1f ms = %d B × %.3f ms + %d × %d ms; allowed +%.1f ms",
            limit / 1e6,
            bytes,
            LineSettings.KMP_DEFAULT.nanosPerByte() / 1e6,
            requests,
            THINK_TIME.toMillis(),
            allowanceNanos(limit) / 1e6),
        Report.ratio(median / (double) limit) + " (" + Report.ratio(max / (double) limit) + ")",
        pass ? Verdict.PASS : Verdict.MISS);
  }

  private static String[] uris(int port) {
    String[] uris = new String[SIZES.length];
    for (int i = 0; i < SIZES.length; i++) {
      uris[i] =
          "kmp:socket://127.0.0.1:"
              + port
              + "?registers="
              + Meters.option(Meters.registers(SIZES[i]));
    }
    return uris;
  }

  /** Runs both paths many times against an unpaced meter so that the JIT has compiled them. */
  private static void warmUp(SimulatedMeter meter) throws Exception {
    try (MeterSimulator simulator = MeterSimulator.builder().meter(meter).tcpPort(0).start();
        ManualPolls camel = new ManualPolls(uris(simulator.tcpPort()));
        KmpClient client =
            new KmpClient(TcpTransport.fromUri("socket://127.0.0.1:" + simulator.tcpPort()))) {
      for (int n = 0; n < WARMUP_POLLS; n++) {
        for (int i = 0; i < SIZES.length; i++) {
          client.readRegisters(Meters.registers(SIZES[i]));
          camel.poll("r" + i);
        }
      }
    }
  }

  private static void check(boolean condition, String what) {
    if (!condition) {
      throw new IllegalStateException("latency benchmark is not measuring what it claims: " + what);
    }
  }
}
