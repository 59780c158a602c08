package org.camelkmp.examples.homeassistant;

import java.math.BigDecimal;

/**
 * How values of one KMP unit appear in Home Assistant: the sensor's device class, state class and
 * unit, and the exact power of ten that turns the meter's number into that unit (l/h is published
 * as m³/h, so {@code -3}). Null classes and units are left out of the discovery message.
 *
 * @param deviceClass Home Assistant's {@code device_class}, or null for none
 * @param stateClass {@code measurement}, {@code total_increasing}, or null for a value without
 *     long-term statistics (a setting, a date)
 * @param unit {@code unit_of_measurement}, or null for a number without unit
 * @param powerOfTen the value in {@code unit} is the meter's value times ten to this power
 * @param text whether the state is text (a date, a clock time) rather than a number
 */
public record EntityClass(
    String deviceClass, String stateClass, String unit, int powerOfTen, boolean text) {

  static EntityClass number(String deviceClass, String stateClass, String unit) {
    return new EntityClass(deviceClass, stateClass, unit, 0, false);
  }

  static EntityClass scaled(String deviceClass, String stateClass, String unit, int powerOfTen) {
    return new EntityClass(deviceClass, stateClass, unit, powerOfTen, false);
  }

  static EntityClass text(String deviceClass) {
    return new EntityClass(deviceClass, null, null, 0, true);
  }

  /** The meter's value in this class's unit, exactly (a power of ten never rounds). */
  public BigDecimal convert(BigDecimal meterValue) {
    BigDecimal value = meterValue.scaleByPowerOfTen(powerOfTen);
    return value.scale() < 0 ? value.setScale(0) : value;
  }

  /** Whether Home Assistant keeps long-term statistics (and the Energy dashboard can use it). */
  public boolean hasStatistics() {
    return stateClass != null;
  }
}
