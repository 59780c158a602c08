package org.camelkmp.component.kmp;

import java.util.Map;
import org.apache.camel.Converter;

/**
 * Type converters for {@link KmpReading}: to a {@code Map} in the JSON shape and to a line of text.
 */
@Converter(generateLoader = true)
public final class KmpConverters {
  private KmpConverters() {}

  /** The reading as nested maps and lists, e.g. for {@code sql:} or templating. */
  @Converter
  public static Map<String, Object> toMap(KmpReading reading) {
    return reading.toMap();
  }

  /** The reading as one line of text. */
  @Converter
  public static String toString(KmpReading reading) {
    return reading.toString();
  }
}
