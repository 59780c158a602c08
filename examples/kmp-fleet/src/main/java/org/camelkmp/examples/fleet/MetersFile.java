package org.camelkmp.examples.fleet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camelkmp.examples.support.ExampleStartupException;
import org.camelkmp.kmp.value.Register;
import org.camelkmp.kmp.value.Registers;

/**
 * Reads the fleet's meters file, CSV with the header {@code id,uri,registers,delay}:
 *
 * <pre>
 * id,uri,registers,delay
 * m1,kmp:socket://10.0.0.5:2002,E1 V1 T1 T2,15m
 * </pre>
 *
 * Blank lines and lines starting with {@code #} are skipped. Every line is checked before any route
 * starts; the first bad one stops the start with one message naming the file and the line.
 */
final class MetersFile {
  static final String HEADER = "id,uri,registers,delay";

  private MetersFile() {}

  /** The meters in {@code file}, in the order given. */
  static List<MeterEntry> read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ExampleStartupException("fleet.meters=" + file + ": cannot read it: " + e, e);
    }
    List<MeterEntry> meters = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    boolean header = false;
    for (int i = 0; i < lines.size(); i++) {
      int number = i + 1;
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (!header) {
        if (!line.replace(" ", "").equalsIgnoreCase(HEADER)) {
          throw bad(file, number, "the first line must be the header " + HEADER);
        }
        header = true;
        continue;
      }
      MeterEntry meter = parse(file, number, line);
      Integer earlier = seen.putIfAbsent(meter.id(), number);
      if (earlier != null) {
        throw bad(file, number, "id " + meter.id() + " is given already on line " + earlier);
      }
      meters.add(meter);
    }
    if (meters.isEmpty()) {
      throw new ExampleStartupException(
          "fleet.meters="
              + file
              + " lists no meters; after the header "
              + HEADER
              + " give e.g."
              + " m1,kmp:socket://10.0.0.5:2002,E1 V1 T1 T2,15m");
    }
    return meters;
  }

  private static MeterEntry parse(Path file, int number, String line) {
    String[] fields = line.split(",", -1);
    if (fields.length != 4) {
      throw bad(file, number, "expected 4 fields (" + HEADER + "), found " + fields.length);
    }
    String id = fields[0].strip();
    String uri = fields[1].strip();
    if (!id.matches("[A-Za-z0-9_.-]+")) {
      throw bad(file, number, "id '" + id + "' must be letters, digits, '.', '_' or '-'");
    }
    if (!uri.startsWith("kmp:") || uri.length() == "kmp:".length()) {
      throw bad(
          file,
          number,
          "uri '" + uri + "' must start with kmp: (kmp:socket://gateway:2002 or kmp:/dev/ttyUSB0)");
    }
    if (uri.matches(".*[?&](registers|delay|readSerialNumber|pollStrategy)=.*")) {
      throw bad(file, number, "uri '" + uri + "': give registers and delay in their own fields");
    }
    String registers;
    try {
      registers =
          Registers.resolveAll(fields[2]).stream()
              .map(Register::id)
              .map(String::valueOf)
              .collect(Collectors.joining(","));
    } catch (IllegalArgumentException e) {
      throw bad(file, number, "registers '" + fields[2].strip() + "': " + e.getMessage());
    }
    long delay;
    try {
      delay = Durations.parse(fields[3]);
    } catch (IllegalArgumentException e) {
      throw bad(file, number, "delay " + e.getMessage());
    }
    return new MeterEntry(id, uri, registers, delay, number);
  }

  private static ExampleStartupException bad(Path file, int number, String what) {
    return new ExampleStartupException("fleet.meters=" + file + " line " + number + ": " + what);
  }
}
