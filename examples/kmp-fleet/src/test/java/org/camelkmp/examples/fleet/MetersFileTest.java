package org.camelkmp.examples.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.camelkmp.examples.support.ExampleStartupException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The meters file: what it accepts, and the line every refusal names. */
class MetersFileTest {
  @TempDir Path dir;

  private List<MeterEntry> read(String... lines) throws Exception {
    Path file = dir.resolve("fleet.meters");
    Files.writeString(file, String.join("\n", lines) + "\n");
    return MetersFile.read(file);
  }

  @Test
  void readsTheMetersWithTheirRegistersAndDelays() throws Exception {
    List<MeterEntry> meters =
        read(
            "# the north gateway",
            "id, uri, registers, delay",
            "m1,kmp:socket://10.0.0.5:2002,E1 V1 T1 T2,15m",
            "",
            "m2,kmp:/dev/ttyUSB0,60,30s");

    assertThat(meters)
        .extracting(MeterEntry::id, MeterEntry::registers, MeterEntry::delayMillis)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("m1", "60,68,86,87", 900_000L),
            org.assertj.core.groups.Tuple.tuple("m2", "60", 30_000L));
    assertThat(meters.get(0).consumerUri())
        .isEqualTo(
            "kmp:socket://10.0.0.5:2002?registers=60,68,86,87&delay=900000"
                + "&readSerialNumber=true&pollStrategy=#fleetLease");
  }

  @Test
  void refusesAMissingHeader() {
    assertThatThrownBy(() -> read("m1,kmp:/dev/ttyUSB0,E1,15m"))
        .isInstanceOf(ExampleStartupException.class)
        .hasMessageContaining("line 1: the first line must be the header");
  }

  @Test
  void refusesAWrongNumberOfFields() {
    assertThatThrownBy(() -> read(MetersFile.HEADER, "m1,kmp:/dev/ttyUSB0,E1"))
        .hasMessageContaining("line 2: expected 4 fields");
  }

  @Test
  void refusesURIsThatSetTheFieldsThemselves() {
    assertThatThrownBy(() -> read(MetersFile.HEADER, "m1,kmp:/dev/ttyUSB0?delay=5,E1,15m"))
        .hasMessageContaining("line 2: uri 'kmp:/dev/ttyUSB0?delay=5': give registers and delay");
  }

  @Test
  void refusesAFileWithoutMeters() {
    assertThatThrownBy(() -> read(MetersFile.HEADER)).hasMessageContaining("lists no meters");
  }
}
