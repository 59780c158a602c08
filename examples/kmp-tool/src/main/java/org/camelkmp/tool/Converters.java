package org.camelkmp.tool;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.camelkmp.kmp.message.EventStatus;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Option value converters; each failure names what is expected. */
final class Converters {
  private Converters() {}

  /** Decimal or 0x hex, within a range. */
  static int unsigned(String text, int max, String what) {
    String t = text.trim();
    try {
      int value =
          t.regionMatches(true, 0, "0x", 0, 2)
              ? Integer.parseInt(t.substring(2), 16)
              : Integer.parseInt(t);
      if (value >= 0 && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new TypeConversionException(
        String.format(
            "'%s' is not a valid %s: give a number 0..%d, decimal or 0x hex", text, what, max));
  }

  /** One byte: an address. */
  static final class ByteValue implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      return unsigned(value, 0xFF, "address");
    }
  }

  /** Two bytes: a password, a record id, an offset. */
  static final class Word implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      return unsigned(value, 0xFFFF, "16-bit value");
    }
  }

  /** {@code 2s}, {@code 1500ms}, {@code 2.5} (seconds), {@code PT2S}. */
  static final class Timeout implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      String t = value.trim().toLowerCase(Locale.ROOT);
      try {
        Duration duration;
        if (t.startsWith("pt")) {
          duration = Duration.parse(t);
        } else if (t.endsWith("ms")) {
          duration = Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2).trim()));
        } else {
          String seconds = t.endsWith("s") ? t.substring(0, t.length() - 1).trim() : t;
          duration =
              Duration.ofNanos(
                  new BigDecimal(seconds).movePointRight(9).toBigIntegerExact().longValueExact());
        }
        if (!duration.isNegative() && !duration.isZero()) {
          return duration;
        }
      } catch (RuntimeException e) {
        // reported below
      }
      throw new TypeConversionException(
          "'" + value + "' is not a valid time: give 2s, 1500ms or 2.5 (seconds), more than zero");
    }
  }

  /**
   * The meter's local time, {@code 2026-11-23T10:00:00} (also with a space or without seconds), or
   * an instant with a zone or offset, {@code 2026-12-01T00:00:00Z} or {@code
   * 2026-12-01T01:00:00+01:00}, turned into this computer's local time: a meter's clock keeps local
   * time without a zone, and kmp-tool sets it from this computer's clock.
   */
  static final class DateTime implements ITypeConverter<LocalDateTime> {
    private final ZoneId zone;

    DateTime() {
      this(ZoneId.systemDefault());
    }

    DateTime(ZoneId zone) {
      this.zone = zone;
    }

    @Override
    public LocalDateTime convert(String value) {
      String text = value.trim().replace(' ', 'T');
      try {
        return LocalDateTime.parse(text);
      } catch (DateTimeParseException local) {
        try {
          return ZonedDateTime.parse(text).withZoneSameInstant(zone).toLocalDateTime();
        } catch (DateTimeParseException zoned) {
          throw new TypeConversionException(
              "'"
                  + value
                  + "' is not a valid date and time: give the meter's local time as"
                  + " 2026-11-23T10:00:00, or an instant with a zone as 2026-12-01T00:00:00Z");
        }
      }
    }
  }

  /** A serial speed a KMP meter speaks: 1200 baud, and 2400 on newer meters. */
  static final class Baud implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      String t = value.trim();
      if (t.equals("1200") || t.equals("2400")) {
        return Integer.valueOf(t);
      }
      throw new TypeConversionException(
          "baud rate "
              + value
              + " is not one a KMP meter speaks: give 1200 (every KMP meter) or 2400 (newer"
              + " meters also accept it)");
    }
  }

  /** Four bytes ES0..ES3 in hex: {@code 00000300} or {@code 00 00 03 00}. */
  static final class EventMask implements ITypeConverter<EventStatus> {
    @Override
    public EventStatus convert(String value) {
      byte[] bytes;
      try {
        bytes = Hex.parse(java.util.List.of(value));
      } catch (UsageException e) {
        bytes = new byte[0];
      }
      if (bytes.length != 4) {
        throw new TypeConversionException(
            "'" + value + "' is not a valid mask: give four bytes ES0..ES3 in hex, like 00000300");
      }
      return EventStatus.of(bytes, 0);
    }
  }
}
