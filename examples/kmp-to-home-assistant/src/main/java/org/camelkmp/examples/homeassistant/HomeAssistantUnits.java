package org.camelkmp.examples.homeassistant;

import java.util.Map;
import java.util.TreeMap;
import org.camelkmp.kmp.value.Unit;
import org.camelkmp.kmp.value.Units;

/**
 * The one table from KMP unit codes to Home Assistant sensor classes and units.
 *
 * <p>The rules it follows: a unit Home Assistant accepts for the device class is kept as the meter
 * sends it (GJ, Gcal, MWh stay what they are; the Energy dashboard converts). A unit it does not
 * accept is converted by a power of ten where that is exact (l/h to m³/h, ton to kg, kW-multiples
 * of var and VA to var and VA, the ×10 units to their base); where no class fits (VAh, m³×°C, the
 * temperature difference in K, which the temperature class would read as absolute kelvin) the
 * sensor gets no device class but keeps its unit and, for counters, {@code total_increasing}, so it
 * still has statistics but is not offered for the Energy dashboard. Dates become {@code date}
 * sensors; clock times, text and values whose encoding is not public are shown without a class.
 */
public final class HomeAssistantUnits {
  private static final String MEASUREMENT = "measurement";
  private static final String TOTAL_INCREASING = "total_increasing";
  private static final Map<Integer, EntityClass> TABLE = new TreeMap<>();

  static {
    energy(1, "Wh");
    energy(2, "kWh");
    energy(3, "MWh");
    energy(4, "GWh");
    energy(5, "J");
    energy(6, "kJ");
    energy(7, "MJ");
    energy(8, "GJ");
    energy(9, "cal");
    energy(10, "kcal");
    energy(11, "Mcal");
    energy(12, "Gcal");
    counter(13, "varh");
    counter(14, "kvarh");
    counter(15, "Mvarh");
    counter(16, "Gvarh");
    counter(17, "VAh");
    counter(18, "kVAh");
    counter(19, "MVAh");
    counter(20, "GVAh");
    put(21, EntityClass.number("power", MEASUREMENT, "W"));
    put(22, EntityClass.number("power", MEASUREMENT, "kW"));
    put(23, EntityClass.number("power", MEASUREMENT, "MW"));
    put(24, EntityClass.number("power", MEASUREMENT, "GW"));
    put(25, EntityClass.number("reactive_power", MEASUREMENT, "var"));
    put(26, EntityClass.scaled("reactive_power", MEASUREMENT, "var", 3));
    put(27, EntityClass.scaled("reactive_power", MEASUREMENT, "var", 6));
    put(28, EntityClass.scaled("reactive_power", MEASUREMENT, "var", 9));
    put(29, EntityClass.number("apparent_power", MEASUREMENT, "VA"));
    put(30, EntityClass.scaled("apparent_power", MEASUREMENT, "VA", 3));
    put(31, EntityClass.scaled("apparent_power", MEASUREMENT, "VA", 6));
    put(32, EntityClass.scaled("apparent_power", MEASUREMENT, "VA", 9));
    put(33, EntityClass.number("voltage", MEASUREMENT, "V"));
    put(34, EntityClass.number("current", MEASUREMENT, "A"));
    put(35, EntityClass.scaled("voltage", MEASUREMENT, "V", 3));
    put(36, EntityClass.scaled("current", MEASUREMENT, "A", 3));
    put(37, EntityClass.number("temperature", MEASUREMENT, "°C"));
    put(38, EntityClass.number(null, MEASUREMENT, "K"));
    put(39, EntityClass.number("water", TOTAL_INCREASING, "L"));
    put(40, EntityClass.number("water", TOTAL_INCREASING, "m³"));
    put(41, EntityClass.scaled("volume_flow_rate", MEASUREMENT, "m³/h", -3));
    put(42, EntityClass.number("volume_flow_rate", MEASUREMENT, "m³/h"));
    counter(43, "m³·°C");
    put(44, EntityClass.scaled("weight", TOTAL_INCREASING, "kg", 3));
    put(45, EntityClass.number(null, MEASUREMENT, "t/h"));
    put(46, EntityClass.number("duration", TOTAL_INCREASING, "h"));
    put(47, EntityClass.text(null));
    put(48, EntityClass.text("date"));
    put(49, EntityClass.text("date"));
    put(50, EntityClass.text(null));
    put(51, EntityClass.number(null, null, null));
    put(52, EntityClass.number("pressure", MEASUREMENT, "bar"));
    put(53, EntityClass.number(null, null, null));
    put(54, EntityClass.text(null));
    put(55, EntityClass.scaled("water", TOTAL_INCREASING, "m³", 1));
    put(56, EntityClass.scaled("weight", TOTAL_INCREASING, "kg", 4));
    put(57, EntityClass.scaled("energy", TOTAL_INCREASING, "GJ", 1));
    put(58, EntityClass.number("duration", MEASUREMENT, "min"));
    put(59, EntityClass.number(null, null, null));
    put(60, EntityClass.number("duration", MEASUREMENT, "s"));
    put(61, EntityClass.number("duration", MEASUREMENT, "ms"));
    put(62, EntityClass.number("duration", MEASUREMENT, "d"));
    put(63, EntityClass.number(null, null, null));
    put(64, EntityClass.number(null, null, null));
    put(65, EntityClass.number(null, null, "imp/L"));
    put(66, EntityClass.number(null, null, "L/imp"));
    put(67, EntityClass.number("frequency", MEASUREMENT, "Hz"));
    put(68, EntityClass.number(null, MEASUREMENT, "°"));
    put(69, EntityClass.number(null, MEASUREMENT, "%"));
    put(70, EntityClass.number("water", TOTAL_INCREASING, "gal"));
    put(71, EntityClass.number("volume_flow_rate", MEASUREMENT, "gal/min"));
    put(72, EntityClass.number(null, null, null));
    put(73, EntityClass.number(null, null, null));
    put(74, EntityClass.number(null, null, null));
    put(79, EntityClass.text(null));
    put(85, EntityClass.number("humidity", MEASUREMENT, "%"));
    put(86, EntityClass.number(null, MEASUREMENT, "%O₂"));
    put(87, EntityClass.number("speed", MEASUREMENT, "m/s"));
    put(88, EntityClass.number(null, MEASUREMENT, "kJ/kg"));
    put(89, EntityClass.number("ph", MEASUREMENT, null));
    put(90, EntityClass.number(null, MEASUREMENT, "g/kg"));
  }

  private HomeAssistantUnits() {}

  private static void energy(int code, String unit) {
    put(code, EntityClass.number("energy", TOTAL_INCREASING, unit));
  }

  private static void counter(int code, String unit) {
    put(code, EntityClass.number(null, TOTAL_INCREASING, unit));
  }

  private static void put(int code, EntityClass entityClass) {
    TABLE.put(code, entityClass);
  }

  /**
   * The class for values in unit {@code code}. A code outside the catalogue (or "no unit") gives a
   * plain number without class, unit or statistics: a new register still shows, unlabelled.
   */
  public static EntityClass of(int code) {
    EntityClass known = TABLE.get(code);
    if (known != null) {
      return known;
    }
    Unit unit = Units.of(code);
    return EntityClass.number(null, null, unit.known() && code != 0 ? unit.symbol() : null);
  }

  /** The unit codes the table names, in order: for the documentation and its test. */
  public static Map<Integer, EntityClass> table() {
    return java.util.Collections.unmodifiableMap(TABLE);
  }
}
