package org.camelkmp.kmp.simulator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.camelkmp.kmp.value.RegisterValue;

/**
 * The registers a MULTICAL 403 answers, each computed from {@link Readings}: id, unit and a fixed
 * number of decimals, sent with NoB 4 (7 for the date and time); a value that outgrows 4 bytes is
 * sent with as many as it needs, never cut.
 */
final class SimulatedRegisters {
  static final int E1 = 60;
  static final int E3 = 63;
  static final int V1 = 68;
  static final int FLOW1 = 74;
  static final int POWER1 = 80;
  static final int T1 = 86;
  static final int T2 = 87;
  static final int T1_T2 = 89;
  static final int INFO = 99;
  static final int SERIAL_NO = 1001;
  static final int CLOCK = 1002;
  static final int DATE = 1003;
  static final int HOUR_COUNTER = 1004;

  /** What the hourly and daily logs record, in this order. */
  static final List<Integer> LOGGED =
      List.of(DATE, CLOCK, E1, E3, V1, T1, T2, FLOW1, POWER1, INFO, HOUR_COUNTER);

  private static final int GJ = 8;
  private static final int M3 = 40;
  private static final int L_PER_H = 41;
  private static final int KW = 22;
  private static final int CELSIUS = 37;
  private static final int KELVIN = 38;
  private static final int HOURS = 46;
  private static final int WH = 1;
  private static final int LITRES = 39;
  private static final int NO_UNIT = 0;
  private static final BigDecimal E1_MOD = BigDecimal.TEN.pow(7);
  private static final BigDecimal V1_MOD = BigDecimal.TEN.pow(8);

  private static final Map<Integer, Function<Readings, RegisterValue>> ALL = build();

  private SimulatedRegisters() {}

  /** The simulated registers by id, in id order of the catalogue's groups. */
  static Map<Integer, Function<Readings, RegisterValue>> all() {
    return ALL;
  }

  private static Map<Integer, Function<Readings, RegisterValue>> build() {
    Map<Integer, Function<Readings, RegisterValue>> m = new LinkedHashMap<>();
    number(m, E1, GJ, Readings::heatEnergy);
    number(m, E3, GJ, Readings::coolingEnergy);
    number(m, V1, M3, Readings::volume);
    number(m, FLOW1, L_PER_H, Readings::flow);
    number(m, POWER1, KW, Readings::power);
    number(m, T1, CELSIUS, Readings::flowTemperature);
    number(m, T2, CELSIUS, Readings::returnTemperature);
    number(m, T1_T2, KELVIN, Readings::temperatureDifference);
    number(m, INFO, NO_UNIT, r -> BigDecimal.ZERO);
    yearAndMonthExtremes(m, 123, true);
    yearAndMonthExtremes(m, 138, false);
    number(m, 146, CELSIUS, r -> r.meanFlowTemperature(true));
    number(m, 147, CELSIUS, r -> r.meanReturnTemperature(true));
    number(m, 149, CELSIUS, r -> r.meanFlowTemperature(false));
    number(m, 150, CELSIUS, r -> r.meanReturnTemperature(false));
    number(m, 239, LITRES, r -> r.volumeLitres().setScale(0, RoundingMode.FLOOR).remainder(V1_MOD));
    number(m, 266, WH, r -> r.heatEnergyWh().remainder(E1_MOD));
    m.put(348, r -> RegisterValue.ofDateTime(348, r.meterTime(), 0));
    number(m, SERIAL_NO, NO_UNIT, r -> BigDecimal.valueOf(r.serialNumber()));
    m.put(CLOCK, r -> RegisterValue.ofTime(CLOCK, r.meterTime().toLocalTime()));
    m.put(DATE, r -> RegisterValue.ofDate(DATE, r.meterTime().toLocalDate()));
    number(m, HOUR_COUNTER, HOURS, Readings::hourCounter);
    return Collections.unmodifiableMap(m);
  }

  private static void yearAndMonthExtremes(
      Map<Integer, Function<Readings, RegisterValue>> m, int first, boolean wholeYear) {
    date(m, first, r -> r.stats(wholeYear).maxFlowDate());
    number(m, first + 1, L_PER_H, r -> r.stats(wholeYear).maxFlow());
    date(m, first + 2, r -> r.stats(wholeYear).minFlowDate());
    number(m, first + 3, L_PER_H, r -> r.stats(wholeYear).minFlow());
    date(m, first + 4, r -> r.stats(wholeYear).maxPowerDate());
    number(m, first + 5, KW, r -> r.stats(wholeYear).maxPower());
    date(m, first + 6, r -> r.stats(wholeYear).minPowerDate());
    number(m, first + 7, KW, r -> r.stats(wholeYear).minPower());
  }

  private static void number(
      Map<Integer, Function<Readings, RegisterValue>> m,
      int id,
      int unit,
      Function<Readings, BigDecimal> value) {
    m.put(id, r -> RegisterValue.ofNumber(id, value.apply(r), unit, 4));
  }

  private static void date(
      Map<Integer, Function<Readings, RegisterValue>> m,
      int id,
      Function<Readings, LocalDate> value) {
    m.put(id, r -> RegisterValue.ofDate(id, value.apply(r)));
  }
}
