package org.camelkmp.examples.database;

import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.camel.CamelContext;

/**
 * Reads this example's properties and refuses bad values with a message that names the property,
 * before any route starts.
 */
final class Settings {
  private static final Pattern TABLE =
      Pattern.compile("([A-Za-z_][A-Za-z0-9_]{0,62}\\.)?[A-Za-z_][A-Za-z0-9_]{0,62}");

  private final CamelContext context;

  Settings(CamelContext context) {
    this.context = context;
  }

  /** The property's value, trimmed; empty when it is not set or blank. */
  Optional<String> optional(String key) {
    return context
        .getPropertiesComponent()
        .resolveProperty(key)
        .map(String::trim)
        .filter(v -> !v.isEmpty());
  }

  /** The property's value, trimmed. */
  String required(String key, String example) {
    return optional(key)
        .orElseThrow(
            () -> new IllegalArgumentException(key + " is not set; for example " + example));
  }

  /** {@code kmp.uri}: must name the kmp component. */
  String kmpUri() {
    String uri = required("kmp.uri", "kmp:/dev/ttyUSB0 or kmp:socket://gateway:2002");
    if (!uri.startsWith("kmp:")) {
      throw new IllegalArgumentException(
          "kmp.uri="
              + uri
              + " must start with kmp: (a serial port kmp:/dev/ttyUSB0, kmp:COM3 or a ser2net"
              + " gateway kmp:socket://gateway:2002)");
    }
    return uri;
  }

  /** A table name, optionally with its schema: letters, digits and underscores. */
  String table(String key) {
    String value = required(key, "kmp_register_value");
    if (!TABLE.matcher(value).matches()) {
      throw new IllegalArgumentException(
          key
              + "="
              + value
              + " is not a plain table name (letters, digits, _; optionally schema.table)");
    }
    return value;
  }

  /** A whole number of at least {@code min}. */
  long atLeast(String key, long min) {
    String value = required(key, String.valueOf(Math.max(min, 1)));
    try {
      long number = Long.parseLong(value);
      if (number >= min) {
        return number;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw new IllegalArgumentException(
        key + "=" + value + " must be a whole number of at least " + min);
  }
}
