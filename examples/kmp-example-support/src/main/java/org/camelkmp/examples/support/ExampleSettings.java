package org.camelkmp.examples.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.camel.CamelContext;

/**
 * Reads an example's properties and refuses bad values with a message that names the property,
 * before any route starts. Each example adds the checks of its own settings.
 */
public class ExampleSettings {
  private final CamelContext context;

  public ExampleSettings(CamelContext context) {
    this.context = context;
  }

  /** The property's value, trimmed; empty when it is not set or blank. */
  public Optional<String> optional(String key) {
    return context
        .getPropertiesComponent()
        .resolveProperty(key)
        .map(String::trim)
        .filter(v -> !v.isEmpty());
  }

  /** The property's value, trimmed. */
  public String required(String key, String example) {
    return optional(key)
        .orElseThrow(
            () -> new ExampleStartupException(key + " is not set; for example " + example));
  }

  /** {@code kmp.uri}: must name the kmp component. */
  public String kmpUri() {
    String uri = required("kmp.uri", "kmp:/dev/ttyUSB0 or kmp:socket://gateway:2002");
    if (!uri.startsWith("kmp:")) {
      throw new ExampleStartupException(
          "kmp.uri="
              + uri
              + " must start with kmp: (a serial port kmp:/dev/ttyUSB0, kmp:COM3 or a ser2net"
              + " gateway kmp:socket://gateway:2002)");
    }
    return uri;
  }

  /** A whole number of at least {@code min}. */
  public long atLeast(String key, long min) {
    String value = required(key, String.valueOf(Math.max(min, 1)));
    try {
      long number = Long.parseLong(value);
      if (number >= min) {
        return number;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw new ExampleStartupException(
        key + "=" + value + " must be a whole number of at least " + min);
  }

  /** A value from a fixed set, compared ignoring case. */
  public String oneOf(String key, String... allowed) {
    String value = required(key, allowed[0]);
    for (String a : allowed) {
      if (a.equalsIgnoreCase(value)) {
        return a;
      }
    }
    throw new ExampleStartupException(
        key + "=" + value + " is not one of " + String.join(", ", allowed));
  }

  /** A directory the application writes to, created when missing. */
  public Path writableDirectory(String key, String example) {
    Path dir = Path.of(required(key, example));
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new ExampleStartupException(key + "=" + dir.toAbsolutePath() + " is not a directory");
    }
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new ExampleStartupException(key + "=" + dir + ": cannot create the directory: " + e, e);
    }
    if (!Files.isWritable(dir)) {
      throw new ExampleStartupException(
          key + "=" + dir.toAbsolutePath() + " is not a writable directory");
    }
    return dir;
  }
}
