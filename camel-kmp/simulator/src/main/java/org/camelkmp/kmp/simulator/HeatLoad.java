package org.camelkmp.kmp.simulator;

import java.time.Instant;

/**
 * The heat load the simulated meter measures: flow, flow and return temperatures and the power they
 * carry, as smooth functions of time, with energy and volume as their exact integrals.
 *
 * <p>Flow and temperature difference vary with the season (more in winter), the time of day and,
 * for flow, a 15-minute ripple; all variation is scaled by one factor, so 0 gives a constant load.
 * Power is {@code 1.163 kWh/(m³·K) × flow × (T1 − T2)}, the heat water carries. Everything is a
 * function of the instant alone, so values are reproducible for a given clock. Immutable.
 */
final class HeatLoad {
  /** Heat capacity of water, kWh per m³ and kelvin, as heat meters approximate it. */
  static final double WATER_KWH_PER_M3_K = 1.163;

  private final double nominalPower;
  private final Wave flowShape;
  private final Wave deltaShape;
  private final Wave flow;
  private final Wave delta;
  private final Wave power;
  private final Wave flowTemperature;
  private final Wave returnTemperature;

  /**
   * @param nominalPower kW at nominal flow and temperature difference
   * @param nominalFlow l/h
   * @param nominalFlowTemperature T1 in °C
   * @param variation 0 (constant load) .. 1 (realistic)
   */
  HeatLoad(
      double nominalPower, double nominalFlow, double nominalFlowTemperature, double variation) {
    this.nominalPower = nominalPower;
    double day = Wave.day();
    double year = Wave.year();
    Wave season = Wave.cosine(1, year);
    flowShape =
        Wave.constant(1)
            .plus(season.times(0.25 * variation))
            .times(
                Wave.constant(1)
                    .plus(Wave.sine(0.15 * variation, day, 0.4))
                    .plus(Wave.sine(0.06 * variation, 900, 0)));
    deltaShape =
        Wave.constant(1)
            .plus(season.times(0.15 * variation))
            .times(Wave.constant(1).plus(Wave.sine(0.08 * variation, day, 1.1)));
    double nominalDelta =
        nominalFlow == 0 ? 0 : nominalPower / (WATER_KWH_PER_M3_K * nominalFlow / 1000);
    flow = flowShape.times(nominalFlow);
    delta = deltaShape.times(nominalDelta);
    power = flowShape.times(deltaShape).times(nominalPower);
    flowTemperature =
        Wave.constant(nominalFlowTemperature)
            .plus(season.times(5 * variation))
            .plus(Wave.sine(1.5 * variation, day, 1.1));
    returnTemperature = flowTemperature.plus(delta.times(-1));
  }

  static double seconds(Instant instant) {
    return instant.getEpochSecond() + instant.getNano() / 1e9;
  }

  /** Flow in l/h. */
  double flow(Instant t) {
    return flow.at(seconds(t));
  }

  /** Power in kW: evaluated from its factors, cheaper than the expanded product. */
  double power(Instant t) {
    double s = seconds(t);
    return nominalPower * flowShape.at(s) * deltaShape.at(s);
  }

  /** T1 in °C. */
  double flowTemperature(Instant t) {
    return flowTemperature.at(seconds(t));
  }

  /** T2 in °C. */
  double returnTemperature(Instant t) {
    return returnTemperature.at(seconds(t));
  }

  /** Heat energy in kJ (kW·s) between two instants. */
  double energyKj(Instant from, Instant to) {
    return power.integral(seconds(from), seconds(to));
  }

  /** Volume in litres between two instants. */
  double volumeLitres(Instant from, Instant to) {
    return flow.integral(seconds(from), seconds(to)) / 3600;
  }

  /** Mean T1 between two instants; T1 at {@code to} when they are equal. */
  double meanFlowTemperature(Instant from, Instant to) {
    return mean(flowTemperature, from, to);
  }

  /** Mean T2 between two instants; T2 at {@code to} when they are equal. */
  double meanReturnTemperature(Instant from, Instant to) {
    return mean(returnTemperature, from, to);
  }

  private static double mean(Wave wave, Instant from, Instant to) {
    double a = seconds(from);
    double b = seconds(to);
    return b > a ? wave.integral(a, b) / (b - a) : wave.at(b);
  }
}
