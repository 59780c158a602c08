package org.camelkmp.examples.homeassistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.camelkmp.component.kmp.KmpReading;
import org.camelkmp.component.kmp.KmpRegisterReading;
import org.junit.jupiter.api.Test;

class StateMessageTest {
  private static KmpRegisterReading register(
      int id, String name, int unit, String value, String text) {
    return new KmpRegisterReading(
        id, name, name, unit, "u", value == null ? null : new BigDecimal(value), text);
  }

  private static String state(KmpRegisterReading... registers) {
    KmpReading reading =
        new KmpReading(
            0x3F,
            72345678L,
            Instant.parse("2026-12-04T10:00:00Z"),
            List.of(registers),
            List.of(),
            1);
    return new String(StateMessage.of(reading), StandardCharsets.UTF_8);
  }

  @Test
  void valuesAreTheMetersExactDecimalsInHomeAssistantsUnits() {
    String state =
        state(
            register(60, "E1", 8, "1234.567", null),
            register(74, "FLOW1", 41, "125", null),
            register(68, "V1", 40, "0.10", null),
            register(80, "POWER1", 22, "1E+3", null));

    assertThat(state)
        .isEqualTo(
            "{\"serial\":72345678,\"read_at\":\"2026-12-04T10:00:00Z\",\"E1\":1234.567,"
                + "\"FLOW1\":0.125,\"V1\":0.10,\"POWER1\":1000}");
  }

  @Test
  void datesAreTextAndARegisterWithoutValueIsNull() {
    assertThat(
            state(
                register(1003, "DATE", 48, "261204", "2026-12-04"),
                register(88, "T3", 37, null, null)))
        .endsWith("\"DATE\":\"2026-12-04\",\"T3\":null}");
  }

  @Test
  void theInfoCodeGivesOneProblemStatePerNamedBit() {
    String state = state(register(99, "INFO", 0, "257", null));

    assertThat(state)
        .contains("\"INFO\":257")
        .contains("\"supply_interrupted\":\"ON\"", "\"leak\":\"ON\"")
        .contains("\"burst\":\"OFF\"", "\"t1_sensor_fault\":\"OFF\"");
  }
}
