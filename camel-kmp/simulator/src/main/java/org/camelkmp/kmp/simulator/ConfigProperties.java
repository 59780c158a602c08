package org.camelkmp.kmp.simulator;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import org.camelkmp.kmp.message.GetTypeResponse;
import org.camelkmp.kmp.value.RegisterValue;
import org.camelkmp.kmp.value.Registers;
import org.camelkmp.kmp.value.Units;

/** Reads the properties-file form of {@link MeterConfig}; the keys are documented there. */
final class ConfigProperties {
  private static final String REGISTER_PREFIX = "register.";
  private static final List<String> KEYS =
      List.of(
          "serialNumber",
          "meterType",
          "revision",
          "address",
          "password",
          "heatEnergy",
          "coolingEnergy",
          "volume",
          "hourCounter",
          "power",
          "flow",
          "flowTemperature",
          "variation",
          "log.hourly.depth",
          "log.hourly.history",
          "log.daily.depth",
          "log.daily.history",
          REGISTER_PREFIX + "<id or name>");

  private ConfigProperties() {}

  static MeterConfig.Builder apply(Properties properties, MeterConfig.Builder builder) {
    Map<Integer, String> registerKeys = new HashMap<>();
    int[] hourly = {builder.hourlyLogSpec().depth(), builder.hourlyLogSpec().history()};
    int[] daily = {builder.dailyLogSpec().depth(), builder.dailyLogSpec().history()};
    for (String key : new TreeSet<>(properties.stringPropertyNames())) {
      String value = properties.getProperty(key).trim();
      try {
        applyOne(builder, key, value, registerKeys, hourly, daily);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "bad value '" + value + "' for key '" + key + "': " + e.getMessage(), e);
      }
    }
    try {
      builder.hourlyLog(hourly[0], hourly[1]);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "bad value for key 'log.hourly.history' or 'log.hourly.depth': " + e.getMessage(), e);
    }
    try {
      builder.dailyLog(daily[0], daily[1]);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "bad value for key 'log.daily.history' or 'log.daily.depth': " + e.getMessage(), e);
    }
    return builder;
  }

  private static void applyOne(
      MeterConfig.Builder b,
      String key,
      String value,
      Map<Integer, String> registerKeys,
      int[] hourly,
      int[] daily) {
    switch (key) {
      case "serialNumber" -> b.serialNumber(whole(value, 0xFFFF_FFFFL));
      case "meterType" -> b.meterType((int) whole(value, 0xFFFF));
      case "revision" ->
          b.revision(
              value.matches("(?i)[a-z][0-9]+")
                  ? GetTypeResponse.parseRevision(value)
                  : (int) whole(value, 0xFFFF));
      case "address" -> b.address((int) whole(value, 0xFF));
      case "password" -> b.password((int) whole(value, 0xFFFF));
      case "heatEnergy" -> b.heatEnergy(amount(value, "GJ"));
      case "coolingEnergy" -> b.coolingEnergy(amount(value, "GJ"));
      case "volume" -> b.volume(amount(value, "m³"));
      case "hourCounter" -> b.hourCounter(whole(withoutUnit(value, "h"), 0xFFFF_FFFFL));
      case "power" -> b.power(amount(value, "kW"));
      case "flow" -> b.flow(amount(value, "l/h"));
      case "flowTemperature" -> b.flowTemperature(quantity(value, "°C"));
      case "variation" -> b.variation(fraction(value));
      case "log.hourly.depth" -> hourly[0] = (int) whole(value, 0xFFFF);
      case "log.hourly.history" -> hourly[1] = (int) whole(value, 0xFFFF);
      case "log.daily.depth" -> daily[0] = (int) whole(value, 0xFFFF);
      case "log.daily.history" -> daily[1] = (int) whole(value, 0xFFFF);
      default -> {
        if (!key.startsWith(REGISTER_PREFIX)) {
          throw new IllegalArgumentException(
              "unknown key '" + key + "' (value '" + value + "'); known keys: " + KEYS);
        }
        register(b, key, value, registerKeys);
      }
    }
  }

  private static void register(
      MeterConfig.Builder b, String key, String value, Map<Integer, String> registerKeys) {
    int id = Registers.resolve(key.substring(REGISTER_PREFIX.length())).id();
    String earlier = registerKeys.put(id, key);
    if (earlier != null) {
      throw new IllegalArgumentException(
          "register " + id + " is also set by key '" + earlier + "'");
    }
    if (value.equalsIgnoreCase("remove")) {
      b.remove(id);
      return;
    }
    String[] parts = value.split("\\s+", 2);
    int unit = parts.length == 2 ? Units.codeOf(parts[1]) : 0;
    b.register(RegisterValue.ofNumber(id, decimal(parts[0]), unit, 4));
  }

  private static long whole(String value, long max) {
    long parsed;
    try {
      parsed =
          value.regionMatches(true, 0, "0x", 0, 2)
              ? Long.parseLong(value.substring(2), 16)
              : Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("expected a whole number 0.." + max + " (or 0x hex)");
    }
    if (parsed < 0 || parsed > max) {
      throw new IllegalArgumentException("out of range 0.." + max);
    }
    return parsed;
  }

  private static double fraction(String value) {
    BigDecimal parsed = decimal(value);
    if (parsed.signum() < 0 || parsed.compareTo(BigDecimal.ONE) > 0) {
      throw new IllegalArgumentException("out of range 0..1");
    }
    return parsed.doubleValue();
  }

  private static BigDecimal decimal(String value) {
    try {
      return new BigDecimal(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("expected a decimal number such as 12.5");
    }
  }

  /** A decimal, optionally followed by the expected unit. */
  private static BigDecimal quantity(String value, String unit) {
    return decimal(withoutUnit(value, unit));
  }

  /** A decimal of at least 0, optionally followed by the expected unit. */
  private static BigDecimal amount(String value, String unit) {
    BigDecimal parsed = quantity(value, unit);
    if (parsed.signum() < 0) {
      throw new IllegalArgumentException("must not be negative");
    }
    return parsed;
  }

  private static String withoutUnit(String value, String unit) {
    String[] parts = value.split("\\s+", 2);
    if (parts.length == 2 && !sameUnit(parts[1], unit)) {
      throw new IllegalArgumentException("the unit must be " + unit + ", not " + parts[1]);
    }
    return parts[0];
  }

  private static boolean sameUnit(String given, String expected) {
    try {
      return Units.codeOf(given) == Units.codeOf(expected);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
