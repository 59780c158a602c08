package org.camelkmp.kmp.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CatalogueTest {
  @Test
  void holdsEveryUnitOfTheTable() {
    assertThat(Units.all()).hasSize(82);
    assertThat(Units.of(8).symbol()).isEqualTo("GJ");
    assertThat(Units.of(0x15).symbol()).isEqualTo("W");
    assertThat(Units.of(0x19).symbol()).isEqualTo("var");
    assertThat(Units.of(42).symbol()).isEqualTo("m³/h");
  }

  @Test
  void unknownUnitKeepsItsCode() {
    Unit unit = Units.of(0xC8);
    assertThat(unit.known()).isFalse();
    assertThat(unit.code()).isEqualTo(0xC8);
    assertThat(unit.symbol()).isEqualTo("unknown(0xC8)");
  }

  @ParameterizedTest
  @CsvSource({"GJ, 8", "m3, 40", "m³/h, 42", "°C, 37", "C, 37", "46, 46"})
  void unitCodeBySymbol(String symbol, int code) {
    assertThat(Units.codeOf(symbol)).isEqualTo(code);
  }

  @Test
  void unknownUnitSymbolIsRefused() {
    assertThatThrownBy(() -> Units.codeOf("furlong"))
        .hasMessageContaining("unknown unit 'furlong'");
  }

  @Test
  void holdsEveryRegisterOfTheTable() {
    assertThat(Registers.all()).hasSize(160);
    Register e1 = Registers.byId(60);
    assertThat(e1.name()).isEqualTo("E1");
    assertThat(e1.description()).isEqualTo("heat energy");
    assertThat(e1.family()).isEqualTo("heat");
    assertThat(e1.confidence()).isEqualTo(Confidence.DOCUMENTED);
    assertThat(Registers.byId(1054).family()).isEqualTo("electricity");
  }

  @ParameterizedTest
  @CsvSource({
    "E1, 60",
    "e1, 60",
    "60, 60",
    "0x3C, 60",
    "T1-T2, 89",
    "R4242, 4242",
    "4242, 4242",
    "0, 0",
    "65535, 65535"
  })
  void resolvesIdsAndNames(String token, int id) {
    assertThat(Registers.resolve(token).id()).isEqualTo(id);
  }

  @Test
  void uncataloguedIdStillResolves() {
    Register r = Registers.resolve("4242");
    assertThat(r.known()).isFalse();
    assertThat(r.name()).isEqualTo("R4242");
  }

  @ParameterizedTest
  @ValueSource(strings = {"65536", "0x10000", "99999999999999999999"})
  void refusesIdsOutOfRange(String token) {
    assertThatThrownBy(() -> Registers.resolve(token))
        .hasMessageContaining("out of range 0..65535");
  }

  @Test
  void refusesUnknownNamesWithAHint() {
    assertThatThrownBy(() -> Registers.resolve("POWER"))
        .hasMessageContaining("unknown register 'POWER'")
        .hasMessageContaining("POWER1");
    assertThatThrownBy(() -> Registers.resolve(" ")).hasMessageContaining("blank");
  }

  @Test
  void ambiguousNameAsksForTheId() {
    assertThatThrownBy(() -> Registers.resolve("METER_TYPE"))
        .hasMessageContaining("ambiguous")
        .hasMessageContaining("404 (heat)")
        .hasMessageContaining("1126 (electricity)");
  }

  @Test
  void resolvesLists() {
    assertThat(Registers.resolveAll("E1, V1 1002,0x3C"))
        .extracting(Register::id)
        .containsExactly(60, 68, 1002, 60);
    assertThatThrownBy(() -> Registers.resolveAll(" , "))
        .hasMessageContaining("no registers given");
  }
}
