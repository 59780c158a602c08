package org.camelkmp.examples.homeassistant;

import java.util.Map;

/**
 * One meter as a Home Assistant device: its serial number (the identity of the device and of every
 * entity's unique id) and what GetType told about it.
 *
 * @param serial the meter's serial number
 * @param meterType the meter type GetType answered, or null when the meter did not answer it
 * @param softwareRevision the software revision as the label shows it ("F1"), or null
 */
public record MeterDevice(long serial, Integer meterType, String softwareRevision) {
  /** Meter types Kamstrup's MULTICAL 601 document names; others are shown by their number. */
  private static final Map<Integer, String> MODELS =
      Map.of(
          0x0001, "MULTICAL 601 (Pt500)",
          0x0004, "MULTICAL 601 (Pt100)",
          0x0005, "MULTICAL 601 (Pt500, 4-wire)");

  /** The model as Home Assistant's device page shows it. */
  public String model() {
    if (meterType == null) {
      return "KMP meter";
    }
    String known = MODELS.get(meterType);
    return known != null ? known : String.format("KMP meter type 0x%04X", meterType);
  }

  /** The device's name, which Home Assistant puts before each entity's name. */
  public String name() {
    return "Kamstrup " + serial;
  }

  /** The device identifier, also the start of every entity's unique id. */
  public String identifier() {
    return "kamstrup_" + serial;
  }
}
