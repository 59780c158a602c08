package org.camelkmp.kmp.value;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The catalogue of KMP unit codes. Every code 0..255 resolves: codes not in the catalogue give an
 * unknown unit that keeps the code, so an unfamiliar meter never fails a read.
 */
public final class Units {
  private static final Map<Integer, Unit> BY_CODE = load();

  private Units() {}

  private static Map<Integer, Unit> load() {
    Map<Integer, Unit> units = new TreeMap<>();
    for (String[] row : Tsv.read("units.tsv", 3)) {
      int code = Integer.parseInt(row[0]);
      units.put(code, new Unit(code, row[1], row[2], true));
    }
    return Collections.unmodifiableMap(units);
  }

  /** The unit for a code; an unknown code gives {@code unknown(0xNN)} with {@code known=false}. */
  public static Unit of(int code) {
    Unit unit = BY_CODE.get(code);
    return unit != null
        ? unit
        : new Unit(code, String.format("unknown(0x%02X)", code), "not in the catalogue", false);
  }

  /** Every catalogued unit, by code. */
  public static Collection<Unit> all() {
    return BY_CODE.values();
  }

  /**
   * The code for a symbol such as {@code GJ} or {@code m3/h} ({@code 3} may stand for {@code ³}),
   * or for a decimal code.
   *
   * @throws IllegalArgumentException when neither matches
   */
  public static int codeOf(String symbolOrCode) {
    String wanted = symbolOrCode.trim();
    if (wanted.matches("\\d{1,3}")) {
      int code = Integer.parseInt(wanted);
      if (code <= 255) {
        return code;
      }
    }
    String normalised = normalise(wanted);
    for (Unit unit : BY_CODE.values()) {
      if (unit.symbol().equals(wanted) || normalise(unit.symbol()).equals(normalised)) {
        return unit.code();
      }
    }
    throw new IllegalArgumentException(
        "unknown unit '"
            + symbolOrCode
            + "': give a unit symbol such as GJ, kWh, m3, °C or a code");
  }

  private static String normalise(String symbol) {
    return symbol.replace('³', '3').replace("°", "").replace('×', 'x');
  }
}
