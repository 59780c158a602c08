package org.camelkmp.examples.homeassistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Set;
import org.camelkmp.kmp.value.Unit;
import org.camelkmp.kmp.value.Units;
import org.camelkmp.kmp.value.ValueKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HomeAssistantUnitsTest {
  @Test
  void everyUnitOfTheCatalogueHasAnEntryOfTheTable() {
    for (Unit unit : Units.all()) {
      if (unit.code() != 0) {
        assertThat(HomeAssistantUnits.table()).as(unit.toString()).containsKey(unit.code());
      }
    }
  }

  @Test
  void everyEntryIsAClassHomeAssistantAcceptsWithAUnitAndStateClassAllowedForIt() {
    for (Unit unit : Units.all()) {
      EntityClass c = HomeAssistantUnits.of(unit.code());
      String what = unit + " -> " + c;
      if (c.deviceClass() == null) {
        assertThat(c.stateClass()).as(what).isIn(null, "measurement", "total_increasing");
        continue;
      }
      if (HomeAssistantSchema.UNITLESS.contains(c.deviceClass())) {
        assertThat(c.unit()).as(what).isNull();
      } else {
        assertThat(HomeAssistantSchema.UNITS).as(what).containsKey(c.deviceClass());
        assertThat(c.unit()).as(what).isIn(HomeAssistantSchema.UNITS.get(c.deviceClass()));
      }
      Set<String> allowed =
          HomeAssistantSchema.STATE_CLASSES.getOrDefault(
              c.deviceClass(), HomeAssistantSchema.MEASUREMENT_ONLY);
      if (allowed.isEmpty()) {
        assertThat(c.stateClass()).as(what).isNull();
      } else {
        assertThat(c.stateClass()).as(what).isIn(allowed);
      }
    }
  }

  @Test
  void textUnitsAreTextSensorsWithoutStatisticsAndNumbersAreNumbers() {
    for (Unit unit : Units.all()) {
      EntityClass c = HomeAssistantUnits.of(unit.code());
      ValueKind kind = ValueKind.forUnit(unit.code());
      boolean text = kind != ValueKind.NUMBER && kind != ValueKind.RAW;
      assertThat(c.text()).as(unit.toString()).isEqualTo(text);
      if (text) {
        assertThat(c.stateClass()).as(unit.toString()).isNull();
        assertThat(c.unit()).as(unit.toString()).isNull();
      }
    }
  }

  @ParameterizedTest(name = "unit {0} ({1}): {2} -> {3} {4}")
  @CsvSource({
    "8, GJ, 1234.567, 1234.567, GJ",
    "2, kWh, 0.001, 0.001, kWh",
    "12, Gcal, 17.25, 17.25, Gcal",
    "9, Cal, 42, 42, cal",
    "40, m³, 12345.67, 12345.67, m³",
    "39, l, 2.5, 2.5, L",
    "41, l/h, 125, 0.125, m³/h",
    "41, l/h, 0.1, 0.0001, m³/h",
    "44, ton, 1.5, 1500, kg",
    "56, ton×10, 1.5, 15000, kg",
    "55, m³×10, 1234.5, 12345, m³",
    "57, GJ×10, 0.001, 0.01, GJ",
    "26, kvar, 1.5, 1500, var",
    "36, kA, 0.25, 250, A",
  })
  void valuesAreConvertedExactlyByAPowerOfTen(
      int code, String meterUnit, String value, String expected, String unit) {
    EntityClass c = HomeAssistantUnits.of(code);

    assertThat(Units.of(code).symbol()).isEqualTo(meterUnit);
    assertThat(c.unit()).isEqualTo(unit);
    assertThat(c.convert(new BigDecimal(value))).isEqualByComparingTo(expected);
    assertThat(c.convert(new BigDecimal(value)).toPlainString()).doesNotContain("E");
  }

  @Test
  void heatEnergyAndVolumeAreOfferedToTheEnergyDashboard() {
    for (int code : new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 57}) {
      assertThat(HomeAssistantUnits.of(code).deviceClass()).as("unit " + code).isEqualTo("energy");
      assertThat(HomeAssistantUnits.of(code).stateClass()).isEqualTo("total_increasing");
    }
    for (int code : new int[] {39, 40, 55, 70}) {
      assertThat(HomeAssistantUnits.of(code).deviceClass()).as("unit " + code).isEqualTo("water");
      assertThat(HomeAssistantUnits.of(code).stateClass()).isEqualTo("total_increasing");
    }
  }

  @Test
  void aTemperatureDifferenceInKelvinIsNotATemperature() {
    EntityClass difference = HomeAssistantUnits.of(38);

    assertThat(difference.deviceClass()).isNull();
    assertThat(difference.unit()).isEqualTo("K");
    assertThat(difference.stateClass()).isEqualTo("measurement");
  }

  @Test
  void aUnitCodeOutsideTheCatalogueIsAPlainNumber() {
    EntityClass unknown = HomeAssistantUnits.of(200);

    assertThat(unknown.deviceClass()).isNull();
    assertThat(unknown.stateClass()).isNull();
    assertThat(unknown.text()).isFalse();
  }
}
