package org.camelkmp.kmp.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class RegisterValueTest {
  private static final HexFormat HEX = HexFormat.of();

  private static RegisterValue value(int unit, int siex, String bytes) {
    return new RegisterValue(1, unit, siex, HEX.parseHex(bytes));
  }

  @Test
  void clockDigitsBecomeALocalTime() {
    RegisterValue clock = value(0x2F, 0, "00030E33");
    assertThat(clock.time()).contains(LocalTime.of(20, 2, 43));
    assertThat(clock.typedValue()).isEqualTo(LocalTime.of(20, 2, 43));
    assertThat(value(0x2F, 0, "00019258").time()).contains(LocalTime.of(10, 30));
    assertThat(value(0x2F, 0, "00019258").displayValue()).isEqualTo("10:30:00");
    assertThat(value(0x4F, 0, "00180C1F000000").displayValue()).isEqualTo("2024-12-31T00:00:00");
  }

  @Test
  void shortDateDigitsAreYearsSince2000() {
    assertThat(value(0x30, 0, "0000ED98").date()).contains(LocalDate.of(2006, 8, 24));
  }

  @Test
  void longDateAndMonthDay() {
    assertThat(RegisterValue.ofNumber(1, new BigDecimal(20240229), 0x31).date())
        .contains(LocalDate.of(2024, 2, 29));
    assertThat(RegisterValue.ofNumber(1, new BigDecimal(824), 0x32).monthDay())
        .contains(MonthDay.of(8, 24));
  }

  @Test
  void sevenByteDateTimeWithOffset() {
    RegisterValue dateTime = value(0x4F, 0, "00180C1F000004");
    assertThat(dateTime.dateTime()).contains(LocalDateTime.of(2024, 12, 31, 0, 0, 4));
    assertThat(dateTime.dateTimeOffset()).contains(0);
    assertThat(RegisterValue.ofDateTime(348, LocalDateTime.of(2024, 12, 31, 0, 0, 4), 0))
        .isEqualTo(new RegisterValue(348, 0x4F, 0, HEX.parseHex("00180C1F000004")));
  }

  @Test
  void asciiUnitIsText() {
    RegisterValue text = RegisterValue.ofText(640, "MC403");
    assertThat(text.text()).contains("MC403");
    assertThat(text.displayValue()).isEqualTo("MC403");
    assertThat(value(0x36, 0, "41420000").text()).contains("AB");
  }

  @Test
  void invalidDigitsGiveNoTypedViewButKeepTheNumber() {
    RegisterValue zeroDate = value(0x30, 0, "00000000");
    assertThat(zeroDate.date()).isEmpty();
    assertThat(zeroDate.typedValue()).isEqualTo(BigDecimal.ZERO);
    assertThat(value(0x2F, 0, "0003D08F").time()).isEmpty();
  }

  @Test
  void unitsWithUnknownEncodingKeepRawBytes() {
    RegisterValue rtc = value(0x35, 0, "01020304");
    assertThat(rtc.kind()).isEqualTo(ValueKind.RAW);
    assertThat(rtc.mantissa()).isEqualTo(0x01020304);
    assertThat(rtc.displayValue()).contains("raw 01020304");
  }

  @Test
  void typedViewsOfOtherUnitsAreEmpty() {
    RegisterValue energy = value(0x08, 0x43, "000000FB");
    assertThat(energy.time()).isEmpty();
    assertThat(energy.date()).isEmpty();
    assertThat(energy.text()).isEmpty();
    assertThat(energy.dateTime()).isEmpty();
    assertThat(energy.typedValue()).isEqualTo(new BigDecimal("0.251"));
    assertThat(energy.unit().symbol()).isEqualTo("GJ");
  }

  @Test
  void factoriesEncodeTypedValues() {
    assertThat(RegisterValue.ofTime(1002, LocalTime.of(20, 2, 43)).time())
        .contains(LocalTime.of(20, 2, 43));
    assertThat(RegisterValue.ofDate(1003, LocalDate.of(2026, 11, 23)).date())
        .contains(LocalDate.of(2026, 11, 23));
    assertThat(RegisterValue.ofNumber(86, new BigDecimal("21.50"), 37, 4).displayValue())
        .isEqualTo("21.50");
  }

  @Test
  void bytesAreCopiedInAndOut() {
    byte[] raw = {1};
    RegisterValue v = new RegisterValue(1, 0, 0, raw);
    raw[0] = 9;
    v.bytes()[0] = 9;
    assertThat(v.decimal()).isEqualByComparingTo("1");
  }

  @Test
  void rejectsOutOfRangeFields() {
    assertThatThrownBy(() -> new RegisterValue(70000, 0, 0, new byte[1]))
        .hasMessageContaining("out of range 0..65535");
    assertThatThrownBy(() -> new RegisterValue(1, 0, 0, new byte[256]))
        .hasMessageContaining("0..255");
  }

  @Test
  void aValueOfTenBytesIsKeptAndReadExactly() {
    RegisterValue v = value(0x01, 0x00, "ffffffffffffffffffff");

    assertThat(v.nob()).isEqualTo(10);
    assertThat(v.hasValue()).isTrue();
    assertThat(v.mantissa()).isEqualTo(BigInteger.TWO.pow(80).subtract(BigInteger.ONE));
    assertThat(v.decimal()).isEqualTo(new BigDecimal("1208925819614629174706175"));
    assertThat(v.displayValue()).isEqualTo("1208925819614629174706175");
    assertThat(v.toString()).contains("nob=10");
  }

  @Test
  void aNumberTooLargeForEightBytesGetsAsManyAsItNeeds() {
    BigDecimal big = new BigDecimal("-123456789012345678901234567.89");

    RegisterValue shortest = RegisterValue.ofNumber(13, big, 0x01);
    RegisterValue atLeastFour = RegisterValue.ofNumber(13, big, 0x01, 4);
    RegisterValue forced = RegisterValue.ofNumber(13, big, 0x01, 16);

    assertThat(shortest.nob()).isEqualTo(12);
    assertThat(shortest.decimal()).isEqualTo(big);
    assertThat(atLeastFour.nob()).isEqualTo(12);
    assertThat(atLeastFour.decimal()).isEqualTo(big);
    assertThat(forced.nob()).isEqualTo(16);
    assertThat(forced.decimal()).isEqualTo(big);
  }

  @Test
  void noValueBytesIsARegisterReportedWithoutValue() {
    RegisterValue none = new RegisterValue(1002, 0x2F, 0x00, new byte[0]);

    assertThat(none.nob()).isZero();
    assertThat(none.hasValue()).isFalse();
    assertThat(none.time()).as("no digits, not midnight").isEmpty();
    assertThat(none.text()).isEmpty();
    assertThat(none.decimal()).isEqualByComparingTo("0");
    assertThat(none.mantissa()).isZero();
    assertThat(none.displayValue()).isEqualTo("no value");
    assertThat(none.toString()).contains("no value").contains("nob=0");
    assertThat(new RegisterValue(1, 0x36, 0, new byte[0]).text()).isEmpty();
    assertThat(new RegisterValue(1, 0x3B, 0, new byte[0]).displayValue()).isEqualTo("no value");
  }

  @Test
  void textOfMoreThanEightCharacters() {
    RegisterValue v = RegisterValue.ofText(1, "MULTICAL 403 electricity");

    assertThat(v.nob()).isEqualTo(24);
    assertThat(v.text()).contains("MULTICAL 403 electricity");
  }
}
