package org.camelkmp.kmp.simulator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

/**
 * What the meter measures at one moment, as exact decimals with the meter's fixed number of
 * decimals: counters are truncated (a meter never shows energy it has not yet counted), momentary
 * values rounded. Period statistics are computed once per instance. Not thread-safe; made per
 * request.
 */
final class Readings {
  private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);
  private static final BigDecimal THOUSAND = BigDecimal.valueOf(1_000);
  private static final BigDecimal KJ_PER_WH = new BigDecimal("3.6");

  private final MeterConfig config;
  private final HeatLoad load;
  private final Instant start;
  private final Moment moment;
  private PeriodStats month;
  private PeriodStats year;

  /** Extremes of flow and power over hourly samples of a period, and where they happened. */
  record PeriodStats(
      BigDecimal maxFlow,
      LocalDate maxFlowDate,
      BigDecimal minFlow,
      LocalDate minFlowDate,
      BigDecimal maxPower,
      LocalDate maxPowerDate,
      BigDecimal minPower,
      LocalDate minPowerDate) {}

  Readings(MeterConfig config, HeatLoad load, Instant start, Moment moment) {
    this.config = config;
    this.load = load;
    this.start = start;
    this.moment = moment;
  }

  Moment moment() {
    return moment;
  }

  LocalDateTime meterTime() {
    return moment.meterTime();
  }

  /** All heat energy counted, kJ, to the microjoule. */
  BigDecimal heatEnergyKj() {
    BigDecimal counted =
        BigDecimal.valueOf(load.energyKj(start, moment.instant()))
            .setScale(6, RoundingMode.HALF_EVEN);
    return config.heatEnergy().multiply(MILLION).add(counted).max(BigDecimal.ZERO);
  }

  /** E1, GJ with 3 decimals. */
  BigDecimal heatEnergy() {
    return heatEnergyKj().divide(MILLION).setScale(3, RoundingMode.FLOOR);
  }

  /** E1 in Wh, whole. */
  BigDecimal heatEnergyWh() {
    return heatEnergyKj().divide(KJ_PER_WH, 0, RoundingMode.FLOOR);
  }

  /** The serial number. */
  long serialNumber() {
    return config.serialNumber();
  }

  /** E3, GJ with 3 decimals. */
  BigDecimal coolingEnergy() {
    return config.coolingEnergy().setScale(3, RoundingMode.FLOOR);
  }

  /** All volume counted, litres, to the microlitre. */
  BigDecimal volumeLitres() {
    BigDecimal counted =
        BigDecimal.valueOf(load.volumeLitres(start, moment.instant()))
            .setScale(6, RoundingMode.HALF_EVEN);
    return config.volume().multiply(THOUSAND).add(counted).max(BigDecimal.ZERO);
  }

  /** V1, m³ with 2 decimals. */
  BigDecimal volume() {
    return volumeLitres().divide(THOUSAND).setScale(2, RoundingMode.FLOOR);
  }

  /** FLOW1, l/h, whole. */
  BigDecimal flow() {
    return flowAt(moment.instant());
  }

  /** POWER1, kW with 1 decimal. */
  BigDecimal power() {
    return powerAt(moment.instant());
  }

  /** T1, °C with 2 decimals. */
  BigDecimal flowTemperature() {
    return round(load.flowTemperature(moment.instant()), 2);
  }

  /** T2, °C with 2 decimals. */
  BigDecimal returnTemperature() {
    return round(load.returnTemperature(moment.instant()), 2);
  }

  /** T1 − T2 as the meter shows them, K with 2 decimals. */
  BigDecimal temperatureDifference() {
    return flowTemperature().subtract(returnTemperature());
  }

  /** Operating hours, whole. */
  BigDecimal hourCounter() {
    long elapsed = Duration.between(start, moment.instant()).toHours();
    return BigDecimal.valueOf(Math.max(0, config.hourCounter() + elapsed));
  }

  /** Mean T1 since the start of the month, °C with 2 decimals. */
  BigDecimal meanFlowTemperature(boolean wholeYear) {
    return round(load.meanFlowTemperature(periodStart(wholeYear), moment.instant()), 2);
  }

  /** Mean T2 since the start of the month or year, °C with 2 decimals. */
  BigDecimal meanReturnTemperature(boolean wholeYear) {
    return round(load.meanReturnTemperature(periodStart(wholeYear), moment.instant()), 2);
  }

  /** Flow and power extremes this month or this year. */
  PeriodStats stats(boolean wholeYear) {
    if (wholeYear) {
      year = year == null ? computeStats(true) : year;
      return year;
    }
    month = month == null ? computeStats(false) : month;
    return month;
  }

  private Instant periodStart(boolean wholeYear) {
    return moment.instantOf(periodStartTime(wholeYear));
  }

  private LocalDateTime periodStartTime(boolean wholeYear) {
    LocalDate today = meterTime().toLocalDate();
    LocalDate first = wholeYear ? today.withDayOfYear(1) : today.withDayOfMonth(1);
    return first.atStartOfDay();
  }

  /** Samples every full hour of the period so far, and now. */
  private PeriodStats computeStats(boolean wholeYear) {
    LocalDateTime now = meterTime();
    LocalDateTime t = periodStartTime(wholeYear);
    long hours = ChronoUnit.HOURS.between(t, now);
    Extreme maxFlow = new Extreme(1);
    Extreme minFlow = new Extreme(-1);
    Extreme maxPower = new Extreme(1);
    Extreme minPower = new Extreme(-1);
    for (long h = 0; h <= hours + 1; h++) {
      LocalDateTime sample = h <= hours ? t.plusHours(h) : now;
      Instant instant = moment.instantOf(sample);
      BigDecimal flow = flowAt(instant);
      BigDecimal power = powerAt(instant);
      maxFlow.offer(flow, sample.toLocalDate());
      minFlow.offer(flow, sample.toLocalDate());
      maxPower.offer(power, sample.toLocalDate());
      minPower.offer(power, sample.toLocalDate());
    }
    return new PeriodStats(
        maxFlow.value,
        maxFlow.date,
        minFlow.value,
        minFlow.date,
        maxPower.value,
        maxPower.date,
        minPower.value,
        minPower.date);
  }

  private BigDecimal flowAt(Instant instant) {
    return round(Math.max(0, load.flow(instant)), 0);
  }

  private BigDecimal powerAt(Instant instant) {
    return round(Math.max(0, load.power(instant)), 1);
  }

  private static BigDecimal round(double value, int decimals) {
    return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP);
  }

  /** The first greatest (sign 1) or least (sign −1) value offered, and its date. */
  private static final class Extreme {
    private final int sign;
    private BigDecimal value;
    private LocalDate date;

    Extreme(int sign) {
      this.sign = sign;
    }

    void offer(BigDecimal candidate, LocalDate when) {
      if (value == null || candidate.compareTo(value) * sign > 0) {
        value = candidate;
        date = when;
      }
    }
  }
}
