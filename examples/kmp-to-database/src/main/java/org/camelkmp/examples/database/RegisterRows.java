package org.camelkmp.examples.database;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camelkmp.component.kmp.KmpReading;
import org.camelkmp.component.kmp.KmpRegisterReading;

/**
 * A reading as the rows the {@code sql:} batch insert takes: one map per register, keys named as
 * the query's {@code :#} parameters.
 */
public final class RegisterRows {

  /**
   * One row per register of {@code reading}.
   *
   * @throws IllegalArgumentException when the reading has no meter serial (the key needs it)
   */
  public List<Map<String, Object>> rows(KmpReading reading) {
    if (reading.getMeterSerial() == null) {
      throw new IllegalArgumentException(
          "the reading has no meter serial: read with readSerialNumber=true");
    }
    // the databases keep microseconds: truncate here so the key is the same wherever it is made
    OffsetDateTime readAt =
        reading.readTimestamp().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    // a register the meter reported without a value has no row: its value column is NOT NULL
    return reading.getRegisters().stream()
        .filter(r -> r.value() != null)
        .map(r -> row(reading, readAt, r))
        .toList();
  }

  private static Map<String, Object> row(
      KmpReading reading, OffsetDateTime readAt, KmpRegisterReading register) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("meterSerial", reading.getMeterSerial());
    row.put("readAt", readAt);
    row.put("registerId", register.id());
    row.put("registerName", register.name());
    row.put("unit", register.unit());
    row.put("value", register.value());
    row.put("text", register.text());
    return row;
  }
}
