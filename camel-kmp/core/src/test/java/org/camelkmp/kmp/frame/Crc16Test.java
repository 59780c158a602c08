package org.camelkmp.kmp.frame;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Crc16Test {
  @Test
  void catalogueCheckValueOfXmodem() {
    assertThat(Crc16.compute("123456789".getBytes(StandardCharsets.US_ASCII))).isEqualTo(0x31C3);
  }

  @ParameterizedTest
  @CsvSource({"3F01,058A", "3F02,35E9", "3F10010080,D408", "3F1001003C,B25F"})
  void matchesKnownFrames(String hex, String crc) {
    assertThat(Crc16.compute(HexFormat.of().parseHex(hex))).isEqualTo(Integer.parseInt(crc, 16));
  }

  @Test
  void crcOverMessageAndItsCrcIsZero() {
    assertThat(Crc16.compute(HexFormat.of().parseHex("3F01058A"))).isZero();
  }

  @Test
  void coversOnlyTheGivenRange() {
    byte[] padded = HexFormat.of().parseHex("FF3F01FF");
    assertThat(Crc16.compute(padded, 1, 2)).isEqualTo(0x058A);
  }
}
