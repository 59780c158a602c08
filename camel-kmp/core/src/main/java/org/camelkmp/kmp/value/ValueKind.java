package org.camelkmp.kmp.value;

/** How the integer carried by a register is to be read, as decided by its unit code. */
public enum ValueKind {
  /** A number: {@code mantissa * 10^exponent}, exact. */
  NUMBER,
  /** Unit 0x2F: decimal digits HHMMSS. */
  CLOCK,
  /** Unit 0x30: decimal digits YYMMDD, years since 2000. */
  DATE,
  /** Unit 0x31: decimal digits YYYYMMDD. */
  LONG_DATE,
  /** Unit 0x32: decimal digits MMDD. */
  MONTH_DAY,
  /** Unit 0x4F, NoB 7: bytes offset, YY, MM, DD, hh, mm, ss. */
  DATE_TIME,
  /** Unit 0x36: the value bytes are ASCII text. */
  TEXT,
  /** Units whose encoding is not public (RTC, RTC-Q, datetime, bitfield): raw bytes only. */
  RAW;

  /** The kind for a unit code; unknown codes are numbers. */
  public static ValueKind forUnit(int unitCode) {
    return switch (unitCode) {
      case 0x2F -> CLOCK;
      case 0x30 -> DATE;
      case 0x31 -> LONG_DATE;
      case 0x32 -> MONTH_DAY;
      case 0x4F -> DATE_TIME;
      case 0x36 -> TEXT;
      case 0x35, 0x3B, 0x3F, 0x40 -> RAW;
      default -> NUMBER;
    };
  }
}
