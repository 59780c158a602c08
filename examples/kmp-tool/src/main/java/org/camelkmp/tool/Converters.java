package org.camelkmp.tool;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
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

  /** {@code 2026-11-23T10:00:00}, also with a space or without seconds. */
  static final class DateTime implements ITypeConverter<LocalDateTime> {
    @Override
    public LocalDateTime convert(String value) {
      try {
        return LocalDateTime.parse(value.trim().replace(' ', 'T'));
      } catch (DateTimeParseException e) {
        throw new TypeConversionException(
            "'" + value + "' is not a valid date and time: give it as 2026-11-23T10:00:00");
      }
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
