package org.camelkmp.examples.fleet;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as users write them: {@code 500ms}, {@code 10s}, {@code 15m}, {@code 1h}. */
final class Durations {
  private static final Pattern DURATION = Pattern.compile("(\\d{1,12})\\s*(ms|s|m|h)?");

  private Durations() {}

  /**
   * The duration in milliseconds; a bare number is milliseconds, as in Camel's {@code delay}.
   *
   * @throws IllegalArgumentException when {@code text} is not such a duration or is zero
   */
  static long parse(String text) {
    Matcher m = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a duration such as 500ms, 10s, 15m or 1h");
    }
    long amount = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "ms" : m.group(2);
    long millis =
        switch (unit) {
          case "h" -> amount * 3_600_000;
          case "m" -> amount * 60_000;
          case "s" -> amount * 1_000;
          default -> amount;
        };
    if (millis <= 0) {
      throw new IllegalArgumentException("'" + text + "' must be longer than zero");
    }
    return millis;
  }
}
