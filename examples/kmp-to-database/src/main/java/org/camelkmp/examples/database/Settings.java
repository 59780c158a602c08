package org.camelkmp.examples.database;

import java.util.regex.Pattern;
import org.apache.camel.CamelContext;
import org.camelkmp.examples.support.ExampleSettings;
import org.camelkmp.examples.support.ExampleStartupException;

/**
 * Reads this example's properties and refuses bad values with a message that names the property,
 * before any route starts.
 */
final class Settings extends ExampleSettings {
  private static final Pattern TABLE =
      Pattern.compile("([A-Za-z_][A-Za-z0-9_]{0,62}\\.)?[A-Za-z_][A-Za-z0-9_]{0,62}");

  Settings(CamelContext context) {
    super(context);
  }

  /** A table name, optionally with its schema: letters, digits and underscores. */
  String table(String key) {
    String value = required(key, "kmp_register_value");
    if (!TABLE.matcher(value).matches()) {
      throw new ExampleStartupException(
          key
              + "="
              + value
              + " is not a plain table name (letters, digits, _; optionally schema.table)");
    }
    return value;
  }
}
