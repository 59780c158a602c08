package org.camelkmp.kmp.message;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Named, typed arguments from which a command builds its request ({@link
 * CommandId#request(CommandArguments)}), so that every caller, the Camel producer's headers as a
 * command line's options, gives them the same way and no caller builds requests by hand.
 *
 * <p>Names are the commands' own: {@code registers}, {@code clock}, {@code value}, {@code unit},
 * {@code password}, {@code registerValue}, {@code conditionalMask}, {@code unconditionalMask},
 * {@code logId}, {@code logRecords}, {@code maxLength}, {@code logFrom}, {@code logRecordId},
 * {@code logOffset}. An implementation maps them onto where its caller keeps them and names a
 * missing or bad one the way its caller knows it (a header, an option).
 */
public interface CommandArguments {

  /**
   * The register ids given, in the order given.
   *
   * @throws IllegalArgumentException saying how to give registers when none are given
   */
  List<Integer> registers();

  /**
   * The argument called {@code name} as {@code type}; empty when it is not given.
   *
   * @throws IllegalArgumentException naming the argument when it is not a {@code type}
   */
  <T> Optional<T> find(String name, Class<T> type);

  /** The failure for a required argument that was not given, naming it as the caller knows it. */
  IllegalArgumentException missing(String name);

  /** The argument called {@code name}, which must be given. */
  default <T> T required(String name, Class<T> type) {
    return find(name, type).orElseThrow(() -> missing(name));
  }

  /** An integer that must be given. */
  default int integer(String name) {
    return required(name, Integer.class);
  }

  /** An integer, {@code orElse} when not given. */
  default int integer(String name, int orElse) {
    return find(name, Integer.class).orElse(orElse);
  }

  /** A long integer, {@code orElse} when not given. */
  default long longInteger(String name, long orElse) {
    return find(name, Long.class).orElse(orElse);
  }

  /** A decimal that must be given. */
  default BigDecimal decimal(String name) {
    return required(name, BigDecimal.class);
  }

  /** A text that must be given. */
  default String text(String name) {
    return required(name, String.class);
  }

  /** A local date and time that must be given. */
  default LocalDateTime dateTime(String name) {
    return required(name, LocalDateTime.class);
  }

  /** A local date and time, {@code orElse} when not given. */
  default LocalDateTime dateTime(String name, Supplier<LocalDateTime> orElse) {
    return find(name, LocalDateTime.class).orElseGet(orElse);
  }

  /**
   * The registers given, each once, at most {@code max} of them.
   *
   * @throws IllegalArgumentException when there are more
   */
  default List<Integer> distinctRegisters(int max) {
    List<Integer> ids = List.copyOf(new java.util.LinkedHashSet<>(registers()));
    if (ids.size() > max) {
      throw new IllegalArgumentException(
          "this command takes at most " + max + " register(s), got " + ids.size() + ": " + ids);
    }
    return ids;
  }
}
