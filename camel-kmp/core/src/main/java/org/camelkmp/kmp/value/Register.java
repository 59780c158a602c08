package org.camelkmp.kmp.value;

/**
 * A register as the catalogue knows it.
 *
 * @param id register id 0..65535
 * @param name short name such as {@code E1}; for an uncatalogued id {@code R<id>}
 * @param description what the register holds
 * @param family meter family: {@code heat} (heat, cooling and water meters) or {@code electricity}
 * @param confidence how sure the catalogue is
 */
public record Register(
    int id, String name, String description, String family, Confidence confidence) {

  /** A register that is not in the catalogue; it can still be read. */
  public static Register unknown(int id) {
    return new Register(id, "R" + id, "not in the catalogue", "", Confidence.UNKNOWN);
  }

  /** Whether the catalogue knows this register. */
  public boolean known() {
    return confidence != Confidence.UNKNOWN;
  }
}
