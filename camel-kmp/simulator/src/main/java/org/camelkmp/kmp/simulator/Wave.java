package org.camelkmp.kmp.simulator;

import java.util.ArrayList;
import java.util.List;

/**
 * A constant plus a sum of cosines of time, {@code c + Σ a·cos(ω·t + φ)} with t in seconds: closed
 * under addition and multiplication and integrable exactly, so energy and volume follow power and
 * flow without numeric integration. Evaluated with {@link StrictMath} so values are the same on
 * every JVM. Immutable.
 */
final class Wave {
  private static final double DAY = 86_400;
  private static final double YEAR = 365.25 * DAY;

  private final double constant;
  private final double[] amplitude;
  private final double[] omega;
  private final double[] phase;

  private Wave(double constant, List<double[]> terms) {
    this.constant = constant;
    int n = terms.size();
    amplitude = new double[n];
    omega = new double[n];
    phase = new double[n];
    for (int i = 0; i < n; i++) {
      amplitude[i] = terms.get(i)[0];
      omega[i] = terms.get(i)[1];
      phase[i] = terms.get(i)[2];
    }
  }

  static Wave constant(double value) {
    return new Wave(value, List.of());
  }

  /** {@code amplitude · sin(2π·t/period + phase)}. */
  static Wave sine(double amplitude, double periodSeconds, double phase) {
    return new Wave(
        0, List.of(new double[] {amplitude, 2 * Math.PI / periodSeconds, phase - Math.PI / 2}));
  }

  /** {@code amplitude · cos(2π·t/period)}. */
  static Wave cosine(double amplitude, double periodSeconds) {
    return new Wave(0, List.of(new double[] {amplitude, 2 * Math.PI / periodSeconds, 0}));
  }

  static double day() {
    return DAY;
  }

  static double year() {
    return YEAR;
  }

  Wave plus(Wave other) {
    List<double[]> terms = terms();
    terms.addAll(other.terms());
    return new Wave(constant + other.constant, terms);
  }

  Wave plus(double value) {
    return new Wave(constant + value, terms());
  }

  Wave times(double factor) {
    List<double[]> terms = new ArrayList<>();
    for (double[] t : terms()) {
      terms.add(new double[] {t[0] * factor, t[1], t[2]});
    }
    return new Wave(constant * factor, terms);
  }

  /** The product, by cos x · cos y = (cos(x − y) + cos(x + y)) / 2. */
  Wave times(Wave other) {
    double c = constant * other.constant;
    List<double[]> terms = new ArrayList<>();
    for (double[] t : terms()) {
      terms.add(new double[] {t[0] * other.constant, t[1], t[2]});
    }
    for (double[] t : other.terms()) {
      terms.add(new double[] {t[0] * constant, t[1], t[2]});
    }
    for (double[] a : terms()) {
      for (double[] b : other.terms()) {
        double half = a[0] * b[0] / 2;
        double differenceOmega = a[1] - b[1];
        if (differenceOmega == 0) {
          c += half * StrictMath.cos(a[2] - b[2]);
        } else {
          terms.add(new double[] {half, differenceOmega, a[2] - b[2]});
        }
        terms.add(new double[] {half, a[1] + b[1], a[2] + b[2]});
      }
    }
    return new Wave(c, terms);
  }

  /** The value at {@code t} seconds. */
  double at(double t) {
    double sum = constant;
    for (int i = 0; i < amplitude.length; i++) {
      sum += amplitude[i] * StrictMath.cos(omega[i] * t + phase[i]);
    }
    return sum;
  }

  /** The exact integral from {@code from} to {@code to} seconds (negative when to < from). */
  double integral(double from, double to) {
    double sum = constant * (to - from);
    for (int i = 0; i < amplitude.length; i++) {
      sum +=
          amplitude[i]
              / omega[i]
              * (StrictMath.sin(omega[i] * to + phase[i])
                  - StrictMath.sin(omega[i] * from + phase[i]));
    }
    return sum;
  }

  private List<double[]> terms() {
    List<double[]> terms = new ArrayList<>(amplitude.length);
    for (int i = 0; i < amplitude.length; i++) {
      terms.add(new double[] {amplitude[i], omega[i], phase[i]});
    }
    return terms;
  }
}
