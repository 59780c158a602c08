package org.camelkmp.examples.homeassistant;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.camelkmp.component.kmp.KmpRegisterReading;

/**
 * Home Assistant MQTT discovery messages for one meter: one retained config per entity at {@code
 * <prefix>/<component>/<node id>/<object id>/config}, the object id being the entity's unique id,
 * {@code kamstrup_<serial>_<register>}, which stays the same across restarts and readers.
 *
 * <p>Every register the meter answered becomes a sensor whose class and unit come from {@link
 * HomeAssistantUnits}; the info code also becomes one {@code binary_sensor} per {@link
 * InfoCode#BITS named bit}; a diagnostic timestamp sensor shows when the meter was last read. All
 * of them belong to one device per meter, share the reader's availability topic, and expire when no
 * reading came for {@code expireAfterSeconds}.
 */
public final class Discovery {
  private final Topics topics;
  private final long expireAfterSeconds;
  private final String version;

  /**
   * @param topics the reader's topics
   * @param expireAfterSeconds after how long without a reading Home Assistant shows the entities as
   *     unavailable
   * @param version this application's version, for the {@code origin} block
   */
  public Discovery(Topics topics, long expireAfterSeconds, String version) {
    this.topics = topics;
    this.expireAfterSeconds = expireAfterSeconds;
    this.version = version;
  }

  /** The config messages for {@code device}, whose readings carry {@code registers}. */
  public List<Publication> configs(MeterDevice device, List<KmpRegisterReading> registers) {
    List<Publication> configs = new ArrayList<>();
    configs.add(readAt(device));
    for (KmpRegisterReading register : registers) {
      configs.add(sensor(device, register));
      if (register.id() == InfoCode.REGISTER) {
        for (InfoCode.Bit bit : InfoCode.BITS) {
          configs.add(problem(device, bit));
        }
      }
    }
    return configs;
  }

  /** The part of an object id that names a register: {@code t1_t2} for T1-T2. */
  static String slug(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
  }

  private Publication sensor(MeterDevice device, KmpRegisterReading register) {
    EntityClass entityClass = HomeAssistantUnits.of(register.unitCode());
    String objectId = device.identifier() + "_" + slug(register.name());
    ObjectNode config = common(device, objectId, label(register));
    config.put("value_template", "{{ value_json['" + register.name() + "'] }}");
    if (entityClass.deviceClass() != null) {
      config.put("device_class", entityClass.deviceClass());
    }
    if (entityClass.stateClass() != null) {
      config.put("state_class", entityClass.stateClass());
    }
    if (entityClass.unit() != null) {
      config.put("unit_of_measurement", entityClass.unit());
    }
    if (!entityClass.hasStatistics() || register.id() == InfoCode.REGISTER) {
      config.put("entity_category", "diagnostic");
    }
    return new Publication(topics.config("sensor", objectId), Json.bytes(config), true);
  }

  private Publication problem(MeterDevice device, InfoCode.Bit bit) {
    String objectId = device.identifier() + "_info_" + bit.key();
    ObjectNode config = common(device, objectId, bit.name());
    config.put("device_class", "problem");
    config.put("value_template", "{{ value_json.problems['" + bit.key() + "'] }}");
    config.put("payload_on", "ON");
    config.put("payload_off", "OFF");
    return new Publication(topics.config("binary_sensor", objectId), Json.bytes(config), true);
  }

  private Publication readAt(MeterDevice device) {
    String objectId = device.identifier() + "_read_at";
    ObjectNode config = common(device, objectId, "Last reading");
    config.put("device_class", "timestamp");
    config.put("value_template", "{{ value_json.read_at }}");
    config.put("entity_category", "diagnostic");
    return new Publication(topics.config("sensor", objectId), Json.bytes(config), true);
  }

  private ObjectNode common(MeterDevice device, String uniqueId, String name) {
    ObjectNode config = Json.object();
    config.put("name", name);
    config.put("unique_id", uniqueId);
    config.put("state_topic", topics.state(device.serial()));
    config.put("availability_topic", topics.availability());
    config.put("payload_available", "online");
    config.put("payload_not_available", "offline");
    config.put("expire_after", expireAfterSeconds);
    config.put("qos", 1);
    ObjectNode dev = config.putObject("device");
    dev.putArray("identifiers").add(device.identifier());
    dev.put("name", device.name());
    dev.put("manufacturer", "Kamstrup");
    dev.put("model", device.model());
    if (device.softwareRevision() != null) {
      dev.put("sw_version", device.softwareRevision());
    }
    dev.put("serial_number", String.valueOf(device.serial()));
    ObjectNode origin = config.putObject("origin");
    origin.put("name", "camel-kmp kmp-to-home-assistant");
    origin.put("sw_version", version);
    return config;
  }

  private static String label(KmpRegisterReading register) {
    if (register.id() == InfoCode.REGISTER) {
      return "Info code (" + register.name() + ")";
    }
    String description = register.description();
    if (description == null || description.isBlank()) {
      return register.name();
    }
    return Character.toUpperCase(description.charAt(0))
        + description.substring(1)
        + " ("
        + register.name()
        + ")";
  }
}
