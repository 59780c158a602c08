package org.camelkmp.tool;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.camelkmp.kmp.value.RegisterValue;
import org.camelkmp.kmp.value.ValueKind;

/** How the tool shows register values, in text and in JSON alike. */
final class Values {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

  private Values() {}

  /**
   * The value as a person reads it: {@code 20:02:43} (seconds always shown), {@code 2026-11-23},
   * {@code 08-24}, {@code 2024-12-31T00:00:04}, the text, or the plain decimal with every digit
   * whatever its NoB; {@code no value} for a register sent with NoB 0.
   */
  static String display(RegisterValue value) {
    if (!value.hasValue() || value.kind() == ValueKind.RAW) {
      return value.displayValue();
    }
    Object typed = value.typedValue();
    if (typed instanceof LocalTime time) {
      return time.format(TIME);
    }
    if (typed instanceof LocalDateTime dateTime) {
      return dateTime(dateTime);
    }
    if (typed instanceof LocalDate date) {
      return date.toString();
    }
    if (typed instanceof MonthDay monthDay) {
      return String.format("%02d-%02d", monthDay.getMonthValue(), monthDay.getDayOfMonth());
    }
    if (typed instanceof BigDecimal decimal) {
      return decimal.toPlainString();
    }
    return typed.toString();
  }

  /**
   * The text field of the JSON form: the display value for every unit that is not a number; null
   * for a number and for a register without value.
   */
  static String text(RegisterValue value) {
    return value.kind() == ValueKind.NUMBER || !value.hasValue() ? null : display(value);
  }

  /** The value field of the JSON form: the exact decimal, null for a register without value. */
  static BigDecimal decimal(RegisterValue value) {
    return value.hasValue() ? value.decimal() : null;
  }

  /** {@code number}, {@code clock}, {@code date}, {@code long_date} … */
  static String kind(RegisterValue value) {
    return value.kind().name().toLowerCase(Locale.ROOT);
  }

  /** {@code 2026-11-23T10:00:00}, seconds always shown. */
  static String dateTime(LocalDateTime dateTime) {
    return dateTime.format(DATE_TIME);
  }

  /** {@code E1 (60)}. */
  static String label(int registerId) {
    return org.camelkmp.kmp.value.Registers.byId(registerId).name() + " (" + registerId + ")";
  }
}
