package org.camelkmp.examples.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.camelkmp.component.kmp.KmpReading;
import org.camelkmp.component.kmp.KmpRegisterReading;
import org.junit.jupiter.api.Test;

class ReadingRowsTest {
  static final KmpReading READING =
      new KmpReading(
          0x3F,
          null,
          Instant.parse("2026-11-23T10:00:00.123Z"),
          List.of(
              new KmpRegisterReading(
                  86, "T1", "flow (inlet) temperature", 37, "°C", new BigDecimal("70.00"), null),
              new KmpRegisterReading(
                  1002,
                  "CLOCK",
                  "current time (hh:mm:ss)",
                  47,
                  "hh:mm:ss",
                  new BigDecimal("100000"),
                  "10:00:00")),
          List.of(74),
          1);

  @Test
  void theConsoleLineHasEachRegisterValueAndUnitAsSent() {
    assertThat(ReadingRows.consoleLine(READING))
        .isEqualTo("meter 0x3F: T1 70.00 °C | CLOCK 10:00:00 (not on this meter: [74])");
  }

  @Test
  void oneRowPerRegisterWithTheExactValueAndItsScale() {
    List<Map<String, Object>> rows = ReadingRows.rows(READING);

    assertThat(rows).hasSize(2);
    Map<String, Object> t1 = rows.get(0);
    assertThat(t1)
        .containsEntry("meterSerial", null)
        .containsEntry("meterAddress", 0x3F)
        .containsEntry("readAt", OffsetDateTime.parse("2026-11-23T10:00:00.123Z"))
        .containsEntry("registerId", 86)
        .containsEntry("registerName", "T1")
        .containsEntry("unit", "°C")
        .containsEntry("value", new BigDecimal("70.00"))
        .containsEntry("scale", 2)
        .containsEntry("text", null);
    assertThat(rows.get(1)).containsEntry("text", "10:00:00").containsEntry("scale", 0);
  }
}
