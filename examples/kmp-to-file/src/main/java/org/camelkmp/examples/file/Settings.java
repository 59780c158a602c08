package org.camelkmp.examples.file;

import java.time.DateTimeException;
import java.time.ZoneId;
import org.apache.camel.CamelContext;
import org.camelkmp.examples.support.ExampleSettings;
import org.camelkmp.examples.support.ExampleStartupException;

/**
 * Reads this example's properties and refuses bad values with a message that names the property,
 * before any route starts.
 */
final class Settings extends ExampleSettings {
  Settings(CamelContext context) {
    super(context);
  }

  /** A time zone id. */
  ZoneId zone(String key) {
    String value = required(key, "UTC or Europe/Copenhagen");
    try {
      return ZoneId.of(value);
    } catch (DateTimeException e) {
      throw new ExampleStartupException(
          key + "=" + value + " is not a time zone id (UTC, Europe/Copenhagen, +01:00)", e);
    }
  }
}
