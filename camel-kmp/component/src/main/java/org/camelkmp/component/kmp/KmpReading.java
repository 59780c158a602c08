package org.camelkmp.component.kmp;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The body the {@code kmp} consumer emits, and the producer returns for GetRegister: one read of a
 * meter's registers. Immutable. Jackson writes it as
 *
 * <pre>{@code
 * {"meterAddress":63,"meterSerial":12345678,"readAt":"2026-11-23T10:00:00Z",
 *  "registers":[{"id":60,"name":"E1","description":"heat energy","unitCode":8,"unit":"GJ",
 *                "value":1234.567,"text":null}],
 *  "missing":[],"requestCount":1}
 * }</pre>
 *
 * with no configuration; the timestamp is also available as an {@link Instant} from {@link
 * #readTimestamp()}.
 */
public final class KmpReading {
  private final int meterAddress;
  private final Long meterSerial;
  private final Instant readAt;
  private final List<KmpRegisterReading> registers;
  private final List<Integer> missing;
  private final int requestCount;

  public KmpReading(
      int meterAddress,
      Long meterSerial,
      Instant readAt,
      List<KmpRegisterReading> registers,
      List<Integer> missing,
      int requestCount) {
    this.meterAddress = meterAddress;
    this.meterSerial = meterSerial;
    this.readAt = readAt;
    this.registers = List.copyOf(registers);
    this.missing = List.copyOf(missing);
    this.requestCount = requestCount;
  }

  /** The destination address read. */
  public int getMeterAddress() {
    return meterAddress;
  }

  /** The meter's serial number, null when not asked for. */
  public Long getMeterSerial() {
    return meterSerial;
  }

  /** When the answer arrived, ISO-8601 in UTC. */
  public String getReadAt() {
    return readAt.toString();
  }

  /** When the answer arrived. */
  public Instant readTimestamp() {
    return readAt;
  }

  /** The registers the meter answered, in the order asked. */
  public List<KmpRegisterReading> getRegisters() {
    return registers;
  }

  /** Ids asked for that the meter does not have. */
  public List<Integer> getMissing() {
    return missing;
  }

  /** KMP requests the read took. */
  public int getRequestCount() {
    return requestCount;
  }

  /** A register by id. */
  public Optional<KmpRegisterReading> register(int id) {
    return registers.stream().filter(r -> r.id() == id).findFirst();
  }

  /** A register by catalogue name, ignoring case. */
  public Optional<KmpRegisterReading> register(String name) {
    return registers.stream().filter(r -> r.name().equalsIgnoreCase(name)).findFirst();
  }

  /** The same data as nested maps and lists, in the JSON shape; used by the type converter. */
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("meterAddress", meterAddress);
    map.put("meterSerial", meterSerial);
    map.put("readAt", getReadAt());
    map.put(
        "registers",
        registers.stream()
            .map(
                r -> {
                  Map<String, Object> m = new LinkedHashMap<>();
                  m.put("id", r.id());
                  m.put("name", r.name());
                  m.put("description", r.description());
                  m.put("unitCode", r.unitCode());
                  m.put("unit", r.unit());
                  m.put("value", r.value());
                  m.put("text", r.text());
                  return m;
                })
            .toList());
    map.put("missing", missing);
    map.put("requestCount", requestCount);
    return map;
  }

  /** One line for logs and people: {@code meter 0x3F #12345678 at …: E1=1234.567 GJ, …}. */
  @Override
  public String toString() {
    String values =
        registers.stream()
            .map(
                r ->
                    r.name()
                        + "="
                        + (r.text() != null
                            ? r.text()
                            : r.value() != null ? r.value().toPlainString() : "no value")
                        + " "
                        + r.unit())
            .collect(Collectors.joining(", "));
    return String.format("meter 0x%02X", meterAddress)
        + (meterSerial != null ? " #" + meterSerial : "")
        + " at "
        + readAt
        + ": "
        + values
        + (missing.isEmpty() ? "" : "; missing " + missing);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KmpReading r
        && r.meterAddress == meterAddress
        && java.util.Objects.equals(r.meterSerial, meterSerial)
        && r.readAt.equals(readAt)
        && r.registers.equals(registers)
        && r.missing.equals(missing)
        && r.requestCount == requestCount;
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(
        meterAddress, meterSerial, readAt, registers, missing, requestCount);
  }
}
