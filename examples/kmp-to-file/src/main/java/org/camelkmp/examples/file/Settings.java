package org.camelkmp.examples.file;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;
import org.apache.camel.CamelContext;

/**
 * Reads this example's properties and refuses bad values with a message that names the property,
 * before any route starts.
 */
final class Settings {
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

  /** A value from a fixed set, compared ignoring case. */
  String oneOf(String key, String... allowed) {
    String value = required(key, allowed[0]);
    for (String a : allowed) {
      if (a.equalsIgnoreCase(value)) {
        return a;
      }
    }
    throw new IllegalArgumentException(
        key + "=" + value + " is not one of " + String.join(", ", allowed));
  }

  /** A time zone id. */
  ZoneId zone(String key) {
    String value = required(key, "UTC or Europe/Copenhagen");
    try {
      return ZoneId.of(value);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          key + "=" + value + " is not a time zone id (UTC, Europe/Copenhagen, +01:00)", e);
    }
  }
}
