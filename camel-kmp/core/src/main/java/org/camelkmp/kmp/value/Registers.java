package org.camelkmp.kmp.value;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The register catalogue: heat, cooling and water meters and the 382 electricity meter. Lookup by
 * id or by name, so users can write {@code E1} or {@code 60}. Ids not in the catalogue still work.
 */
public final class Registers {
  /** Highest register id the protocol can address (two bytes). */
  public static final int MAX_ID = 0xFFFF;

  private static final Map<Integer, Register> BY_ID = new LinkedHashMap<>();
  private static final Map<String, List<Register>> BY_NAME = new LinkedHashMap<>();

  static {
    for (String[] row : Tsv.read("registers.tsv", 5)) {
      Register register =
          new Register(
              Integer.parseInt(row[0]),
              row[1],
              row[2],
              row[3],
              Confidence.valueOf(row[4].toUpperCase(Locale.ROOT)));
      BY_ID.putIfAbsent(register.id(), register);
      BY_NAME.computeIfAbsent(key(register.name()), k -> new ArrayList<>()).add(register);
    }
  }

  private Registers() {}

  /** The catalogued register, or {@link Register#unknown(int)}. */
  public static Register byId(int id) {
    checkId(id, Integer.toString(id));
    Register register = BY_ID.get(id);
    return register != null ? register : Register.unknown(id);
  }

  /** Every catalogued register, in catalogue order. */
  public static Collection<Register> all() {
    return Collections.unmodifiableCollection(BY_ID.values());
  }

  /**
   * Resolves what a user wrote: a decimal id ({@code 60}), a hex id ({@code 0x3C}) or a name
   * ({@code E1}, case-insensitive; {@code R999} for an uncatalogued id).
   *
   * @throws IllegalArgumentException naming the problem: blank, id out of 0..65535, unknown or
   *     ambiguous name
   */
  public static Register resolve(String idOrName) {
    String token = idOrName == null ? "" : idOrName.trim();
    if (token.isEmpty()) {
      throw new IllegalArgumentException(
          "register is blank: give an id such as 60 or a name such as E1");
    }
    if (token.matches("[0-9]+")) {
      return byId(parseId(token, token, 10));
    }
    if (token.matches("0[xX][0-9a-fA-F]+")) {
      return byId(parseId(token.substring(2), token, 16));
    }
    List<Register> named = BY_NAME.get(key(token));
    if (named == null && token.matches("[rR][0-9]+")) {
      return byId(parseId(token.substring(1), token, 10));
    }
    if (named == null) {
      throw new IllegalArgumentException(
          "unknown register '"
              + token
              + "': give an id 0..65535 or a catalogue name"
              + hint(token));
    }
    if (named.size() > 1) {
      throw new IllegalArgumentException(
          "register name '"
              + token
              + "' is ambiguous: "
              + named.stream()
                  .map(r -> r.id() + " (" + r.family() + ")")
                  .collect(Collectors.joining(" or "))
              + "; give the id instead");
    }
    return named.get(0);
  }

  /** Resolves a comma- or space-separated list such as {@code "E1, V1, 1002"}. */
  public static List<Register> resolveAll(String list) {
    List<Register> registers = new ArrayList<>();
    for (String token : list.split("[,\\s]+")) {
      if (!token.isEmpty()) {
        registers.add(resolve(token));
      }
    }
    if (registers.isEmpty()) {
      throw new IllegalArgumentException(
          "no registers given: list ids or names such as 60,68 or E1,V1");
    }
    return registers;
  }

  private static int parseId(String digits, String token, int radix) {
    java.math.BigInteger id = new java.math.BigInteger(digits, radix);
    if (id.compareTo(java.math.BigInteger.valueOf(MAX_ID)) > 0) {
      throw new IllegalArgumentException("register id " + token + " is out of range 0..65535");
    }
    return id.intValue();
  }

  private static void checkId(int id, String token) {
    if (id < 0 || id > MAX_ID) {
      throw new IllegalArgumentException("register id " + token + " is out of range 0..65535");
    }
  }

  private static String hint(String token) {
    String wanted = key(token);
    List<String> close =
        BY_NAME.keySet().stream()
            .filter(name -> name.startsWith(wanted) || wanted.startsWith(name))
            .limit(5)
            .map(name -> BY_NAME.get(name).get(0).name())
            .toList();
    return close.isEmpty()
        ? " (e.g. E1, V1, T1, POWER1)"
        : " (did you mean " + String.join(", ", close) + "?)";
  }

  private static String key(String name) {
    return name.toUpperCase(Locale.ROOT);
  }
}
