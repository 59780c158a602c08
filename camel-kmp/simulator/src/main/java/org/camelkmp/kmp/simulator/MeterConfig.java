package org.camelkmp.kmp.simulator;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.camelkmp.kmp.message.GetTypeResponse;
import org.camelkmp.kmp.value.RegisterValue;
import org.camelkmp.kmp.value.Registers;

/**
 * What a {@link SimulatedMeter} is: identity (serial number, meter type, software revision,
 * address), PutRegister password, the counters it starts from, the heat load it measures, its logs,
 * and registers with fixed values or removed. Immutable; build one with {@link #builder()} or read
 * one from a properties file with {@link #load(Path)}.
 *
 * <p>The defaults describe a MULTICAL 403 heat meter at address 0x3F. Its meter type 0x0403 is
 * illustrative: Kamstrup's type codes for the 403 are not public, so the simulator picks a value
 * that reads as "403" and collides with none of the published codes.
 *
 * <p>File keys (java.util.Properties format, UTF-8; numbers as decimal or {@code 0x} hex; counter
 * and load values may carry their unit, which must then be the one shown):
 *
 * <ul>
 *   <li>{@code serialNumber} 0..4294967295
 *   <li>{@code meterType} 0..0xFFFF
 *   <li>{@code revision} a letter and a number such as {@code F1}, or 0..0xFFFF
 *   <li>{@code address} 0..0xFF
 *   <li>{@code password} PutRegister password, 0..0xFFFF
 *   <li>{@code heatEnergy} E1 at start, GJ; {@code coolingEnergy} E3, GJ; {@code volume} V1, m³;
 *       {@code hourCounter} h
 *   <li>{@code power} nominal heat power, kW; {@code flow} nominal flow, l/h; {@code
 *       flowTemperature} nominal T1, °C; {@code variation} 0 (constant load) .. 1 (realistic)
 *   <li>{@code log.hourly.depth}, {@code log.daily.depth} records a log holds, 1..65535; {@code
 *       log.hourly.history}, {@code log.daily.history} records already logged at start, 0..depth
 *   <li>{@code register.<id or name>} either {@code <decimal> [unit]} for a register with that
 *       fixed value (e.g. {@code register.60=123.456 GJ}, {@code register.E1=123.456 GJ}, {@code
 *       register.5000=42}), or {@code remove} for a register the meter does not have
 * </ul>
 *
 * <p>An unknown key or a bad value is an {@link IllegalArgumentException} naming both.
 */
public final class MeterConfig {
  /** The illustrative MULTICAL 403 meter type. */
  public static final int DEFAULT_METER_TYPE = 0x0403;

  /** The heat meter's usual address. */
  public static final int DEFAULT_ADDRESS = 0x3F;

  private final long serialNumber;
  private final int meterType;
  private final int revision;
  private final int address;
  private final int password;
  private final BigDecimal heatEnergy;
  private final BigDecimal coolingEnergy;
  private final BigDecimal volume;
  private final long hourCounter;
  private final BigDecimal power;
  private final BigDecimal flow;
  private final BigDecimal flowTemperature;
  private final double variation;
  private final LogSpec hourlyLog;
  private final LogSpec dailyLog;
  private final Map<Integer, RegisterValue> fixedRegisters;
  private final Set<Integer> removedRegisters;

  /**
   * How big a log is.
   *
   * @param depth records the log holds before it drops the oldest, 1..65535
   * @param history records already in the log when the meter starts, 0..depth
   */
  public record LogSpec(int depth, int history) {
    public LogSpec {
      if (depth < 1 || depth > 0xFFFF) {
        throw new IllegalArgumentException("log depth " + depth + " is out of range 1..65535");
      }
      if (history < 0 || history > depth) {
        throw new IllegalArgumentException(
            "log history " + history + " is out of range 0.." + depth + " (the depth)");
      }
    }
  }

  private MeterConfig(Builder b) {
    serialNumber = check("serial number", b.serialNumber, 0xFFFF_FFFFL);
    meterType = (int) check("meter type", b.meterType, 0xFFFF);
    revision = (int) check("revision", b.revision, 0xFFFF);
    address = (int) check("address", b.address, 0xFF);
    password = (int) check("password", b.password, 0xFFFF);
    heatEnergy = nonNegative("heat energy", b.heatEnergy);
    coolingEnergy = nonNegative("cooling energy", b.coolingEnergy);
    volume = nonNegative("volume", b.volume);
    hourCounter = check("hour counter", b.hourCounter, 0xFFFF_FFFFL);
    power = nonNegative("power", b.power);
    flow = nonNegative("flow", b.flow);
    flowTemperature = b.flowTemperature;
    if (power.signum() > 0 && flow.signum() == 0) {
      throw new IllegalArgumentException("power " + power + " kW needs a flow above 0 l/h");
    }
    if (!(b.variation >= 0 && b.variation <= 1)) {
      throw new IllegalArgumentException("variation " + b.variation + " is out of range 0..1");
    }
    variation = b.variation;
    hourlyLog = b.hourlyLog;
    dailyLog = b.dailyLog;
    fixedRegisters = Collections.unmodifiableMap(new TreeMap<>(b.fixedRegisters));
    removedRegisters = Collections.unmodifiableSet(new TreeSet<>(b.removedRegisters));
  }

  private static long check(String what, long value, long max) {
    if (value < 0 || value > max) {
      throw new IllegalArgumentException(what + " " + value + " is out of range 0.." + max);
    }
    return value;
  }

  private static BigDecimal nonNegative(String what, BigDecimal value) {
    if (value.signum() < 0) {
      throw new IllegalArgumentException(what + " " + value.toPlainString() + " is negative");
    }
    return value;
  }

  /** A builder starting from the MULTICAL 403 defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The MULTICAL 403 defaults. */
  public static MeterConfig defaults() {
    return builder().build();
  }

  /** A builder holding this configuration, to change some of it. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * The defaults changed by the given properties (keys in the class description).
   *
   * @throws IllegalArgumentException for an unknown key or a bad value, naming both
   */
  public static MeterConfig fromProperties(Properties properties) {
    MeterConfig.Builder builder = ConfigProperties.apply(properties, builder());
    try {
      return builder.build();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("inconsistent meter configuration: " + e.getMessage(), e);
    }
  }

  /**
   * Reads a properties file (UTF-8) over the defaults.
   *
   * @throws IOException when the file cannot be read
   * @throws IllegalArgumentException for an unknown key or a bad value, naming both
   */
  public static MeterConfig load(Path file) throws IOException {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    }
    return fromProperties(properties);
  }

  /** 32-bit serial number. */
  public long serialNumber() {
    return serialNumber;
  }

  /** Meter type as GetType sends it. */
  public int meterType() {
    return meterType;
  }

  /** Software revision as GetType sends it: letter index and number, 0x0601 = "F1". */
  public int revision() {
    return revision;
  }

  /** The address the meter answers to. */
  public int address() {
    return address;
  }

  /** The PutRegister password. */
  public int password() {
    return password;
  }

  /** E1 when the meter starts, GJ. */
  public BigDecimal heatEnergy() {
    return heatEnergy;
  }

  /** E3 (constant: the load is heating only), GJ. */
  public BigDecimal coolingEnergy() {
    return coolingEnergy;
  }

  /** V1 when the meter starts, m³. */
  public BigDecimal volume() {
    return volume;
  }

  /** Operating hours when the meter starts. */
  public long hourCounter() {
    return hourCounter;
  }

  /** Nominal heat power, kW. */
  public BigDecimal power() {
    return power;
  }

  /** Nominal flow, l/h. */
  public BigDecimal flow() {
    return flow;
  }

  /** Nominal flow temperature T1, °C. */
  public BigDecimal flowTemperature() {
    return flowTemperature;
  }

  /** How much the load varies, 0 (constant) .. 1 (realistic). */
  public double variation() {
    return variation;
  }

  /** The hourly interval log, LID 1. */
  public LogSpec hourlyLog() {
    return hourlyLog;
  }

  /** The daily log, LID 2. */
  public LogSpec dailyLog() {
    return dailyLog;
  }

  /** Registers with fixed values, by id; they replace or add to the simulated ones. */
  public Map<Integer, RegisterValue> fixedRegisters() {
    return fixedRegisters;
  }

  /** Registers the meter does not have. */
  public Set<Integer> removedRegisters() {
    return removedRegisters;
  }

  @Override
  public String toString() {
    return String.format(
        "MeterConfig[serial=%d, type=0x%04X, revision=%s, address=0x%02X, fixed=%s, removed=%s]",
        serialNumber,
        meterType,
        new GetTypeResponse(meterType, revision).revisionText(),
        address,
        fixedRegisters.keySet(),
        removedRegisters);
  }

  /** Builds a {@link MeterConfig}; starts from the MULTICAL 403 defaults. Not thread-safe. */
  public static final class Builder {
    private long serialNumber = 72_345_678L;
    private long meterType = DEFAULT_METER_TYPE;
    private long revision = 0x0601;
    private long address = DEFAULT_ADDRESS;
    private long password = 0;
    private BigDecimal heatEnergy = new BigDecimal("1234.567");
    private BigDecimal coolingEnergy = new BigDecimal("0.412");
    private BigDecimal volume = new BigDecimal("12345.67");
    private long hourCounter = 26_280;
    private BigDecimal power = new BigDecimal("14.5");
    private BigDecimal flow = new BigDecimal("500");
    private BigDecimal flowTemperature = new BigDecimal("70");
    private double variation = 1;
    private LogSpec hourlyLog = new LogSpec(1440, 1440);
    private LogSpec dailyLog = new LogSpec(460, 460);
    private final Map<Integer, RegisterValue> fixedRegisters = new TreeMap<>();
    private final Set<Integer> removedRegisters = new TreeSet<>();

    private Builder() {}

    private Builder(MeterConfig c) {
      serialNumber = c.serialNumber;
      meterType = c.meterType;
      revision = c.revision;
      address = c.address;
      password = c.password;
      heatEnergy = c.heatEnergy;
      coolingEnergy = c.coolingEnergy;
      volume = c.volume;
      hourCounter = c.hourCounter;
      power = c.power;
      flow = c.flow;
      flowTemperature = c.flowTemperature;
      variation = c.variation;
      hourlyLog = c.hourlyLog;
      dailyLog = c.dailyLog;
      fixedRegisters.putAll(c.fixedRegisters);
      removedRegisters.addAll(c.removedRegisters);
    }

    /** 32-bit serial number. */
    public Builder serialNumber(long value) {
      serialNumber = value;
      return this;
    }

    /** Meter type, two bytes. */
    public Builder meterType(int value) {
      meterType = value;
      return this;
    }

    /** Software revision, two bytes: letter index and number. */
    public Builder revision(int value) {
      revision = value;
      return this;
    }

    /** Software revision as printed, such as {@code F1}. */
    public Builder revision(String text) {
      revision = GetTypeResponse.parseRevision(text);
      return this;
    }

    /** The address the meter answers to, 0..255. */
    public Builder address(int value) {
      address = value;
      return this;
    }

    /** The PutRegister password, 0..65535. */
    public Builder password(int value) {
      password = value;
      return this;
    }

    /** E1 at start, GJ. */
    public Builder heatEnergy(BigDecimal gigajoules) {
      heatEnergy = gigajoules;
      return this;
    }

    /** E3, GJ. */
    public Builder coolingEnergy(BigDecimal gigajoules) {
      coolingEnergy = gigajoules;
      return this;
    }

    /** V1 at start, m³. */
    public Builder volume(BigDecimal cubicMetres) {
      volume = cubicMetres;
      return this;
    }

    /** Operating hours at start. */
    public Builder hourCounter(long hours) {
      hourCounter = hours;
      return this;
    }

    /** Nominal heat power, kW; needs a flow above 0 when above 0. */
    public Builder power(BigDecimal kilowatts) {
      power = kilowatts;
      return this;
    }

    /** Nominal flow, l/h. */
    public Builder flow(BigDecimal litresPerHour) {
      flow = litresPerHour;
      return this;
    }

    /** Nominal flow temperature T1, °C. */
    public Builder flowTemperature(BigDecimal celsius) {
      flowTemperature = celsius;
      return this;
    }

    /** How much the load varies over the day and year: 0 constant .. 1 realistic. */
    public Builder variation(double factor) {
      variation = factor;
      return this;
    }

    /** Size of the hourly log (LID 1). */
    public Builder hourlyLog(int depth, int history) {
      hourlyLog = new LogSpec(depth, history);
      return this;
    }

    /** Size of the daily log (LID 2). */
    public Builder dailyLog(int depth, int history) {
      dailyLog = new LogSpec(depth, history);
      return this;
    }

    LogSpec hourlyLogSpec() {
      return hourlyLog;
    }

    LogSpec dailyLogSpec() {
      return dailyLog;
    }

    /** A register with a fixed value, replacing a simulated one or adding to them. */
    public Builder register(RegisterValue value) {
      fixedRegisters.put(value.id(), value);
      removedRegisters.remove(value.id());
      return this;
    }

    /**
     * A number register with a fixed value, sent with NoB 4 and the value's scale, such as {@code
     * register(60, new BigDecimal("123.456"), 8)} for E1 = 123.456 GJ; a value that needs more than
     * 4 bytes is sent with as many as it needs (up to 255). For another NoB, or a register without
     * value (NoB 0), give the {@link RegisterValue} itself.
     */
    public Builder register(int id, BigDecimal value, int unitCode) {
      return register(RegisterValue.ofNumber(id, value, unitCode, 4));
    }

    /** A register the meter does not have: GetRegister leaves it out. */
    public Builder remove(int id) {
      if (id < 0 || id > Registers.MAX_ID) {
        throw new IllegalArgumentException("register id " + id + " is out of range 0..65535");
      }
      fixedRegisters.remove(id);
      removedRegisters.add(id);
      return this;
    }

    /**
     * The configuration.
     *
     * @throws IllegalArgumentException for a value out of range
     */
    public MeterConfig build() {
      return new MeterConfig(this);
    }
  }
}
