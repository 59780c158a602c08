package org.camelkmp.component.kmp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.Map;
import org.apache.camel.Converter;

/**
 * Type converters for {@link KmpReading}: to a {@code Map} and to JSON text, both in the shape
 * documented on {@link KmpReading}, so a route needs no data format to store or send a reading; and
 * from a command's name to a {@link KmpCommand}, with a clear message for an unknown one.
 */
@Converter(generateLoader = true)
public final class KmpConverters {
  private static final ObjectMapper JSON =
      new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

  private KmpConverters() {}

  /**
   * A command by name ({@code GetRegister}, {@code getregister} or {@code GET_REGISTER}), for the
   * {@code command} option: an unknown name fails naming the known ones.
   */
  @Converter
  public static KmpCommand toKmpCommand(String name) {
    return KmpCommand.byName(name);
  }

  /** The reading as nested maps and lists, e.g. for {@code sql:} or templating. */
  @Converter
  public static Map<String, Object> toMap(KmpReading reading) {
    return reading.toMap();
  }

  /** The reading as one line of JSON. */
  @Converter
  public static String toString(KmpReading reading) {
    try {
      return JSON.writeValueAsString(reading);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a KMP reading could not be written as JSON", e);
    }
  }
}
