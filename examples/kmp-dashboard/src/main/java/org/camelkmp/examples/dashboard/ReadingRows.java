package org.camelkmp.examples.dashboard;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camelkmp.component.kmp.KmpReading;
import org.camelkmp.component.kmp.KmpRegisterReading;

/**
 * Turns one reading of the {@code kmp:} consumer into the rows of {@code kmp_reading}, one per
 * register, with the named parameters of {@code sql/insert-reading.sql}.
 */
public final class ReadingRows {
  private ReadingRows() {}

  /** One row per register value of {@code reading}, for {@code sql:…?batch=true}. */
  public static List<Map<String, Object>> rows(KmpReading reading) {
    OffsetDateTime readAt = reading.readTimestamp().atOffset(ZoneOffset.UTC);
    // a register the meter reported without a value has no row: its value column is NOT NULL
    return reading.getRegisters().stream()
        .filter(r -> r.value() != null)
        .map(r -> row(reading, readAt, r))
        .toList();
  }

  /**
   * The console line for a reading: {@code meter 72345678: E1 1234.567 GJ | V1 12345.67 m³ | …},
   * values exactly as the meter sent them.
   */
  public static String consoleLine(KmpReading reading) {
    String values =
        reading.getRegisters().stream()
            .map(
                r ->
                    r.name()
                        + " "
                        + (r.text() != null
                            ? r.text()
                            : r.value() != null
                                ? r.value().toPlainString() + " " + r.unit()
                                : "no value"))
            .collect(Collectors.joining(" | "));
    String meter =
        reading.getMeterSerial() != null
            ? "meter " + reading.getMeterSerial()
            : String.format("meter 0x%02X", reading.getMeterAddress());
    return meter
        + ": "
        + values
        + (reading.getMissing().isEmpty()
            ? ""
            : " (not on this meter: " + reading.getMissing() + ")");
  }

  private static Map<String, Object> row(
      KmpReading reading, OffsetDateTime readAt, KmpRegisterReading register) {
    BigDecimal value = register.value();
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("meterSerial", reading.getMeterSerial());
    row.put("meterAddress", reading.getMeterAddress());
    row.put("readAt", readAt);
    row.put("registerId", register.id());
    row.put("registerName", register.name());
    row.put("unit", register.unit());
    row.put("value", value);
    row.put("scale", value.scale());
    row.put("text", register.text());
    return row;
  }
}
