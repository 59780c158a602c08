package org.camelkmp.examples.homeassistant;

import java.util.List;

/**
 * The bits of a MULTICAL's info code (register 99, INFO) that are published as Home Assistant
 * {@code binary_sensor}s with {@code device_class: problem}. Only bits whose meaning Kamstrup's
 * technical descriptions of the MULTICAL 402, 403 and 602 give alike are named; the meaning of the
 * others differs between meter families, so they are left to the raw info code, which is always
 * published as a sensor of its own.
 */
public final class InfoCode {
  /** Register id of the info code. */
  public static final int REGISTER = 99;

  /**
   * One named bit.
   *
   * @param mask the bit's value in the info code
   * @param key key in the state message and part of the entity's unique id
   * @param name what Home Assistant shows
   */
  public record Bit(int mask, String key, String name) {
    /** Whether this bit is set in {@code infoCode}. */
    public boolean isSet(long infoCode) {
      return (infoCode & mask) != 0;
    }
  }

  /** The named bits, lowest first. */
  public static final List<Bit> BITS =
      List.of(
          new Bit(1, "supply_interrupted", "Supply voltage interrupted"),
          new Bit(4, "t2_sensor_fault", "Temperature sensor T2 out of range"),
          new Bit(8, "t1_sensor_fault", "Temperature sensor T1 out of range"),
          new Bit(16, "flow_sensor_fault", "Flow sensor V1 signal weak (air in the flow sensor)"),
          new Bit(256, "leak", "Leak in the heating system"),
          new Bit(512, "burst", "Burst in the heating system"));

  private InfoCode() {}
}
