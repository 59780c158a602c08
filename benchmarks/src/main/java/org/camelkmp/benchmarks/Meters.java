package org.camelkmp.benchmarks;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.camelkmp.kmp.simulator.MeterConfig;
import org.camelkmp.kmp.simulator.SimulatedMeter;

/**
 * The meters and register sets every benchmark uses. The simulated MULTICAL 403 has 36 registers;
 * the 40-register set asks for all of them plus four it lacks (E4, E5, V2, T3), which it leaves out
 * of its answers as a real meter does.
 */
public final class Meters {
  /** When the frozen meters live: every answer of a frozen meter is byte for byte the same. */
  public static final Instant FROZEN_AT = Instant.parse("2026-01-15T09:30:00Z");

  /** E1. */
  public static final List<Integer> ONE = List.of(60);

  /** E1, V1, POWER1, FLOW1, T1, T2, CLOCK, DATE: the README's reading, one request. */
  public static final List<Integer> EIGHT = List.of(60, 68, 80, 74, 86, 87, 1002, 1003);

  /** The eight above and eight more the meter has: two full requests. */
  public static final List<Integer> SIXTEEN =
      concat(EIGHT, List.of(63, 89, 99, 1001, 1004, 348, 239, 266));

  /** The four catalogue registers the simulated MULTICAL 403 does not have. */
  public static final List<Integer> LACKING = List.of(61, 62, 69, 88);

  /** Every register the simulated meter has (36) and the four it lacks: five requests. */
  public static final List<Integer> FORTY = forty();

  private Meters() {}

  /** The register set of {@code n} registers: 1, 8, 16 or 40. */
  public static List<Integer> registers(int n) {
    switch (n) {
      case 1:
        return ONE;
      case 8:
        return EIGHT;
      case 16:
        return SIXTEEN;
      case 40:
        return FORTY;
      default:
        throw new IllegalArgumentException("no register set of " + n + " registers");
    }
  }

  /** The registers as the endpoint option {@code registers=} takes them. */
  public static String option(List<Integer> ids) {
    return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
  }

  /** A MULTICAL 403 with the default identity and minimal logs (they play no part here). */
  public static MeterConfig config(long serialNumber) {
    return MeterConfig.builder().serialNumber(serialNumber).hourlyLog(1, 0).dailyLog(1, 0).build();
  }

  /** A meter whose clock stands still, so that every answer to a request is the same bytes. */
  public static SimulatedMeter frozen() {
    return new SimulatedMeter(config(72_345_678L), Clock.fixed(FROZEN_AT, ZoneOffset.UTC));
  }

  /** How many registers the simulated meter has. */
  public static int simulatedRegisterCount() {
    return frozen().registerIds().size();
  }

  private static List<Integer> forty() {
    List<Integer> ids = new ArrayList<>(frozen().registerIds());
    ids.addAll(LACKING);
    if (ids.size() != 40 || ids.stream().distinct().count() != 40) {
      throw new IllegalStateException(
          "the simulated meter no longer has 36 registers: " + frozen().registerIds());
    }
    return List.copyOf(ids);
  }

  private static List<Integer> concat(List<Integer> a, List<Integer> b) {
    List<Integer> all = new ArrayList<>(a);
    all.addAll(b);
    return List.copyOf(all);
  }
}
