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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
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

  @ParameterizedTest(name = "{0} -> SiEx {1}, {2} bytes")
  @CsvSource({
    // one more than 8 bytes hold, and a value only exponent 63 and a 16-byte mantissa reach
    "18446744073709551617, 00, 010000000000000001",
    "1E+100, 3F, 0785ee10d5da46d900f436a000000000",
    "-1208925819614629174706175, 80, ffffffffffffffffffff"
  })
  void encodesValuesThatNeedMoreThanEightBytes(String value, String siex, String mantissa) {
    SiEx.Encoded encoded = SiEx.encode(new BigDecimal(value));

    assertThat(encoded.siex()).isEqualTo(Integer.parseInt(siex, 16));
    assertThat(HEX.formatHex(encoded.mantissa())).isEqualTo(mantissa);
    assertThat(SiEx.decode(encoded.siex(), encoded.mantissa()))
        .isEqualByComparingTo(new BigDecimal(value));
  }

  @Test
  void decodesTenValueBytesBeyondALong() {
    byte[] mantissa = HEX.parseHex("0102030405060708090a");

    assertThat(SiEx.decode(0x42, mantissa))
        .isEqualTo(new BigDecimal(new BigInteger("0102030405060708090a", 16), 2));
    assertThat(SiEx.decode(0x42, mantissa).toPlainString()).isEqualTo("47594772752225308531.30");
  }

  @Test
  void decodesTheLargestNoBTheFieldCarries() {
    byte[] mantissa = new byte[255];
    java.util.Arrays.fill(mantissa, (byte) 0xFF);

    assertThat(SiEx.decode(0x00, mantissa))
        .isEqualTo(new BigDecimal(BigInteger.TWO.pow(255 * 8).subtract(BigInteger.ONE)));
    assertThat(SiEx.MAX_NOB).isEqualTo(255);
  }

  @Test
  void anEmptyMantissaIsZero() {
    assertThat(SiEx.decode(0xC2, new byte[0])).isEqualByComparingTo("0");
  }

  @Test
  void refusesValuesThatNeedMoreThan255Bytes() {
    BigDecimal tooLong = new BigDecimal(BigInteger.TWO.pow(255 * 8));
    assertThatThrownBy(() -> SiEx.encode(tooLong))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("more than 255 value bytes");
    assertThat(SiEx.encode(tooLong.subtract(BigDecimal.ONE)).nob()).isEqualTo(255);
  }

  @Test
  @Timeout(5)
  void refusesAHugeExponentWithoutWritingItOut() {
    assertThatThrownBy(() -> SiEx.encode(new BigDecimal("1E+999999999")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1E+999999999")
        .hasMessageContaining("more than 255 value bytes");
    assertThatThrownBy(() -> SiEx.encode(new BigDecimal("1E-999999999")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1E-999999999")
        .hasMessageContaining("63 decimal places");
  }

  @ParameterizedTest
  @CsvSource({"12345678901234567890123, 12", "1, 255", "-1E+70, 10"})
  void aForcedLengthBeyondEightBytesPadsWithLeadingZeros(String value, int nob) {
    SiEx.Encoded encoded = SiEx.encode(new BigDecimal(value), nob);

    assertThat(encoded.nob()).isEqualTo(nob);
    assertThat(SiEx.decode(encoded.siex(), encoded.mantissa()))
        .isEqualByComparingTo(new BigDecimal(value));
    SiEx.Encoded kept = SiEx.encodeKeepingScale(new BigDecimal(value), nob);
    assertThat(kept.nob()).isEqualTo(nob);
    assertThat(SiEx.decode(kept.siex(), kept.mantissa()))
        .isEqualByComparingTo(new BigDecimal(value));
  }

  @ParameterizedTest
  @CsvSource({"0", "256", "-1"})
  void refusesAForcedLengthTheNobFieldCannotCarry(int nob) {
    assertThatThrownBy(() -> SiEx.encode(BigDecimal.ONE, nob))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1..255");
    assertThatThrownBy(() -> SiEx.encodeKeepingScale(BigDecimal.ONE, nob))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1..255");
  }

  @ParameterizedTest
  @CsvSource({"65536, 2", "-256, 1"})
  void refusesAForcedLengthThatIsTooShort(String value, int nob) {
    assertThatThrownBy(() -> SiEx.encode(new BigDecimal(value), nob))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("more than the " + nob);
  }

  @Test
  void refusesADecodeLengthTheNobFieldCannotCarry() {
    assertThatThrownBy(() -> SiEx.decode(0, new byte[256]))
        .isInstanceOf(KmpMessageException.class)
        .hasMessageContaining("out of range 0..255");
  }

  @Property
  void decodeThenEncodeKeepsTheValue(
      @ForAll @IntRange(max = 255) int siex, @ForAll @Size(min = 1, max = 255) byte[] mantissa) {
    BigDecimal value = SiEx.decode(siex, mantissa);
    SiEx.Encoded encoded = SiEx.encode(value);
    assertThat(SiEx.decode(encoded.siex(), encoded.mantissa())).isEqualByComparingTo(value);
    assertThat(encoded.nob()).isLessThanOrEqualTo(mantissa.length);
    SiEx.Encoded forced = SiEx.encode(value, mantissa.length);
    assertThat(forced.nob()).isEqualTo(mantissa.length);
    assertThat(SiEx.decode(forced.siex(), forced.mantissa())).isEqualByComparingTo(value);
  }

  @Property
  void encodeThenDecodeIsIdentity(@ForAll("representable") BigDecimal value) {
    SiEx.Encoded encoded = SiEx.encode(value);
    assertThat(SiEx.decode(encoded.siex(), encoded.mantissa())).isEqualByComparingTo(value);
    assertThat(encoded.mantissa()[0]).as("shortest: no leading zero byte").isNotZero();
    SiEx.Encoded forced = SiEx.encode(value, 255);
    assertThat(forced.nob()).isEqualTo(255);
    assertThat(SiEx.decode(forced.siex(), forced.mantissa())).isEqualByComparingTo(value);
  }

  /** Mantissas of any length up to 255 bytes, as BigIntegers, with any sign and exponent. */
  @Provide
  Arbitrary<BigDecimal> representable() {
    Arbitrary<BigInteger> mantissa =
        Arbitraries.integers()
            .between(1, 255)
            .flatMap(
                nob ->
                    Arbitraries.bigIntegers()
                        .between(
                            BigInteger.ONE, BigInteger.TWO.pow(8 * nob).subtract(BigInteger.ONE)));
    return Combinators.combine(
            mantissa, Arbitraries.integers().between(-63, 63), Arbitraries.of(1, -1))
        .as((m, scale, sign) -> new BigDecimal(sign > 0 ? m : m.negate(), scale));
  }
}
