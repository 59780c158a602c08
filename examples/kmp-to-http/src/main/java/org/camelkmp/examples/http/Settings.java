package org.camelkmp.examples.http;

import java.net.URI;
import java.net.URISyntaxException;
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

  /** An absolute http or https URL with a host. */
  URI httpUrl(String key) {
    String value = required(key, "https://receiver.example/readings");
    try {
      URI uri = new URI(value);
      String scheme = uri.getScheme();
      if (("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
          && uri.getHost() != null) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // refused below
    }
    throw new IllegalArgumentException(
        key + "=" + value + " is not an http:// or https:// URL with a host");
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
