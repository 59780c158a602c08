package org.camelkmp.kmp.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HexFormat;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.camelkmp.kmp.error.KmpMessageException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SiExTest {
  private static final HexFormat HEX = HexFormat.of();

  @ParameterizedTest(name = "SiEx {0} mantissa {1} -> {2}")
  @CsvSource({
    "C2, 00003039, -123.45",
    "03, 05397FB1, 87654321000",
    "03, FF, 255000",
    "43, 000000FB, 0.251",
    "42, 18C8, 63.44",
    "11, 012AF024, 1.9591204E+24",
    "00, 00, 0",
    "80, 01, -1",
    "7F, 01, 1E-63",
    "3F, FFFFFFFFFFFFFFFF, 18446744073709551615E+63"
  })
  void decodesExactly(String siex, String mantissa, String expected) {
    BigDecimal value = SiEx.decode(Integer.parseInt(siex, 16), HEX.parseHex(mantissa));
    assertThat(value).isEqualByComparingTo(new BigDecimal(expected));
  }

  @ParameterizedTest
  @CsvSource({
    "0.251, 43, fb",
    "255000, 03, ff",
    "-123.45, c2, 3039",
    "63.44, 42, 18c8",
    "0, 00, 00"
  })
  void encodesWithTheShortestExactMantissa(String value, String siex, String mantissa) {
    SiEx.Encoded encoded = SiEx.encode(new BigDecimal(value));
    assertThat(encoded.siex()).isEqualTo(Integer.parseInt(siex, 16));
    assertThat(HEX.formatHex(encoded.mantissa())).isEqualTo(mantissa);
  }

  @ParameterizedTest
  @CsvSource({"0.251, 4, 43, 000000fb", "87654321000, 4, 03, 05397fb1", "-123.45, 4, c2, 00003039"})
  void encodesToAForcedLength(String value, int nob, String siex, String mantissa) {
    SiEx.Encoded encoded = SiEx.encode(new BigDecimal(value), nob);
    assertThat(encoded.siex()).isEqualTo(Integer.parseInt(siex, 16));
    assertThat(HEX.formatHex(encoded.mantissa())).isEqualTo(mantissa);
  }

  @ParameterizedTest
  @CsvSource({"1.00, 4, 42, 00000064", "21.50, 4, 42, 00000866"})
  void keepsTheScaleWhenAsked(String value, int nob, String siex, String mantissa) {
    SiEx.Encoded encoded = SiEx.encodeKeepingScale(new BigDecimal(value), nob);
    assertThat(encoded.siex()).isEqualTo(Integer.parseInt(siex, 16));
    assertThat(HEX.formatHex(encoded.mantissa())).isEqualTo(mantissa);
    assertThat(SiEx.decode(encoded.siex(), encoded.mantissa()).toPlainString()).isEqualTo(value);
  }

  @ParameterizedTest
  @CsvSource({"1E-64", "0.1234567890123456789012345678901234567890123456789012345678901234567"})
  void refusesValuesThatNeedTooManyDecimals(String value) {
    assertThatThrownBy(() -> SiEx.encode(new BigDecimal(value)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("63 decimal places");
  }

  @ParameterizedTest
  @CsvSource({"18446744073709551617", "1E+90"})
  void refusesValuesThatNeedMoreThanEightBytes(String value) {
    assertThatThrownBy(() -> SiEx.encode(new BigDecimal(value)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("more than 8 value bytes");
  }

  @ParameterizedTest
  @CsvSource({"65536, 2", "-256, 1"})
  void refusesAForcedLengthThatIsTooShort(String value, int nob) {
    assertThatThrownBy(() -> SiEx.encode(new BigDecimal(value), nob))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("more than the " + nob);
  }

  @ParameterizedTest
  @CsvSource({"0", "9"})
  void refusesLengthsOutsideOneToEight(int nob) {
    assertThatThrownBy(() -> SiEx.decode(0, new byte[nob]))
        .isInstanceOf(KmpMessageException.class)
        .hasMessageContaining("out of range 1..8");
  }

  @Property
  void decodeThenEncodeKeepsTheValue(
      @ForAll @IntRange(max = 255) int siex, @ForAll @Size(min = 1, max = 8) byte[] mantissa) {
    BigDecimal value = SiEx.decode(siex, mantissa);
    SiEx.Encoded encoded = SiEx.encode(value);
    assertThat(SiEx.decode(encoded.siex(), encoded.mantissa())).isEqualByComparingTo(value);
    assertThat(encoded.nob()).isLessThanOrEqualTo(mantissa.length);
  }

  @Property
  void encodeThenDecodeIsIdentity(@ForAll("representable") BigDecimal value) {
    SiEx.Encoded encoded = SiEx.encode(value);
    assertThat(SiEx.decode(encoded.siex(), encoded.mantissa())).isEqualByComparingTo(value);
    SiEx.Encoded forced = SiEx.encode(value, 8);
    assertThat(SiEx.decode(forced.siex(), forced.mantissa())).isEqualByComparingTo(value);
  }

  @Provide
  Arbitrary<BigDecimal> representable() {
    Arbitrary<BigInteger> mantissa =
        Arbitraries.bigIntegers()
            .between(BigInteger.ZERO, BigInteger.TWO.pow(64).subtract(BigInteger.ONE));
    return Combinators.combine(
            mantissa, Arbitraries.integers().between(-63, 63), Arbitraries.of(1, -1))
        .as((m, scale, sign) -> new BigDecimal(sign > 0 ? m : m.negate(), scale));
  }
}
