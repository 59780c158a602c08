package org.camelkmp.kmp.value;

/**
 * A KMP unit: the code a meter sends with every register value and its symbol.
 *
 * @param code unit code 0..255
 * @param symbol symbol such as {@code GJ} or {@code m³/h}; for an unknown code {@code
 *     unknown(0xNN)}
 * @param note what is known about the unit's encoding or source, possibly empty
 * @param known whether the code is in the catalogue
 */
public record Unit(int code, String symbol, String note, boolean known) {

  /** How values in this unit are read. */
  public ValueKind kind() {
    return ValueKind.forUnit(code);
  }

  @Override
  public String toString() {
    return symbol;
  }
}
