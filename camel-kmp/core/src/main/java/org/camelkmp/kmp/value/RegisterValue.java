package org.camelkmp.kmp.value;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * One register as a meter sends it: id, unit code, SiEx byte and the raw value bytes (NoB = their
 * length). Immutable. The wire form is kept whole so a value encodes back to exactly the bytes it
 * came from; the views ({@link #decimal()}, {@link #time()}, {@link #date()} …) interpret it.
 *
 * <p>Any NoB the one-byte field can name is kept, 0..255: a 10-byte value is as exact as a 4-byte
 * one ({@link #mantissa()} is a {@link BigInteger}). A register with NoB 0 is one the meter reports
 * without a value: {@link #hasValue()} is false, the typed views are empty, {@link #displayValue()}
 * says {@code no value} and {@link #decimal()} reads the empty mantissa as 0. Nothing about one
 * register (its unit, SiEx or length) makes another unreadable: a view that does not fit is empty
 * and the exact decimal remains.
 *
 * @param id register id 0..65535
 * @param unitCode unit code 0..255
 * @param siex SiEx byte 0..255
 * @param bytes value bytes, 0..255 (a copy is kept)
 */
public record RegisterValue(int id, int unitCode, int siex, byte[] bytes) {

  /** Checks the ranges and keeps a copy of the bytes. */
  public RegisterValue {
    if (id < 0 || id > Registers.MAX_ID) {
      throw new IllegalArgumentException("register id " + id + " is out of range 0..65535");
    }
    if (unitCode < 0 || unitCode > 255) {
      throw new IllegalArgumentException("unit code " + unitCode + " is out of range 0..255");
    }
    if (siex < 0 || siex > 255) {
      throw new IllegalArgumentException("SiEx byte " + siex + " is out of range 0..255");
    }
    if (bytes.length > SiEx.MAX_NOB) {
      throw new IllegalArgumentException(
          "number of value bytes "
              + bytes.length
              + " is out of range 0.."
              + SiEx.MAX_NOB
              + " (NoB is one byte)");
    }
    bytes = bytes.clone();
  }

  /**
   * A number with the shortest exact encoding, as many value bytes as it needs (up to 255).
   *
   * @throws IllegalArgumentException when 255 bytes and an exponent in -63..63 do not hold it
   */
  public static RegisterValue ofNumber(int id, BigDecimal value, int unitCode) {
    SiEx.Encoded encoded = SiEx.encode(value);
    return new RegisterValue(id, unitCode, encoded.siex(), encoded.mantissa());
  }

  /**
   * A number with {@code nob} value bytes (1..255), keeping the value's scale where it fits; more
   * bytes when the value needs them, as a meter that sends a register with NoB 4 while it fits.
   *
   * @throws IllegalArgumentException for {@code nob} outside 1..255 or a value 255 bytes and an
   *     exponent in -63..63 do not hold
   */
  public static RegisterValue ofNumber(int id, BigDecimal value, int unitCode, int nob) {
    SiEx.Encoded encoded = SiEx.encodeKeepingScale(value, nob);
    return new RegisterValue(id, unitCode, encoded.siex(), encoded.mantissa());
  }

  /** A clock value (unit 0x2F, digits HHMMSS, 4 bytes). */
  public static RegisterValue ofTime(int id, LocalTime time) {
    int digits = time.getHour() * 10_000 + time.getMinute() * 100 + time.getSecond();
    return ofNumber(id, BigDecimal.valueOf(digits), 0x2F, 4);
  }

  /** A date (unit 0x30, digits YYMMDD with years since 2000, 4 bytes). */
  public static RegisterValue ofDate(int id, LocalDate date) {
    int digits =
        (date.getYear() - 2000) * 10_000 + date.getMonthValue() * 100 + date.getDayOfMonth();
    return ofNumber(id, BigDecimal.valueOf(digits), 0x30, 4);
  }

  /** ASCII text (unit 0x36); 1..255 characters. */
  public static RegisterValue ofText(int id, String text) {
    if (text.isEmpty()) {
      throw new IllegalArgumentException("text of a register has 1..255 characters, not none");
    }
    return new RegisterValue(id, 0x36, 0, text.getBytes(StandardCharsets.US_ASCII));
  }

  /** A date and time (unit 0x4F, 7 bytes: offset, YY, MM, DD, hh, mm, ss). */
  public static RegisterValue ofDateTime(int id, LocalDateTime dateTime, int offset) {
    byte[] b = {
      (byte) offset,
      (byte) (dateTime.getYear() - 2000),
      (byte) dateTime.getMonthValue(),
      (byte) dateTime.getDayOfMonth(),
      (byte) dateTime.getHour(),
      (byte) dateTime.getMinute(),
      (byte) dateTime.getSecond()
    };
    return new RegisterValue(id, 0x4F, 0, b);
  }

  /** The value bytes (a copy). */
  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /** Number of value bytes. */
  public int nob() {
    return bytes.length;
  }

  /**
   * Whether the meter sent value bytes: false for NoB 0, a register the meter reports without a
   * value (it tells a reported 0 from no value at all).
   */
  public boolean hasValue() {
    return bytes.length > 0;
  }

  /** The register as the catalogue knows it. */
  public Register register() {
    return Registers.byId(id);
  }

  /** The unit. */
  public Unit unit() {
    return Units.of(unitCode);
  }

  /** How the value is to be read. */
  public ValueKind kind() {
    return ValueKind.forUnit(unitCode);
  }

  /**
   * The value as an exact decimal: {@code ±mantissa × 10^±exponent}. Defined for every unit and
   * length; 0 for a register without value (see {@link #hasValue()}).
   */
  public BigDecimal decimal() {
    return SiEx.decode(siex, bytes);
  }

  /** The mantissa as an unsigned integer, of any length; 0 without value bytes. */
  public BigInteger mantissa() {
    return SiEx.unsignedMantissa(bytes, 0, bytes.length);
  }

  /** A clock value (unit 0x2F), empty for another unit or digits that are not a valid time. */
  public Optional<LocalTime> time() {
    if (kind() != ValueKind.CLOCK) {
      return Optional.empty();
    }
    return digits()
        .flatMap(
            d ->
                attempt(
                    () ->
                        LocalTime.of((int) (d / 10_000), (int) (d / 100 % 100), (int) (d % 100))));
  }

  /**
   * A date (units 0x30 and 0x31), empty for another unit or digits that are not a valid date (a
   * meter sends 0 for a date not yet set).
   */
  public Optional<LocalDate> date() {
    return switch (kind()) {
      case DATE ->
          digits()
              .flatMap(
                  d ->
                      attempt(
                          () ->
                              LocalDate.of(
                                  2000 + (int) (d / 10_000),
                                  (int) (d / 100 % 100),
                                  (int) (d % 100))));
      case LONG_DATE ->
          digits()
              .flatMap(
                  d ->
                      attempt(
                          () ->
                              LocalDate.of(
                                  (int) (d / 10_000), (int) (d / 100 % 100), (int) (d % 100))));
      default -> Optional.empty();
    };
  }

  /** A date without year (unit 0x32), empty for another unit or invalid digits. */
  public Optional<MonthDay> monthDay() {
    if (kind() != ValueKind.MONTH_DAY) {
      return Optional.empty();
    }
    return digits().flatMap(d -> attempt(() -> MonthDay.of((int) (d / 100), (int) (d % 100))));
  }

  /** The 7-byte date and time (unit 0x4F), empty for another unit or invalid fields. */
  public Optional<LocalDateTime> dateTime() {
    if (kind() != ValueKind.DATE_TIME || bytes.length != 7) {
      return Optional.empty();
    }
    return attempt(
        () ->
            LocalDateTime.of(
                2000 + (bytes[1] & 0xFF),
                bytes[2] & 0xFF,
                bytes[3] & 0xFF,
                bytes[4] & 0xFF,
                bytes[5] & 0xFF,
                bytes[6] & 0xFF));
  }

  /** The first byte of a 7-byte date and time, believed to be a DST/UTC offset. */
  public Optional<Integer> dateTimeOffset() {
    return kind() == ValueKind.DATE_TIME && bytes.length == 7
        ? Optional.of(bytes[0] & 0xFF)
        : Optional.empty();
  }

  /**
   * ASCII text (unit 0x36), trailing NUL bytes removed; empty for another unit or without value.
   */
  public Optional<String> text() {
    if (kind() != ValueKind.TEXT || !hasValue()) {
      return Optional.empty();
    }
    int end = bytes.length;
    while (end > 0 && bytes[end - 1] == 0) {
      end--;
    }
    return Optional.of(new String(bytes, 0, end, StandardCharsets.US_ASCII));
  }

  /**
   * The most specific view: {@link LocalTime}, {@link LocalDate}, {@link MonthDay}, {@link
   * LocalDateTime} or {@link String} where the unit says so and the value is valid, otherwise the
   * exact {@link BigDecimal} (0 for a register without value: ask {@link #hasValue()} first).
   */
  public Object typedValue() {
    Optional<?> typed =
        switch (kind()) {
          case CLOCK -> time();
          case DATE, LONG_DATE -> date();
          case MONTH_DAY -> monthDay();
          case DATE_TIME -> dateTime();
          case TEXT -> text();
          default -> Optional.empty();
        };
    return typed.isPresent() ? typed.get() : decimal();
  }

  /**
   * The value as a person reads it: ISO date/time, text, or the plain decimal; {@code no value} for
   * a register without value bytes.
   */
  public String displayValue() {
    if (!hasValue()) {
      return "no value";
    }
    if (kind() == ValueKind.RAW) {
      return decimal().toPlainString() + " (raw " + HexFormat.of().formatHex(bytes) + ")";
    }
    Object typed = typedValue();
    if (typed instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (typed instanceof LocalTime t) {
      return t.format(DateTimeFormatter.ofPattern("HH:mm:ss"));
    }
    if (typed instanceof LocalDateTime t) {
      return t.toLocalDate()
          + "T"
          + t.toLocalTime().format(DateTimeFormatter.ofPattern("HH:mm:ss"));
    }
    return typed.toString();
  }

  private Optional<Long> digits() {
    if (!hasValue()) {
      return Optional.empty();
    }
    BigDecimal value = decimal();
    if (value.signum() < 0 || value.scale() > 0 && value.stripTrailingZeros().scale() > 0) {
      return Optional.empty();
    }
    try {
      return Optional.of(value.longValueExact());
    } catch (ArithmeticException e) {
      return Optional.empty();
    }
  }

  private static <T> Optional<T> attempt(java.util.function.Supplier<T> factory) {
    try {
      return Optional.of(factory.get());
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RegisterValue v
        && v.id == id
        && v.unitCode == unitCode
        && v.siex == siex
        && Arrays.equals(v.bytes, bytes);
  }

  @Override
  public int hashCode() {
    return ((id * 31 + unitCode) * 31 + siex) * 31 + Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "RegisterValue["
        + register().name()
        + "("
        + id
        + ")="
        + displayValue()
        + " "
        + unit().symbol()
        + ", siex=0x"
        + Integer.toHexString(siex)
        + ", nob="
        + bytes.length
        + "]";
  }
}
