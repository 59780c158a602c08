package org.camelkmp.examples.homeassistant;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;

/**
 * Home Assistant's documented rules for MQTT discovery of sensors and binary sensors (the MQTT
 * integration's discovery section, the sensor entity's device classes with their units and state
 * classes), as the tests check the reader's messages against them. Written from the documentation
 * of Home Assistant 2025, independently of the table the application uses.
 */
final class HomeAssistantSchema {
  static final Map<String, Set<String>> UNITS =
      Map.ofEntries(
          Map.entry(
              "energy",
              Set.of(
                  "J", "kJ", "MJ", "GJ", "mWh", "Wh", "kWh", "MWh", "GWh", "TWh", "cal", "kcal",
                  "Mcal", "Gcal")),
          Map.entry("water", Set.of("CCF", "ft³", "m³", "gal", "L")),
          Map.entry("power", Set.of("mW", "W", "kW", "MW", "GW", "TW")),
          Map.entry("reactive_power", Set.of("var")),
          Map.entry("apparent_power", Set.of("VA")),
          Map.entry("voltage", Set.of("µV", "mV", "V", "kV", "MV")),
          Map.entry("current", Set.of("mA", "A")),
          Map.entry("temperature", Set.of("°C", "°F", "K")),
          Map.entry(
              "volume_flow_rate",
              Set.of(
                  "m³/h", "m³/min", "m³/s", "ft³/min", "L/h", "L/min", "L/s", "gal/h", "gal/min",
                  "gal/d", "mL/s")),
          Map.entry("weight", Set.of("g", "kg", "mg", "µg", "oz", "lb", "st")),
          Map.entry("duration", Set.of("d", "h", "min", "s", "ms", "μs")),
          Map.entry(
              "pressure",
              Set.of("Pa", "hPa", "kPa", "bar", "cbar", "mbar", "mmHg", "inHg", "inH₂O", "psi")),
          Map.entry("frequency", Set.of("Hz", "kHz", "MHz", "GHz")),
          Map.entry("humidity", Set.of("%")),
          Map.entry("speed", Set.of("m/s", "km/h", "mph", "ft/s", "kn")));

  /** Device classes without a unit. */
  static final Set<String> UNITLESS = Set.of("date", "timestamp", "ph");

  static final Map<String, Set<String>> STATE_CLASSES =
      Map.ofEntries(
          Map.entry("energy", Set.of("total", "total_increasing")),
          Map.entry("water", Set.of("total", "total_increasing")),
          Map.entry("weight", Set.of("measurement", "total", "total_increasing")),
          Map.entry("duration", Set.of("measurement", "total", "total_increasing")),
          Map.entry("date", Set.of()),
          Map.entry("timestamp", Set.of()));

  /** State classes of the other device classes used here. */
  static final Set<String> MEASUREMENT_ONLY = Set.of("measurement");

  static final Set<String> BINARY_SENSOR_CLASSES = Set.of("problem");

  private HomeAssistantSchema() {}

  /**
   * Checks one retained discovery message at {@code topic}: the topic's form, the keys Home
   * Assistant needs, and that device class, unit and state class go together.
   */
  static void checkConfig(String topic, JsonNode config, String prefix, String nodeId) {
    String[] levels = topic.split("/");
    assertThat(topic).as("discovery topic").startsWith(prefix + "/").endsWith("/config");
    String component = levels[levels.length - 4];
    assertThat(component).as(topic).isIn("sensor", "binary_sensor");
    assertThat(levels[levels.length - 3]).as("node id in " + topic).isEqualTo(nodeId);
    String uniqueId = config.path("unique_id").asText();
    assertThat(levels[levels.length - 2])
        .as("object id = unique id in " + topic)
        .isEqualTo(uniqueId);
    assertThat(uniqueId).as(topic).matches("kamstrup_[0-9]+_[a-z0-9_]+");
    for (String key :
        new String[] {"name", "state_topic", "value_template", "availability_topic", "device"}) {
      assertThat(config.hasNonNull(key)).as(key + " in " + topic).isTrue();
    }
    assertThat(config.path("expire_after").asLong()).as("expire_after in " + topic).isPositive();
    JsonNode device = config.path("device");
    assertThat(device.path("identifiers").isArray() && device.path("identifiers").size() > 0)
        .as("device identifiers in " + topic)
        .isTrue();
    assertThat(device.path("manufacturer").asText()).isEqualTo("Kamstrup");
    assertThat(device.path("model").asText()).as("model in " + topic).isNotBlank();
    assertThat(device.path("serial_number").asText()).as(topic).matches("[0-9]+");
    assertThat(config.path("origin").path("name").asText()).as("origin in " + topic).isNotBlank();

    String deviceClass = config.path("device_class").asText(null);
    String unit = config.path("unit_of_measurement").asText(null);
    String stateClass = config.path("state_class").asText(null);
    if (component.equals("binary_sensor")) {
      assertThat(deviceClass).as(topic).isIn(BINARY_SENSOR_CLASSES);
      assertThat(unit).as(topic).isNull();
      assertThat(stateClass).as(topic).isNull();
      return;
    }
    if (deviceClass == null) {
      assertThat(stateClass).as(topic).isIn(null, "measurement", "total", "total_increasing");
      return;
    }
    if (UNITLESS.contains(deviceClass)) {
      assertThat(unit).as("unit of a " + deviceClass + " sensor, " + topic).isNull();
    } else {
      assertThat(UNITS).as("a device class Home Assistant knows").containsKey(deviceClass);
      assertThat(unit)
          .as("unit of a " + deviceClass + " sensor, " + topic)
          .isIn(UNITS.get(deviceClass));
    }
    Set<String> allowed = STATE_CLASSES.getOrDefault(deviceClass, MEASUREMENT_ONLY);
    if (allowed.isEmpty()) {
      assertThat(stateClass).as("state class of a " + deviceClass + " sensor").isNull();
    } else {
      assertThat(stateClass)
          .as("state class of a " + deviceClass + " sensor, " + topic)
          .isIn(allowed);
    }
  }
}
